// Every item of the menu for the editor, sold-out ones included. GET /api/menu lists only the
// items that can be ordered now (available and not deleted), and the API has no list of the
// others; GET /api/menu/items/{id} does answer for an unavailable item. So the items missing
// from the public menu are found by id: the gaps in the menu's ids, a few ids past the
// highest, and the ids this browser has seen before. A deleted item answers 404 and stays out.

import * as api from '../lib/api.js';

const SEEN_KEY = 'cafe-pos.menu.seen-item-ids';
const PAST_HIGHEST = 5;
const MAX_PROBES = 300;

/** `{categories: [{id, name, position, station, items: [item]}]}`, each category's items
 *  sorted by name, unavailable items included. */
export async function loadCatalogue() {
  const menu = await api.get('/api/menu');
  const categories = (menu.categories ?? []).map((c) => ({ ...c, items: [...(c.items ?? [])] }));
  const listed = new Set(categories.flatMap((c) => c.items.map((i) => i.id)));
  const hidden = await findHidden(listed);
  const byId = new Map(categories.map((c) => [c.id, c]));
  for (const item of hidden) byId.get(item.category_id)?.items.push(item);
  for (const category of categories) category.items.sort(byName);
  remember([...listed, ...hidden.map((i) => i.id)]);
  return { categories };
}

/** The current state of one item (GET /api/menu/items/{id}). */
export function loadItem(id) {
  return api.get(`/api/menu/items/${id}`);
}

async function findHidden(listed) {
  const highest = Math.max(0, ...listed, ...seen());
  const candidates = new Set(seen().filter((id) => !listed.has(id)));
  for (let id = 1; id <= highest + PAST_HIGHEST; id += 1) if (!listed.has(id)) candidates.add(id);
  const ids = [...candidates].sort((a, b) => a - b).slice(0, MAX_PROBES);
  const found = await Promise.all(ids.map(async (id) => {
    try {
      return await loadItem(id);
    } catch (error) {
      if (error.status === 404) return null;
      throw error;
    }
  }));
  return found.filter(Boolean);
}

function seen() {
  try {
    const ids = JSON.parse(localStorage.getItem(SEEN_KEY) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id) => Number.isInteger(id) && id > 0) : [];
  } catch {
    return [];
  }
}

/** Keeps the ids this browser has seen (so an unavailable newest item is still found). */
export function remember(ids) {
  const all = new Set([...seen(), ...ids]);
  localStorage.setItem(SEEN_KEY, JSON.stringify([...all].sort((a, b) => a - b)));
}

function byName(a, b) {
  return a.name.localeCompare(b.name) || a.id - b.id;
}
