// The options dialog of one item: its modifier groups with each group's min/max enforced, a
// quantity, and the price of that line from the quote endpoint. "Add" hands
// `{item, modifiers: [{id, name}], quantity}` to the caller.

import { $, cloneTemplate, setText } from '../shared/dom.js';
import { formatDelta, formatMoney } from '../shared/money.js';
import { choiceProblems, chosenOptions, disableFullGroups, keepWithinOne, markGroup, ruleText } from '../shared/option-choice.js';
import * as api from './api.js';

const dialog = $('item-dialog');
let current = null; // {item, quantity, onAdd}
let quoteSequence = 0;

export function initItemDialog() {
  $('dialog-cancel').addEventListener('click', () => dialog.close('cancel'));
  $('dialog-minus').addEventListener('click', () => changeQuantity(-1));
  $('dialog-plus').addEventListener('click', () => changeQuantity(1));
  $('dialog-groups').addEventListener('change', onOptionChange);
  $('item-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!current || problems().length > 0) return;
    const { item, quantity, onAdd } = current;
    const modifiers = chosenOptions($('dialog-groups'));
    dialog.close('add');
    onAdd({ item, modifiers, quantity });
  });
  dialog.addEventListener('close', () => { current = null; });
}

/** Opens the dialog for `item`; `onAdd` receives the chosen line. */
export function openItemDialog(item, onAdd) {
  current = { item, quantity: 1, onAdd };
  setText(dialog, '#dialog-title', item.name);
  setText(dialog, '#dialog-description', item.description ?? '');
  const groups = $('dialog-groups');
  groups.replaceChildren(...(item.modifier_groups ?? []).map(groupFieldset));
  refresh();
  dialog.showModal();
}

function groupFieldset(group) {
  const fieldset = cloneTemplate('group-template');
  fieldset.dataset.groupId = String(group.id);
  markGroup(fieldset, group);
  setText(fieldset, '.group__name', group.name);
  setText(fieldset, '.group__rule', ruleText(group));
  const single = group.min_select === 1 && group.max_select === 1;
  const options = fieldset.querySelector('.group__options');
  (group.options ?? []).forEach((option, index) => {
    const label = cloneTemplate('option-template');
    const input = label.querySelector('input');
    input.type = single ? 'radio' : 'checkbox';
    input.name = `group-${group.id}`;
    input.value = String(option.id);
    input.dataset.name = option.name;
    // A required single choice starts on its first option (usually the plain one).
    input.checked = single && index === 0;
    setText(label, '.option__name', option.name);
    setText(label, '.option__price', option.price_delta_cents ? formatDelta(option.price_delta_cents) : '');
    options.append(label);
  });
  return fieldset;
}

function onOptionChange(event) {
  keepWithinOne(event);
  refresh();
}

function changeQuantity(delta) {
  if (!current) return;
  current.quantity = Math.min(99, Math.max(1, current.quantity + delta));
  refresh();
}

function refresh() {
  disableFullGroups($('dialog-groups'));
  $('dialog-quantity').textContent = String(current.quantity);
  $('dialog-minus').disabled = current.quantity <= 1;
  const missing = problems();
  $('dialog-hint').textContent = missing.join(' ');
  $('dialog-add').disabled = missing.length > 0;
  quoteLine(missing.length === 0);
}

function problems() {
  return choiceProblems($('dialog-groups'));
}

// The price on the Add button is the line total the quote endpoint gives for this one line.
async function quoteLine(valid) {
  const price = $('dialog-price');
  const sequence = ++quoteSequence;
  price.textContent = '';
  price.dataset.cents = '';
  if (!valid || !current) return;
  const line = {
    item_id: current.item.id,
    quantity: current.quantity,
    modifiers: chosenOptions($('dialog-groups')).map((option) => option.id),
  };
  try {
    const totals = await api.quote([line]);
    if (sequence !== quoteSequence) return;
    const cents = totals.items?.[0]?.line_total_cents;
    if (!Number.isInteger(cents)) return;
    price.textContent = `· ${formatMoney(cents)}`;
    price.dataset.cents = String(cents);
  } catch {
    // The price shows in the cart; a failed preview only leaves the button without one.
  }
}
