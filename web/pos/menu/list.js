// The menu as a list: one panel per category (name, station, position), a row per item with
// its price, tax rate, stock and status. A manager gets Edit buttons; everyone who may open
// the screen (barista too) gets the sold-out / available toggle.

import { $, cloneTemplate } from '../../shared/dom.js';
import { formatMoney } from '../../shared/money.js';
import { formatRate } from './amounts.js';

/**
 * Draws `catalogue` into #menu-categories. `canEdit` shows the manager's buttons; `actions` has
 * `editItem(item)`, `editCategory(category)` and `toggleAvailable(item)`.
 */
export function renderList(catalogue, { canEdit, actions }) {
  const sections = catalogue.categories.map((category) => categorySection(category, canEdit, actions));
  $('menu-categories').replaceChildren(...sections);
}

function categorySection(category, canEdit, actions) {
  const section = cloneTemplate('category-template');
  section.dataset.categoryId = String(category.id);
  const heading = section.querySelector('.category-name');
  heading.id = `category-${category.id}`;
  heading.textContent = category.name;
  section.setAttribute('aria-labelledby', heading.id);
  section.querySelector('.category-facts').textContent = [
    category.station ? `Station: ${category.station}` : 'No station',
    `Position ${category.position}`,
  ].join(' · ');
  const edit = section.querySelector('.edit-category');
  if (canEdit) {
    edit.setAttribute('aria-label', `Edit category ${category.name}`);
    edit.addEventListener('click', () => actions.editCategory(category));
  } else {
    edit.remove();
  }
  section.querySelector('.category-empty').hidden = category.items.length > 0;
  section.querySelector('table').hidden = category.items.length === 0;
  const body = section.querySelector('tbody');
  for (const item of category.items) body.append(itemRow(item, canEdit, actions));
  return section;
}

function itemRow(item, canEdit, actions) {
  const row = cloneTemplate('item-row-template');
  row.dataset.itemId = String(item.id);
  row.dataset.available = String(item.available);
  row.querySelector('.item-name').textContent = item.name;
  row.querySelector('.item-price').textContent = formatMoney(item.price_cents);
  row.querySelector('.item-tax').textContent = `${formatRate(item.tax_rate_bp)} %`;
  row.querySelector('.item-stock').textContent = item.stock === null ? '—' : String(item.stock);
  if (item.stock === null) row.querySelector('.item-stock').setAttribute('aria-label', 'not counted');

  const soldOut = !item.available || item.stock === 0;
  const status = row.querySelector('.item-status');
  status.textContent = !item.available ? 'Sold out' : item.stock === 0 ? 'Sold out (none left)' : 'Available';
  status.classList.add(soldOut ? 'status-sold-out' : 'status-available');
  row.classList.toggle('sold-out', soldOut);

  const toggle = row.querySelector('.availability-toggle');
  toggle.textContent = item.available ? 'Mark sold out' : 'Mark available';
  toggle.setAttribute('aria-label', item.available ? `Mark ${item.name} sold out` : `Mark ${item.name} available`);
  toggle.addEventListener('click', () => actions.toggleAvailable(item, toggle));

  const edit = row.querySelector('.edit-item');
  if (canEdit) {
    edit.setAttribute('aria-label', `Edit ${item.name}`);
    edit.addEventListener('click', () => actions.editItem(item));
  } else {
    edit.remove();
  }
  return row;
}
