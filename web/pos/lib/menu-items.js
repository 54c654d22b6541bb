// Every item of the menu that is not deleted, available or not: GET /api/menu/items (any staff),
// newest first, a page at a time until next_cursor is null. GET /api/menu gives the categories
// (empty ones too, in their order, with their station) but only the items that can be ordered
// now; the till and the menu screen put the two together so a sold-out item stays in view.

import * as api from './api.js';

const PAGE_SIZE = 200;
const MAX_PAGES = 100; // 20 000 items: far beyond a cafe's menu; a cursor that never ends stops here

/** Resolves to every item (`item` of api.md), newest first. */
export async function loadMenuItems() {
  const items = [];
  let cursor = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) query.set('cursor', cursor);
    const answer = await api.get(`/api/menu/items?${query}`);
    items.push(...(answer.items ?? []));
    if (!answer.next_cursor || answer.next_cursor === cursor) break;
    cursor = answer.next_cursor;
  }
  return items;
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
