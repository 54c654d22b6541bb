// Taking payment for the order on the right-hand side: cash with a keypad, quick amounts and the
// change (the payment's own `change_cents`) shown large; card with the terminal's approval
// reference; a tip; split tender (an amount below the balance, then the next payment).
// Each attempted payment gets one Idempotency-Key, saved with its body before it is sent and kept
// across retries, re-presses and reloads until the server answers, so a lost answer never
// charges twice.

import { $ } from '../../shared/dom.js';
import { newKey } from '../../shared/http.js';
import { formatMoney } from '../../shared/money.js';
import * as api from '../lib/api.js';
import { showMessage } from '../lib/shell.js';
import { reloadOrder } from './orders.js';
import { ensureShift } from './shift.js';
import { getState, update } from './state.js';

const NOTES_CENTS = [500, 1000, 2000, 5000, 10000, 20000];
const MAX_CENTS = 10_000_000;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '00', '0', '⌫'];

const dialog = $('pay-dialog');
// What is typed: whole minor units. `fresh` means the next digit starts the field over.
let fields = { amount: 0, tendered: 0, tip: 0 };
let active = 'tendered';
let fresh = true;
let busy = false;
let onReceipt = () => {};

export function initPayment(showReceipt) {
  onReceipt = showReceipt;
  buildKeypad();
  $('pay-close').addEventListener('click', () => dialog.close());
  $('pay-receipt').addEventListener('click', () => { const o = getState().order; if (o) onReceipt(o); });
  $('pay-submit').addEventListener('click', () => { charge(); });
  for (const button of document.querySelectorAll('.amount-field')) {
    button.addEventListener('click', () => { active = button.dataset.field; fresh = true; render(); });
  }
  for (const radio of document.querySelectorAll('input[name="pay-method"]')) {
    radio.addEventListener('change', () => {
      if (method() === 'card' && active === 'tendered') active = 'amount';
      if (method() === 'cash') active = 'tendered';
      fresh = true;
      render();
    });
  }
  $('quick-amounts').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-cents]');
    if (!button) return;
    fields.tendered = Number(button.dataset.cents);
    active = 'tendered';
    fresh = true;
    render();
  });
  $('keypad').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-key]');
    if (button) typeKey(button.dataset.key);
  });
  // The keypad from a keyboard too: digits, Backspace, Delete (not while typing a reference).
  dialog.addEventListener('keydown', (event) => {
    if (event.target.matches('input[type="text"]') || $('pay-form').hidden || $('pay-form').inert) return;
    const key = /^[0-9]$/.test(event.key) ? event.key
      : event.key === 'Backspace' ? '⌫' : event.key === 'Delete' ? 'C' : null;
    if (!key) return;
    event.preventDefault();
    typeKey(key);
  });
  api.onReachability((online) => {
    if (online && getState().pendingPayment && dialog.open && !busy) charge();
  });
}

/** Opens the payment for the order on the right-hand side (after the shift check). */
export async function openPayment() {
  const order = getState().order;
  if (!order) return;
  if (!(await ensureShift())) return;
  startFresh(order);
  $('change-box').hidden = true;
  $('pay-done').hidden = true;
  if (!dialog.open) dialog.showModal();
  if (getState().pendingPayment) charge();
}

function startFresh(order) {
  fields = { amount: order.balance_cents, tendered: 0, tip: 0 };
  active = method() === 'cash' ? 'tendered' : 'amount';
  fresh = true;
  $('card-reference').value = '';
  render();
}

function method() {
  return document.querySelector('input[name="pay-method"]:checked').value;
}

function typeKey(key) {
  const digit = /^\d+$/.test(key);
  let value = fresh && digit ? 0 : fields[active];
  if (key === '⌫') value = Math.floor(value / 10);
  else if (key === 'C') value = 0;
  else value = value * 10 ** key.length + Number(key);
  fields[active] = Math.min(value, MAX_CENTS);
  fresh = false;
  render();
}

function buildKeypad() {
  $('keypad').replaceChildren(...[...KEYS, 'C'].map((key) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary key';
    button.dataset.key = key;
    button.textContent = key;
    if (key === '⌫') button.setAttribute('aria-label', 'Delete last digit');
    if (key === 'C') button.setAttribute('aria-label', 'Clear');
    return button;
  }));
}

function render() {
  const order = getState().order;
  const pending = getState().pendingPayment;
  const cash = method() === 'cash';
  $('pay-balance').textContent = order ? formatMoney(order.balance_cents) : '';
  for (const button of document.querySelectorAll('.amount-field')) {
    const name = button.dataset.field;
    button.setAttribute('aria-pressed', String(name === active));
    button.querySelector('.amount-value').textContent = name === 'tendered' && fields.tendered === 0
      ? 'exact' : formatMoney(fields[name]);
  }
  $('field-tendered').hidden = !cash;
  $('quick-amounts').hidden = !cash;
  $('card-reference-label').hidden = cash;
  renderQuickAmounts();

  $('pay-form').hidden = !order || order.balance_cents <= 0;
  $('balance-line').hidden = !order || order.balance_cents <= 0;
  $('pay-form').inert = Boolean(pending) || busy;
  const waiting = $('pay-pending');
  waiting.hidden = !pending;
  if (pending) {
    waiting.textContent = `A ${pending.body.method} payment of ${formatMoney(pending.body.amount_cents)} is waiting for the `
      + 'server’s answer. It is sent again with the same key, so it can never be taken twice.';
  }
  const submit = $('pay-submit');
  submit.hidden = !order || order.balance_cents <= 0;
  submit.disabled = busy;
  submit.textContent = busy ? 'Sending…' : pending ? 'Retry payment' : `Charge ${formatMoney(fields.amount)}`;
}

// Exact, then the next few notes above the amount: suggestions of what the customer hands over.
function renderQuickAmounts() {
  const amount = fields.amount;
  const options = [{ cents: amount, label: `Exact ${formatMoney(amount)}` }]
    .concat(NOTES_CENTS.filter((note) => note > amount).slice(0, 3).map((cents) => ({ cents, label: formatMoney(cents) })));
  $('quick-amounts').replaceChildren(...options.map(({ cents, label }) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary quick';
    button.dataset.cents = String(cents);
    button.textContent = label;
    return button;
  }));
}

function paymentBody(order) {
  const body = { order_id: order.id, method: method(), amount_cents: fields.amount };
  if (fields.tip > 0) body.tip_cents = fields.tip;
  if (body.method === 'cash') body.tendered_cents = fields.tendered > 0 ? fields.tendered : fields.amount;
  else body.reference = $('card-reference').value.trim();
  return body;
}

function problem(order, body) {
  if (body.amount_cents <= 0) return 'Enter the amount to take.';
  if (body.amount_cents > order.balance_cents) return `The amount is more than the balance (${formatMoney(order.balance_cents)}).`;
  if (body.method === 'cash' && body.tendered_cents < body.amount_cents) return 'The cash handed over is less than the amount.';
  if (body.method === 'card' && !body.reference) return 'Enter the card terminal’s approval reference.';
  return '';
}

async function charge() {
  const order = getState().order;
  if (!order || busy) return;
  let pending = getState().pendingPayment;
  if (!pending) {
    const body = paymentBody(order);
    const why = problem(order, body);
    if (why) {
      showMessage(why, 'error');
      return;
    }
    pending = { key: newKey(), body };
    update({ pendingPayment: pending }); // saved before it is sent: a reload retries, never re-keys
  }
  busy = true;
  render();
  try {
    const payment = await api.postOnce('/api/payments', pending.body, pending.key);
    update({ pendingPayment: null });
    await paid(payment);
  } catch (error) {
    if (isAnswerLost(error)) {
      showMessage('No answer from the server yet: the payment is kept and sent again with the same key when the '
        + 'connection is back (or press Retry payment).', 'error');
    } else {
      update({ pendingPayment: null }); // the server answered: this attempt is over
      showMessage(error.message, 'error');
    }
  } finally {
    busy = false;
    render();
  }
}

function isAnswerLost(error) {
  return error instanceof api.ApiError && [0, 429, 502, 503, 504].includes(error.status);
}

async function paid(payment) {
  const box = $('change-box');
  box.hidden = payment.method !== 'cash';
  $('change-due').textContent = formatMoney(payment.change_cents ?? 0);
  $('change-due').dataset.cents = String(payment.change_cents ?? 0);
  let order = getState().order;
  try {
    order = await reloadOrder(payment.order_id);
  } catch {
    // The payment stands; the order's figures show on the next read.
  }
  const done = $('pay-done');
  done.hidden = false;
  const taken = `${formatMoney(payment.amount_cents)} ${payment.method === 'cash' ? 'cash' : 'card'} taken`
    + (payment.method === 'cash' && payment.tendered_cents ? `, ${formatMoney(payment.tendered_cents)} handed over` : '')
    + (payment.tip_cents ? `, tip ${formatMoney(payment.tip_cents)}` : '');
  done.textContent = order.balance_cents > 0
    ? `${taken}. Still due: ${formatMoney(order.balance_cents)}: take the next payment.`
    : `${taken}. Order #${order.number} is paid in full.`;
  $('pay-receipt').hidden = order.balance_cents > 0;
  startFresh(order);
}
