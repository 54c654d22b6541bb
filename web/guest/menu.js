// The menu screen: categories with their items; a sold-out item is marked and cannot be
// picked. Picking an item calls `onPick(item)` (main.js opens the options dialog).

import { $, cloneTemplate, setText } from '../shared/dom.js';
import { formatMoney } from '../shared/money.js';

let onPick = () => {};
let shownMenu = null;

export function initMenu({ pick }) {
  onPick = pick;
}

/** A sold-out item: its counted stock is 0 (the menu lists only available items). */
export function isSoldOut(item) {
  return item.stock === 0 || item.available === false;
}

export function renderMenu(state) {
  $('screen-menu').hidden = state.screen !== 'menu';
  const error = $('menu-error');
  error.hidden = !state.menuError;
  error.textContent = state.menuError;
  if (!state.menu || state.menu === shownMenu) return;
  shownMenu = state.menu;

  const links = $('category-links');
  const sections = $('menu-sections');
  links.replaceChildren();
  sections.replaceChildren();
  const categories = (state.menu.categories ?? []).filter((c) => (c.items ?? []).length > 0);
  for (const category of categories) {
    const anchor = `category-${category.id}`;
    const link = cloneTemplate('category-link-template');
    const a = link.querySelector('a');
    a.href = `#${anchor}`;
    a.textContent = category.name;
    links.append(link);

    const section = cloneTemplate('category-template');
    section.id = anchor;
    section.setAttribute('aria-labelledby', `${anchor}-title`);
    const title = section.querySelector('.category__title');
    title.id = `${anchor}-title`;
    title.textContent = category.name;
    const list = section.querySelector('.items');
    for (const item of category.items) list.append(itemRow(item));
    sections.append(section);
  }
  if (categories.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'muted';
    empty.textContent = 'Nothing can be ordered right now. Please ask at the counter.';
    sections.append(empty);
  }
}

function itemRow(item) {
  const row = cloneTemplate('item-template');
  row.dataset.itemId = String(item.id);
  setText(row, '.item__name', item.name);
  setText(row, '.item__description', item.description ?? '');
  setText(row, '.item__price', formatMoney(item.price_cents));
  const button = row.querySelector('.item__add');
  if (isSoldOut(item)) {
    row.classList.add('item--sold-out');
    row.querySelector('.item__badge').hidden = false;
    button.disabled = true;
    button.setAttribute('aria-label', `${item.name} is sold out`);
  } else {
    button.setAttribute('aria-label', `Add ${item.name}`);
    button.addEventListener('click', () => onPick(item));
  }
  return row;
}
