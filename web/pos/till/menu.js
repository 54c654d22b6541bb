// The menu side of the till: category tabs and a grid of big item buttons. GET /api/menu gives the
// categories (their order, station, empty ones too) and is read again every 3 s with
// If-None-Match; when it changed (a price, a sold-out, a new item: each bumps its ETag), every
// item is read again from GET /api/menu/items, the unavailable ones too, so a sold-out item stays
// in its category, marked, and refuses to be added. Only categories with at least one item get a
// tab.

import { $ } from '../../shared/dom.js';
import { formatMoney } from '../../shared/money.js';
import * as api from '../lib/api.js';
import { groupByCategory, loadMenuItems } from '../lib/menu-items.js';
import { showMessage } from '../lib/shell.js';

const POLL_MS = 3000;

let categories = []; // the ones with items, in the menu's order
let itemsById = new Map();
let selectedCategory = null;
let etag = null;
let loaded = false;
let reading = null;
let onPick = () => {};
let onChange = () => {};

/** `pick(item)` is called when an item that can be sold is tapped, `changed()` after the menu
 *  changed (not on the first read). */
export function initMenu(pick, changed) {
  onPick = pick;
  onChange = changed;
  localStorage.removeItem('cafe-pos.till.known-items'); // what the till used to remember
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

/** Reads the menu again when it changed; one read at a time (a caller during a read gets that one). */
export function refreshMenu() {
  reading ??= readMenu().finally(() => { reading = null; });
  return reading;
}

async function readMenu() {
  const answer = await api.getIfChanged('/api/menu', etag);
  if (!answer.body) return;
  // The items after the menu, never before: a change in between then shows as a newer ETag at
  // the next poll, and is read again.
  const items = await loadMenuItems();
  // The ETag is kept only once the items are read too: when that fails, the next poll tries again.
  etag = answer.etag;
  const all = groupByCategory(answer.body.categories, items);
  itemsById = new Map(all.flatMap((c) => c.items).map((item) => [item.id, item]));
  categories = all.filter((c) => c.items.length > 0);
  if (!categories.some((c) => c.id === selectedCategory)) selectedCategory = categories[0]?.id ?? null;
  const first = !loaded;
  loaded = true;
  $('menu-loading').textContent = 'There is nothing on the menu yet.';
  $('menu-loading').hidden = categories.length > 0;
  render();
  if (!first) onChange();
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
  grid.setAttribute('aria-labelledby', category ? `category-tab-${category.id}` : 'menu-heading');
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
