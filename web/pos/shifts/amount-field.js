// An amount field: its text read with parseMoney (exact, no floating point), a field error shown
// under it (aria-invalid, aria-describedby) when it cannot be read.

import { $ } from '../../shared/dom.js';
import { parseMoney } from '../lib/money-input.js';

/** The cents typed in input `id`, or null after showing why it cannot be read. */
export function readAmount(id, minorDigits, { allowZero = true } = {}) {
  const input = $(id);
  try {
    const cents = parseMoney(input.value, minorDigits);
    if (!allowZero && cents === 0) throw new Error('Type an amount more than zero.');
    clearFieldError(id);
    return cents;
  } catch (error) {
    showFieldError(id, error.message);
    return null;
  }
}

/** Shows `text` under field `id` (its error element is `<id>-error`) and marks it invalid. */
export function showFieldError(id, text) {
  const box = $(`${id}-error`);
  box.textContent = text;
  box.hidden = false;
  $(id).setAttribute('aria-invalid', 'true');
  $(id).focus();
}

export function clearFieldError(id) {
  const box = $(`${id}-error`);
  box.textContent = '';
  box.hidden = true;
  $(id).removeAttribute('aria-invalid');
}
