// The rules of choosing an item's options, shared by the guest page's and the till's options
// dialogs: each modifier group is a <fieldset> with data-min, data-max and data-name, holding a
// radio (exactly one) or checkbox input per option, whose value is the option's id and whose
// data-name is its name. The server checks the same rules again; these keep a person from
// sending a choice it would refuse.

/** "(choose 1)", "(optional, up to 3)", "(choose 1 to 2)": a group's rule in words. */
export function ruleText({ min_select: min, max_select: max }) {
  if (min === max) return `(choose ${min})`;
  if (min === 0) return max === 1 ? '(optional)' : `(optional, up to ${max})`;
  return `(choose ${min} to ${max})`;
}

/** Marks `fieldset` with the group's rule, as the functions below read it. */
export function markGroup(fieldset, group) {
  fieldset.dataset.min = String(group.min_select);
  fieldset.dataset.max = String(group.max_select);
  fieldset.dataset.name = group.name;
}

/** A change of one option: in a checkbox group of at most one, a new choice replaces the old. */
export function keepWithinOne(event) {
  const input = event.target;
  const fieldset = input.closest('fieldset');
  if (input.type === 'checkbox' && input.checked && Number(fieldset.dataset.max) === 1) {
    for (const other of fieldset.querySelectorAll('input:checked')) if (other !== input) other.checked = false;
  }
}

/** Disables the unchecked boxes of every group (of more than one) that is full. */
export function disableFullGroups(container) {
  for (const fieldset of container.querySelectorAll('fieldset')) {
    const max = Number(fieldset.dataset.max);
    const boxes = [...fieldset.querySelectorAll('input[type=checkbox]')];
    const full = boxes.filter((box) => box.checked).length >= max;
    for (const box of boxes) box.disabled = max > 1 && full && !box.checked;
  }
}

/** What keeps the choice from being added, one sentence per group. */
export function choiceProblems(container) {
  const out = [];
  for (const fieldset of container.querySelectorAll('fieldset')) {
    const count = fieldset.querySelectorAll('input:checked').length;
    const min = Number(fieldset.dataset.min);
    const max = Number(fieldset.dataset.max);
    if (count < min) out.push(`Choose ${min === 1 ? 'one' : `at least ${min}`} for ${fieldset.dataset.name}.`);
    if (count > max) out.push(`Choose at most ${max} for ${fieldset.dataset.name}.`);
  }
  return out;
}

/** The chosen options: `[{id, name}]`. */
export function chosenOptions(container) {
  return [...container.querySelectorAll('input:checked')]
    .map((input) => ({ id: Number(input.value), name: input.dataset.name }));
}
