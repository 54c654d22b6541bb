// The category editor (manager, admin): a dialog to create, rename, reorder and route a
// category to a kitchen station, and to delete it once it has no items (the API answers 409
// while it has any; that answer is shown as it is).

import { $ } from '../../shared/dom.js';
import * as api from '../lib/api.js';

let callbacks = null;
let editing = null;

/** `saved(category, created)` and `deleted(category)` are called after the API agreed. */
export function initCategoryEditor({ saved, deleted }) {
  callbacks = { saved, deleted };
  $('category-form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  $('category-cancel').addEventListener('click', () => $('category-dialog').close());
  $('category-delete').addEventListener('click', remove);
}

/** Opens the editor on `category` (with its items), or on a new one when null. */
export function openCategoryEditor(category) {
  editing = category;
  $('category-dialog-title').textContent = category ? `Edit category ${category.name}` : 'New category';
  $('category-name').value = category?.name ?? '';
  $('category-position').value = category ? String(category.position) : '';
  $('category-station').value = category?.station ?? '';
  $('category-save').textContent = category ? 'Save category' : 'Create category';
  const remove = $('category-delete');
  remove.hidden = !category;
  remove.textContent = 'Delete category';
  delete remove.dataset.confirm;
  $('category-form-error').hidden = true;
  $('category-dialog').showModal();
  $('category-name').focus();
}

function readForm() {
  const name = $('category-name').value.trim();
  if (!name) return { error: 'The category needs a name.', field: $('category-name') };
  const positionText = $('category-position').value.trim();
  if (positionText && (!/^\d{1,5}$/.test(positionText) || Number(positionText) > 10000)) {
    return { error: 'The position is a whole number from 0 to 10000.', field: $('category-position') };
  }
  const station = $('category-station').value.trim().toLowerCase();
  const body = { name, station: station || null };
  if (positionText) body.position = Number(positionText);
  return { value: body };
}

async function save() {
  $('category-form-error').hidden = true;
  const form = readForm();
  if (form.error) {
    showError(form.error);
    form.field.focus();
    return;
  }
  const button = $('category-save');
  button.disabled = true;
  try {
    const category = editing
      ? await api.patch(`/api/menu/categories/${editing.id}`, form.value)
      : await api.post('/api/menu/categories', form.value);
    $('category-dialog').close();
    callbacks.saved(category, !editing);
  } catch (error) {
    showError(error.message);
  } finally {
    button.disabled = false;
  }
}

async function remove() {
  const button = $('category-delete');
  if (editing.items.length > 0) {
    showError(`${editing.name} still has ${editing.items.length} item${editing.items.length === 1 ? '' : 's'}: `
      + 'move or delete them first.');
    return;
  }
  if (button.dataset.confirm !== 'yes') {
    button.dataset.confirm = 'yes';
    button.textContent = `Really delete ${editing.name}?`;
    return;
  }
  button.disabled = true;
  try {
    await api.del(`/api/menu/categories/${editing.id}`);
    $('category-dialog').close();
    callbacks.deleted(editing);
  } catch (error) {
    showError(error.status === 409 ? `${error.message} Move or delete its items first.` : error.message);
  } finally {
    button.disabled = false;
  }
}

function showError(text) {
  const box = $('category-form-error');
  box.textContent = text;
  box.hidden = false;
}
