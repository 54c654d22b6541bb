// The modifier groups part of the item editor: each group (name, how many to choose at least
// and at most) with its options (name, price change typed as money). What is typed is read back
// as the API's ModifierGroupInput list; prices by text, never by floating point.

import { $, cloneTemplate } from '../../shared/dom.js';
import { formatDecimal, parseDecimal } from './amounts.js';

let serial = 0;
let minorDigits = 2;

export function initModifierGroups(digits) {
  minorDigits = digits;
  $('add-group').addEventListener('click', () => {
    const group = addGroup({ name: '', min_select: 0, max_select: 1, options: [{ name: '', price_delta_cents: 0 }] });
    group.querySelector('.group-name').focus();
  });
}

/** Shows `groups` (an item's modifier_groups) in the editor. */
export function fillGroups(groups) {
  $('groups').replaceChildren();
  for (const group of groups) addGroup(group);
  refreshEmpty();
}

/** `{value: [ModifierGroupInput]}` or `{error, field}` (the input to focus). */
export function readGroups() {
  const groups = [];
  for (const [index, box] of [...$('groups').children].entries()) {
    const name = box.querySelector('.group-name');
    const label = `Modifier group ${index + 1}`;
    if (!name.value.trim()) return { error: `${label} needs a name.`, field: name };
    const min = box.querySelector('.group-min');
    const max = box.querySelector('.group-max');
    const minValue = count(min.value);
    const maxValue = count(max.value);
    if (minValue === null) return { error: `${label}: “choose at least” must be a whole number from 0 to 20.`, field: min };
    if (maxValue === null || maxValue < 1) return { error: `${label}: “choose at most” must be a whole number from 1 to 20.`, field: max };
    if (maxValue < minValue) return { error: `${label}: “choose at most” cannot be less than “choose at least”.`, field: max };
    const options = [];
    for (const [n, row] of [...box.querySelectorAll('tr.option')].entries()) {
      const optionName = row.querySelector('.option-name');
      if (!optionName.value.trim()) return { error: `${label}, option ${n + 1} needs a name.`, field: optionName };
      const deltaInput = row.querySelector('.option-delta');
      const delta = deltaInput.value.trim() === ''
        ? { value: 0 }
        : parseDecimal(deltaInput.value, minorDigits, { signed: true, what: `${label}, option ${n + 1}'s price change` });
      if (delta.error) return { error: delta.error, field: deltaInput };
      options.push({ name: optionName.value.trim(), price_delta_cents: delta.value });
    }
    if (options.length === 0) return { error: `${label} needs at least one option.`, field: box.querySelector('.add-option') };
    if (minValue > options.length) return { error: `${label}: “choose at least” is more than it has options.`, field: min };
    groups.push({ name: name.value.trim(), min_select: minValue, max_select: maxValue, options });
  }
  return { value: groups };
}

/** The groups as the API would take them back (no ids): to tell whether they were changed. */
export function groupsAsInput(groups) {
  return groups.map((g) => ({
    name: g.name,
    min_select: g.min_select,
    max_select: g.max_select,
    options: g.options.map((o) => ({ name: o.name, price_delta_cents: o.price_delta_cents })),
  }));
}

function addGroup(group) {
  const box = cloneTemplate('group-template');
  serial += 1;
  const id = `group-${serial}`;
  for (const [field, text] of [['name', 'Group name'], ['min', 'Choose at least'], ['max', 'Choose at most']]) {
    const input = box.querySelector(`.group-${field}`);
    input.id = `${id}-${field}`;
    box.querySelector(`.group-${field}-label`).htmlFor = input.id;
    box.querySelector(`.group-${field}-label`).textContent = text;
  }
  box.querySelector('.group-name').value = group.name;
  box.querySelector('.group-min').value = String(group.min_select);
  box.querySelector('.group-max').value = String(group.max_select);
  box.querySelector('.remove-group').addEventListener('click', () => {
    box.remove();
    refreshEmpty();
    $('add-group').focus();
  });
  box.querySelector('.add-option').addEventListener('click', () => {
    const row = addOption(box, { name: '', price_delta_cents: 0 });
    row.querySelector('.option-name').focus();
  });
  for (const option of group.options) addOption(box, option);
  $('groups').append(box);
  refreshEmpty();
  return box;
}

function addOption(box, option) {
  const row = cloneTemplate('option-template');
  row.querySelector('.option-name').value = option.name;
  row.querySelector('.option-delta').value = formatDecimal(option.price_delta_cents, minorDigits);
  row.querySelector('.remove-option').addEventListener('click', () => {
    const next = row.nextElementSibling ?? row.previousElementSibling;
    row.remove();
    relabel(box);
    (next?.querySelector('.option-name') ?? box.querySelector('.add-option')).focus();
  });
  box.querySelector('tbody').append(row);
  relabel(box);
  return row;
}

/** Every option's inputs named for screen readers: "Size option 2 name". */
function relabel(box) {
  const groupName = box.querySelector('.group-name').value.trim() || 'Group';
  for (const [n, row] of [...box.querySelectorAll('tr.option')].entries()) {
    row.querySelector('.option-name').setAttribute('aria-label', `${groupName} option ${n + 1} name`);
    row.querySelector('.option-delta').setAttribute('aria-label', `${groupName} option ${n + 1} price change`);
    row.querySelector('.remove-option').setAttribute('aria-label', `Remove ${groupName} option ${n + 1}`);
  }
}

function refreshEmpty() {
  $('groups-empty').hidden = $('groups').children.length > 0;
}

function count(text) {
  const source = String(text).trim();
  return /^\d{1,2}$/.test(source) && Number(source) <= 20 ? Number(source) : null;
}
