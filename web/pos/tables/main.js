// The tables screen (manager, admin): every table with its QR code, adding, renaming,
// disabling and enabling a table (PATCH with the table's version in If-Match), and the A4
// print sheet of the QR codes.

import { $, announce } from '../../shared/dom.js';
import * as api from '../lib/api.js';
import { showError, showMessage, startScreen } from '../lib/shell.js';
import { tableCard } from './cards.js';
import { initPrintSheet } from './print-sheet.js';

await startScreen('tables');
initPrintSheet();
$('create-form').addEventListener('submit', (event) => { event.preventDefault(); create(); });
const actions = { rename, toggleActive };
await reload();

async function reload(focus = null) {
  try {
    const tables = await listAll();
    $('tables').replaceChildren(...tables.map((table) => tableCard(table, actions)));
    $('tables-loading').hidden = tables.length > 0;
    $('tables-loading').textContent = 'No tables yet: add the first one above.';
    $('main').setAttribute('aria-busy', 'false');
    if (focus) document.querySelector(`article[data-table-id="${focus.id}"] ${focus.selector}`)?.focus();
  } catch (error) {
    $('tables-loading').textContent = 'The tables could not be loaded.';
    showError(error);
  }
}

/** Every page of GET /api/guest/tables, by name. */
async function listAll() {
  const all = await api.getAllPages('/api/guest/tables');
  return all.sort((a, b) => Number(b.active) - Number(a.active)
    || a.label.localeCompare(b.label, undefined, { numeric: true }) || a.id - b.id);
}

async function create() {
  const error = $('create-error');
  error.hidden = true;
  const label = $('new-label').value.trim();
  if (!label) {
    error.textContent = 'Enter the new table’s name, e.g. Table 5.';
    error.hidden = false;
    $('new-label').focus();
    return;
  }
  const button = $('create-table');
  button.disabled = true;
  try {
    const table = await api.post('/api/guest/tables', { label });
    $('new-label').value = '';
    say(`${table.label} added. Its QR code is ready to print.`);
    await reload({ id: table.id, selector: '.rename-input' });
  } catch (failure) {
    error.textContent = failure.message;
    error.hidden = false;
  } finally {
    button.disabled = false;
  }
}

async function rename(table, label, form) {
  if (!label || label === table.label) return;
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const updated = await api.patch(`/api/guest/tables/${table.id}`, { label }, { 'If-Match': String(table.version) });
    say(`${table.label} is now called ${updated.label}.`);
    await reload({ id: table.id, selector: '.rename-input' });
  } catch (error) {
    button.disabled = false;
    failed(error, table);
  }
}

async function toggleActive(table, button) {
  button.disabled = true;
  try {
    const updated = await api.patch(`/api/guest/tables/${table.id}`, { active: !table.active },
      { 'If-Match': String(table.version) });
    say(updated.active ? `${updated.label} takes orders again.` : `${updated.label} is disabled.`);
    await reload({ id: table.id, selector: '.toggle-active' });
  } catch (error) {
    button.disabled = false;
    failed(error, table);
  }
}

function failed(error, table) {
  if (error.status === 409 || error.status === 412) {
    showMessage(`${table.label} was changed by someone else meanwhile; the list is reloaded. Try again.`, 'error');
    reload();
  } else {
    showError(error);
  }
}

function say(text) {
  showMessage(text, 'ok');
  announce(text);
}
