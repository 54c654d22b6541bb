// The options dialog of one item: each modifier group with its min/max enforced (radios for
// "choose exactly one", checkboxes otherwise, the unchecked ones disabled once a group is full).
// "Add to sale" hands `{item, modifiers: [{id, name}]}` to the caller.

import { $, cloneTemplate, setText } from '../../shared/dom.js';
import { formatDelta } from '../../shared/money.js';

const dialog = $('item-dialog');
let current = null; // {item, onAdd}

export function initItemDialog() {
  $('item-cancel').addEventListener('click', () => dialog.close());
  $('item-groups').addEventListener('change', onChange);
  $('item-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!current || problems().length > 0) return;
    const { item, onAdd } = current;
    const modifiers = [...$('item-groups').querySelectorAll('input:checked')]
      .map((input) => ({ id: Number(input.value), name: input.dataset.name }));
    dialog.close();
    onAdd({ item, modifiers });
  });
  dialog.addEventListener('close', () => { current = null; });
}

/** Opens the dialog for `item`; `onAdd` receives the chosen options. */
export function openItemDialog(item, onAdd) {
  current = { item, onAdd };
  setText(dialog, '#item-dialog-title', item.name);
  $('item-groups').replaceChildren(...item.modifier_groups.map(groupFieldset));
  refresh();
  dialog.showModal();
}

function groupFieldset(group) {
  const fieldset = document.createElement('fieldset');
  fieldset.className = 'group';
  fieldset.dataset.min = String(group.min_select);
  fieldset.dataset.max = String(group.max_select);
  fieldset.dataset.name = group.name;
  const legend = document.createElement('legend');
  legend.textContent = `${group.name} ${ruleText(group)}`;
  fieldset.append(legend);
  const single = group.min_select === 1 && group.max_select === 1;
  const options = document.createElement('div');
  options.className = 'group-options';
  group.options.forEach((option, index) => {
    const label = cloneTemplate('option-template');
    const input = label.querySelector('input');
    input.type = single ? 'radio' : 'checkbox';
    input.name = `group-${group.id}`;
    input.value = String(option.id);
    input.dataset.name = option.name;
    input.dataset.optionId = String(option.id);
    input.checked = single && index === 0;
    setText(label, '.option-name', option.name);
    setText(label, '.option-price', option.price_delta_cents ? formatDelta(option.price_delta_cents) : '');
    options.append(label);
  });
  fieldset.append(options);
  return fieldset;
}

function ruleText({ min_select: min, max_select: max }) {
  if (min === max) return `(choose ${min})`;
  if (min === 0) return max === 1 ? '(optional)' : `(optional, up to ${max})`;
  return `(choose ${min} to ${max})`;
}

function onChange(event) {
  const input = event.target;
  const fieldset = input.closest('fieldset');
  if (input.type === 'checkbox' && input.checked && Number(fieldset.dataset.max) === 1) {
    for (const other of fieldset.querySelectorAll('input:checked')) if (other !== input) other.checked = false;
  }
  refresh();
}

function refresh() {
  for (const fieldset of $('item-groups').querySelectorAll('fieldset')) {
    const max = Number(fieldset.dataset.max);
    const boxes = [...fieldset.querySelectorAll('input[type=checkbox]')];
    const full = boxes.filter((box) => box.checked).length >= max;
    for (const box of boxes) box.disabled = max > 1 && full && !box.checked;
  }
  const missing = problems();
  $('item-hint').textContent = missing.join(' ');
  $('item-add').disabled = missing.length > 0;
}

/** One sentence per group whose choice is not allowed yet. */
function problems() {
  const out = [];
  for (const fieldset of $('item-groups').querySelectorAll('fieldset')) {
    const count = fieldset.querySelectorAll('input:checked').length;
    const min = Number(fieldset.dataset.min);
    const max = Number(fieldset.dataset.max);
    if (count < min) out.push(`Choose ${min === 1 ? 'one' : `at least ${min}`} for ${fieldset.dataset.name}.`);
    if (count > max) out.push(`Choose at most ${max} for ${fieldset.dataset.name}.`);
  }
  return out;
}
