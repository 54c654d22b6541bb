// The item editor (manager, admin): a dialog to create an item or change one: name,
// description, category, price, tax rate, stock, availability and modifier groups.
// A change is a PATCH of only what changed, with the item's `version` in If-Match: when someone
// else changed the item meanwhile the API answers 412 and the dialog says so plainly.

import { $ } from '../../shared/dom.js';
import * as api from '../lib/api.js';
import { formatDecimal, formatRate, parseDecimal, parseRate, parseStock } from './amounts.js';
import { fillGroups, groupsAsInput, initModifierGroups, readGroups } from './modifier-groups.js';
import { loadItem } from './catalogue.js';

let config = null;
let editing = null; // the item as loaded (null for a new one)

/**
 * `settings` from GET /api/settings, `digits` the currency's minor digits, and the callbacks
 * `saved(item, created)` and `deleted(item)`.
 */
export function initItemEditor({ settings, digits, saved, deleted }) {
  config = { settings, digits, saved, deleted };
  initModifierGroups(digits);
  $('item-currency').textContent = settings.currency;
  $('item-price-hint').textContent = digits > 0
    ? `Like ${formatDecimal(450, digits)}: ${digits} decimal${digits === 1 ? '' : 's'} at most.`
    : 'A whole number, no decimals.';
  $('item-form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  $('item-cancel').addEventListener('click', () => $('item-dialog').close());
  $('item-delete').addEventListener('click', remove);
  $('item-reload').addEventListener('click', reload);
}

/** Opens the editor on `item`, or on a new item when `item` is null. */
export function openItemEditor(item, categories, defaultCategoryId = null) {
  editing = item;
  const select = $('item-category');
  select.replaceChildren(...categories.map((c) => new Option(c.name, String(c.id))));
  $('item-dialog-title').textContent = item ? `Edit ${item.name}` : 'New item';
  $('item-delete').hidden = !item;
  $('item-save').textContent = item ? 'Save item' : 'Create item';
  fill(item ?? {
    name: '', description: '', category_id: defaultCategoryId ?? categories[0]?.id,
    price_cents: 0, tax_rate_bp: 0, available: true, stock: null, modifier_groups: [],
  });
  hideErrors();
  $('item-dialog').showModal();
  $('item-name').focus();
}

function fill(item) {
  $('item-name').value = item.name;
  $('item-description').value = item.description ?? '';
  $('item-category').value = String(item.category_id);
  $('item-price').value = editing || item.price_cents ? formatDecimal(item.price_cents, config.digits) : '';
  $('item-tax').value = editing || item.tax_rate_bp ? formatRate(item.tax_rate_bp) : '';
  $('item-stock').value = item.stock === null ? '' : String(item.stock);
  $('item-available').checked = item.available;
  fillGroups(item.modifier_groups ?? []);
}

/** The form as an item body: `{value}` or `{error, field}`. */
function readForm() {
  const name = $('item-name').value.trim();
  if (!name) return { error: 'The item needs a name.', field: $('item-name') };
  const price = parseDecimal($('item-price').value, config.digits, { what: 'The price' });
  if (price.error) return { error: price.error, field: $('item-price') };
  const rate = parseRate($('item-tax').value);
  if (rate.error) return { error: rate.error, field: $('item-tax') };
  const stock = parseStock($('item-stock').value);
  if (stock.error) return { error: stock.error, field: $('item-stock') };
  const groups = readGroups();
  if (groups.error) return groups;
  return {
    value: {
      category_id: Number($('item-category').value),
      name,
      description: $('item-description').value.trim(),
      price_cents: price.value,
      tax_rate_bp: rate.value,
      available: $('item-available').checked,
      stock: stock.value,
      modifier_groups: groups.value,
    },
  };
}

async function save() {
  hideErrors();
  const form = readForm();
  if (form.error) {
    showFormError(form.error);
    form.field?.focus();
    return;
  }
  const button = $('item-save');
  button.disabled = true;
  try {
    if (editing) {
      const changes = changed(editing, form.value);
      if (Object.keys(changes).length === 0) {
        $('item-dialog').close();
        return;
      }
      const item = await api.patch(`/api/menu/items/${editing.id}`, changes, { 'If-Match': String(editing.version) });
      $('item-dialog').close();
      config.saved(item, false);
    } else {
      const item = await api.post('/api/menu/items', form.value);
      $('item-dialog').close();
      config.saved(item, true);
    }
  } catch (error) {
    if (error.status === 409 || error.status === 412) {
      showStale();
    } else {
      showFormError(error.message);
    }
  } finally {
    button.disabled = false;
  }
}

/** Only the fields that differ from the loaded item (modifier groups only when edited: sending
 *  them replaces every group and gives the options new ids). */
function changed(before, after) {
  const changes = {};
  for (const key of ['category_id', 'name', 'description', 'price_cents', 'tax_rate_bp', 'available', 'stock']) {
    if (after[key] !== before[key]) changes[key] = after[key];
  }
  if (JSON.stringify(after.modifier_groups) !== JSON.stringify(groupsAsInput(before.modifier_groups ?? []))) {
    changes.modifier_groups = after.modifier_groups;
  }
  return changes;
}

async function remove() {
  if (!editing) return;
  // A second press within the dialog confirms: the first turns the button into a question.
  const button = $('item-delete');
  if (button.dataset.confirm !== 'yes') {
    button.dataset.confirm = 'yes';
    button.textContent = `Really delete ${editing.name}?`;
    return;
  }
  button.disabled = true;
  try {
    await api.del(`/api/menu/items/${editing.id}`);
    $('item-dialog').close();
    config.deleted(editing);
  } catch (error) {
    showFormError(error.message);
  } finally {
    button.disabled = false;
    resetDelete();
  }
}

async function reload() {
  if (!editing) return;
  try {
    editing = await loadItem(editing.id);
    fill(editing);
    hideErrors();
    showFormError('This is the item as it is now. Make your change again and save.', 'info');
    $('item-name').focus();
  } catch (error) {
    showFormError(error.message);
  }
}

function showStale() {
  $('item-stale-text').textContent = 'Someone else changed this item after you opened it, so your change was not '
    + 'saved (the item is at a newer version). Load the current item, then make your change again.';
  $('item-stale').hidden = false;
  $('item-reload').focus();
}

function showFormError(text, kind = 'error') {
  const box = $('item-form-error');
  box.textContent = text;
  box.className = `message ${kind}`;
  box.hidden = false;
}

function hideErrors() {
  $('item-form-error').hidden = true;
  $('item-stale').hidden = true;
  resetDelete();
}

function resetDelete() {
  const button = $('item-delete');
  delete button.dataset.confirm;
  button.textContent = 'Delete item';
}
