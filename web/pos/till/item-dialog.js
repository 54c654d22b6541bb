// The options dialog of one item: each modifier group with its min/max enforced (radios for
// "choose exactly one", checkboxes otherwise, the unchecked ones disabled once a group is full).
// "Add to sale" hands `{item, modifiers: [{id, name}]}` to the caller.

import { $, cloneTemplate, setText } from '../../shared/dom.js';
import { formatDelta } from '../../shared/money.js';
import { choiceProblems, chosenOptions, disableFullGroups, keepWithinOne, markGroup, ruleText } from '../../shared/option-choice.js';

const dialog = $('item-dialog');
let current = null; // {item, onAdd}

export function initItemDialog() {
  $('item-cancel').addEventListener('click', () => dialog.close());
  $('item-groups').addEventListener('change', onChange);
  $('item-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!current || problems().length > 0) return;
    const { item, onAdd } = current;
    const modifiers = chosenOptions($('item-groups'));
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
  markGroup(fieldset, group);
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

function onChange(event) {
  keepWithinOne(event);
  refresh();
}

function refresh() {
  disableFullGroups($('item-groups'));
  const missing = problems();
  $('item-hint').textContent = missing.join(' ');
  $('item-add').disabled = missing.length > 0;
}

function problems() {
  return choiceProblems($('item-groups'));
}
