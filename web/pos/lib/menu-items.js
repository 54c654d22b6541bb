// Every item of the menu that is not deleted, available or not: GET /api/menu/items (any staff),
// newest first, a page at a time until next_cursor is null. GET /api/menu gives the categories
// (empty ones too, in their order, with their station) but only the items that can be ordered
// now; the till and the menu screen put the two together so a sold-out item stays in view.

import * as api from './api.js';

/** Resolves to every item (`item` of api.md), newest first. */
export function loadMenuItems() {
  return api.getAllPages('/api/menu/items');
}

/**
 * The categories of GET /api/menu (`menu.categories`, in the menu's order) each with its items
 * from `items` (every item, from loadMenuItems) sorted by name, then id. An item of a category
 * the menu does not list is left out.
 */
export function groupByCategory(categories, items) {
  const byCategory = new Map((categories ?? []).map((c) => [c.id, []]));
  for (const item of items) byCategory.get(item.category_id)?.push(item);
  return (categories ?? []).map((category) => ({
    ...category,
    items: byCategory.get(category.id).sort(byName),
  }));
}

function byName(a, b) {
  return a.name.localeCompare(b.name) || a.id - b.id;
}
