// One small dialog for a reason (rejecting a guest order, voiding an order) and, for a discount,
// a percent or an amount with it. Resolves to what was entered, or null when cancelled.

import { $ } from '../../shared/dom.js';
import { parseAmount, parsePercentBp } from './amount.js';

const dialog = $('reason-dialog');
let current = null; // {discount, resolve}

export function initReasonDialog() {
  $('reason-cancel').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => settle(null));
  $('reason-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const answer = read();
    if (!answer) return;
    settle(answer);
    dialog.close();
  });
}

/** Asks for a reason under `title` (and a discount when `discount`); `confirm` labels the button. */
export function askReason({ title, confirm = 'OK', discount = false }) {
  settle(null);
  $('reason-title').textContent = title;
  $('reason-submit').textContent = confirm;
  $('discount-fields').hidden = !discount;
  $('discount-value').value = '';
  $('reason-text').value = '';
  $('reason-error').textContent = '';
  dialog.showModal();
  (discount ? $('discount-value') : $('reason-text')).focus();
  return new Promise((resolve) => { current = { discount, resolve }; });
}

function read() {
  const reason = $('reason-text').value.trim();
  const answer = { reason };
  if (current?.discount) {
    const kind = document.querySelector('input[name="discount-kind"]:checked').value;
    const text = $('discount-value').value;
    if (kind === 'percent') answer.percent_bp = parsePercentBp(text);
    else answer.amount_cents = parseAmount(text);
    if (!(answer.percent_bp ?? answer.amount_cents)) {
      $('reason-error').textContent = kind === 'percent'
        ? 'Enter a percent between 0 and 100, e.g. 10.' : 'Enter an amount, e.g. 1.50.';
      return null;
    }
  }
  if (!reason) {
    $('reason-error').textContent = 'A reason is required.';
    return null;
  }
  return answer;
}

function settle(value) {
  const resolve = current?.resolve;
  current = null;
  resolve?.(value);
}
