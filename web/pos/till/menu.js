// The menu side of the till: category tabs and a grid of big item buttons, read from GET /api/menu
// on load and again every 3 s with If-None-Match, so a price change or a sold-out made elsewhere
// shows within seconds. A sold-out item stays in the grid, marked, and refuses to be added.
// GET /api/menu leaves out items marked unavailable, so the till remembers the items it has seen
// (localStorage) and reads a missing one with GET /api/menu/items/{id}: unavailable means it
// stays in its category as sold out; deleted (404) means it is gone.

import { $ } from '../../shared/dom.js';
import { formatMoney } from '../../shared/money.js';
import * as api from '../lib/api.js';
import { showMessage } from '../lib/shell.js';

const POLL_MS = 3000;
const KNOWN_KEY = 'cafe-pos.till.known-items';

let categories = [];
let itemsById = new Map();
let selectedCategory = null;
let etag = null;
let onPick = () => {};
let onChange = () => {};

/** `pick(item)` is called when an item that can be sold is tapped, `changed()` after the menu
 *  changed (not on the first read). */
export function initMenu(pick, changed) {
  onPick = pick;
  onChange = changed;
  $('item-grid').addEventListener('click', (event) => {
    const button = event.target.closest('button.item');
    if (button) tapItem(Number(button.dataset.itemId));
  });
  $('category-tabs').addEventListener('click', (event) => {
    const tab = event.target.closest('button[data-category-id]');
    if (!tab) return;
    selectedCategory = Number(tab.dataset.categoryId);
    render();
  });
  $('category-tabs').addEventListener('keydown', moveBetweenTabs);
}

/** Reads the menu now and every 3 s (also when the first read fails). Resolves after the first read. */
export async function startMenu() {
  setInterval(() => { refreshMenu().catch(() => {}); }, POLL_MS);
  await refreshMenu();
}

export async function refreshMenu() {
  const answer = await api.getIfChanged('/api/menu', etag);
  if (!answer.body) return;
  const menu = answer.body.categories ?? [];
  const unavailable = await unavailableItems(menu);
  etag = answer.etag;
  categories = menu.map((category) => withUnavailable(category, unavailable));
  itemsById = new Map(categories.flatMap((c) => c.items ?? []).map((item) => [item.id, item]));
  if (!categories.some((c) => c.id === selectedCategory)) selectedCategory = categories[0]?.id ?? null;
  const first = $('menu-loading').hidden === false;
  $('menu-loading').hidden = true;
  render();
  if (!first) onChange();
}

// The remembered items that the menu left out and that still exist, unavailable.
async function unavailableItems(menu) {
  const onMenu = new Set(menu.flatMap((c) => c.items ?? []).map((item) => item.id));
  let known = [];
  try {
    known = JSON.parse(localStorage.getItem(KNOWN_KEY) ?? '[]');
  } catch {
    known = [];
  }
  const missing = known.filter((id) => Number.isInteger(id) && !onMenu.has(id));
  const found = await Promise.all(missing.map((id) => api.get(`/api/menu/items/${id}`).catch((error) => {
    if (error.status === 404) return null;
    throw error; // not known now: the next change of the menu tries again
  })));
  const unavailable = found.filter((item) => item && item.available === false);
  localStorage.setItem(KNOWN_KEY, JSON.stringify([...onMenu, ...unavailable.map((item) => item.id)]));
  return unavailable;
}

function withUnavailable(category, unavailable) {
  const extra = unavailable.filter((item) => item.category_id === category.id);
  if (extra.length === 0) return category;
  const items = [...(category.items ?? []), ...extra]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  return { ...category, items };
}

export function menuItem(id) {
  return itemsById.get(id) ?? null;
}

export function isSoldOut(item) {
  return !item || item.available === false || item.stock === 0;
}

function tapItem(id) {
  const item = itemsById.get(id);
  if (!item) return;
  if (isSoldOut(item)) {
    showMessage(`${item.name} is sold out: it was not added.`, 'error');
    return;
  }
  onPick(item);
}

function render() {
  const tabs = $('category-tabs');
  const focusedId = document.activeElement?.dataset?.categoryId;
  tabs.replaceChildren(...categories.map((category) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.className = 'category-tab';
    tab.setAttribute('role', 'tab');
    tab.id = `category-tab-${category.id}`;
    tab.setAttribute('aria-controls', 'item-grid');
    tab.dataset.categoryId = String(category.id);
    const selected = category.id === selectedCategory;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    tab.textContent = category.name;
    return tab;
  }));
  if (focusedId) tabs.querySelector(`[data-category-id="${focusedId}"]`)?.focus();

  const category = categories.find((c) => c.id === selectedCategory);
  const grid = $('item-grid');
  if (category) grid.setAttribute('aria-labelledby', `category-tab-${category.id}`);
  const focusedItem = document.activeElement?.closest?.('button.item')?.dataset.itemId;
  grid.replaceChildren(...(category?.items ?? []).map(itemButton));
  if (focusedItem) grid.querySelector(`[data-item-id="${focusedItem}"]`)?.focus();
}

function itemButton(item) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'item';
  button.dataset.itemId = String(item.id);
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = item.name;
  const price = document.createElement('span');
  price.className = 'price';
  price.textContent = formatMoney(item.price_cents);
  button.append(name, price);
  if (isSoldOut(item)) {
    button.classList.add('sold-out');
    button.setAttribute('aria-disabled', 'true');
    const note = document.createElement('span');
    note.className = 'sold-out-note';
    note.textContent = 'Sold out';
    button.append(note);
  } else if (Number.isInteger(item.stock)) {
    const left = document.createElement('span');
    left.className = 'stock-note';
    left.textContent = `${item.stock} left`;
    button.append(left);
  }
  return button;
}

// Arrow keys move between the category tabs (the tab list is one stop for Tab).
function moveBetweenTabs(event) {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const index = categories.findIndex((c) => c.id === selectedCategory);
  const next = categories[(index + (event.key === 'ArrowRight' ? 1 : -1) + categories.length) % categories.length];
  if (!next) return;
  event.preventDefault();
  selectedCategory = next.id;
  render();
  $('category-tabs').querySelector(`[data-category-id="${next.id}"]`)?.focus();
}
