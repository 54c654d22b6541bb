// Every item of the menu for the editor, sold-out ones included: the categories from
// GET /api/menu (their order and station, empty ones too) with every item that is not deleted
// from GET /api/menu/items (all pages), each category's items sorted by name.

import * as api from '../lib/api.js';
import { groupByCategory, loadMenuItems } from '../lib/menu-items.js';

/** `{categories: [{id, name, position, station, items: [item]}]}`, each category's items
 *  sorted by name, unavailable items included; empty categories too (a manager edits them). */
export async function loadCatalogue() {
  const [menu, items] = await Promise.all([api.get('/api/menu'), loadMenuItems()]);
  return { categories: groupByCategory(menu.categories, items) };
}

/** The current state of one item (GET /api/menu/items/{id}). */
export function loadItem(id) {
  return api.get(`/api/menu/items/${id}`);
}
