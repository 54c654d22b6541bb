// One card per table: its QR code, name, status, a link to its guest page, Rename and
// Disable / Enable.

import { cloneTemplate } from '../../shared/dom.js';
import { qrImage } from './qr.js';

/**
 * A card for `table`; `actions` has `rename(table, label, form)` and `toggleActive(table, button)`.
 * The QR code loads on its own (a failure says so in the card).
 */
export function tableCard(table, actions) {
  const card = cloneTemplate('table-card-template');
  card.dataset.tableId = String(table.id);
  card.dataset.active = String(table.active);
  card.classList.toggle('inactive', !table.active);
  const heading = card.querySelector('.table-label');
  heading.id = `table-${table.id}`;
  heading.textContent = table.label;
  card.setAttribute('aria-labelledby', heading.id);
  const status = card.querySelector('.table-status');
  status.textContent = table.active ? 'Taking orders' : 'Disabled: takes no orders';
  status.classList.add(table.active ? 'status-active' : 'status-inactive');

  const link = card.querySelector('.guest-link');
  link.href = table.guest_url;
  link.setAttribute('aria-label', `Open the guest page of ${table.label}`);

  const input = card.querySelector('.rename-input');
  input.id = `rename-${table.id}`;
  input.value = table.label;
  card.querySelector('.rename-label').htmlFor = input.id;
  card.querySelector('.rename-label').textContent = `New name for ${table.label}`;
  const form = card.querySelector('.rename-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.rename(table, input.value.trim(), form);
  });

  const toggle = card.querySelector('.toggle-active');
  toggle.textContent = table.active ? 'Disable' : 'Enable';
  toggle.setAttribute('aria-label', `${table.active ? 'Disable' : 'Enable'} ${table.label}`);
  toggle.addEventListener('click', () => actions.toggleActive(table, toggle));

  loadQr(card, table);
  return card;
}

async function loadQr(card, table) {
  const box = card.querySelector('.qr');
  try {
    box.replaceChildren(await qrImage(table));
  } catch (error) {
    const failed = document.createElement('p');
    failed.className = 'qr-failed';
    failed.textContent = `The QR code could not be loaded: ${error.message}`;
    box.replaceChildren(failed);
  }
}
