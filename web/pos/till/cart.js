// The sale being built: lines with quantities (+/−) and notes, takeaway or dine in with a table,
// and its totals from POST /api/orders/quote, asked again (debounced) whenever the cart changes.
// The page shows the quote's numbers and never adds anything up itself.

import { $, announce, cloneTemplate, setText } from '../../shared/dom.js';
import { formatMoney } from '../../shared/money.js';
import * as api from '../lib/api.js';
import { getState, update } from './state.js';

const QUOTE_DELAY_MS = 250;

let quote = { loading: false, totals: null, error: '' };
let quoteSequence = 0;
let quoteTimer = null;

export function initCart() {
  for (const radio of document.querySelectorAll('input[name="order-type"]')) {
    radio.addEventListener('change', () => { update({ type: radio.value }); requestQuote(); });
  }
  $('table-number').addEventListener('input', (event) => update({ table: event.target.value }));
  $('cart-lines').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button || getState().order) return;
    if (button.dataset.action === 'note') showNote(button.closest('li'));
    else changeQuantity(button.dataset.key, button.dataset.action === 'plus' ? 1 : -1);
  });
  $('cart-lines').addEventListener('change', (event) => {
    const input = event.target.closest('input.line-note');
    if (input) setNote(input.dataset.key, input.value);
  });
  // Back online: the totals that could not be asked for are asked for again.
  api.onReachability((online) => { if (online && quote.error) requestQuote(); });
}

/** Adds one of `item` with `modifiers`; the same item with the same options (and no note) adds up. */
export function addToCart(item, modifiers) {
  const ids = modifiers.map((m) => m.id).sort((a, b) => a - b);
  const sig = `${item.id}:${ids.join(',')}`;
  const cart = getState().cart.map((line) => ({ ...line }));
  const existing = cart.find((line) => line.sig === sig && !line.note);
  if (existing) existing.quantity = Math.min(99, existing.quantity + 1);
  else cart.push({ key: `${sig}#${Date.now()}`, sig, itemId: item.id, name: item.name, modifiers, quantity: 1, note: '' });
  update({ cart, orderKey: null });
  announce(`${item.name} added.`);
  requestQuote();
}

function changeQuantity(key, delta) {
  const cart = getState().cart
    .map((line) => (line.key === key ? { ...line, quantity: Math.min(99, line.quantity + delta) } : line))
    .filter((line) => line.quantity > 0);
  update({ cart, orderKey: null });
  requestQuote();
}

function setNote(key, note) {
  update({ cart: getState().cart.map((line) => (line.key === key ? { ...line, note: note.trim() } : line)),
    orderKey: null });
}

/** The cart as request lines of POST /api/orders and /quote. */
export function requestLines(cart = getState().cart) {
  return cart.map((line) => {
    const out = { item_id: line.itemId, quantity: line.quantity, modifiers: line.modifiers.map((m) => m.id) };
    if (line.note) out.note = line.note;
    return out;
  });
}

/** True when the totals shown belong to the cart as it is. */
export function quoteReady() {
  return !quote.loading && !quote.error && quote.totals !== null;
}

/** Asks for the totals of the cart as it is now; only the newest answer is shown. */
export function requestQuote() {
  const sequence = ++quoteSequence;
  const { cart, type } = getState();
  clearTimeout(quoteTimer);
  if (cart.length === 0) {
    quote = { loading: false, totals: null, error: '' };
    update({});
    return;
  }
  quote = { ...quote, loading: true, error: '' };
  update({});
  quoteTimer = setTimeout(async () => {
    try {
      const totals = await api.post('/api/orders/quote', { type, items: requestLines(cart) });
      if (sequence === quoteSequence) quote = { loading: false, totals, error: '' };
    } catch (error) {
      if (sequence === quoteSequence) {
        quote = { loading: false, totals: null, error: error.status === 0
          ? 'Totals will show when the connection is back. The sale is kept.' : error.message };
      }
    }
    if (sequence === quoteSequence) update({}); // redraws the cart and its buttons
  }, QUOTE_DELAY_MS);
}

/** Draws the cart of `state` (when no order is on the right-hand side). */
export function renderCart(state) {
  if (state.order) return;
  setText(document, '#cart-heading', 'New sale');
  delete $('cart-heading').dataset.orderId;
  $('order-status').hidden = true;
  $('order-type').hidden = false;
  for (const radio of document.querySelectorAll('input[name="order-type"]')) radio.checked = radio.value === state.type;
  const table = $('table-number');
  table.closest('label').hidden = state.type !== 'dine_in';
  table.disabled = false;
  if (table.value !== state.table) table.value = state.table;

  renderLines(state.cart);
  $('cart-empty').hidden = state.cart.length > 0;

  const totals = quote.totals;
  showAmount('cart-subtotal', totals?.subtotal_cents);
  showAmount('cart-tax', totals?.tax_cents);
  showAmount('cart-total', totals?.total_cents);
  for (const id of ['cart-discount-label', 'cart-discount', 'cart-paid-label', 'cart-paid']) $(id).hidden = true;
  const stateText = quote.loading ? 'Calculating…' : quote.error;
  setText(document, '#quote-state', stateText);
  $('quote-state').classList.toggle('error', Boolean(quote.error) && !quote.loading);
  $('cart-total').setAttribute('aria-busy', String(quote.loading));
}

function renderLines(cart) {
  const list = $('cart-lines');
  const old = new Map([...list.children].map((li) => [li.dataset.key, li]));
  const lines = cart.map((line, index) => {
    const li = old.get(line.key) ?? newLine(line);
    li.querySelector('.line-quantity').textContent = String(line.quantity);
    const cents = quoteReady() ? quote.totals.items?.[index]?.line_total_cents : undefined;
    li.querySelector('.line-total').textContent = Number.isInteger(cents) ? formatMoney(cents) : '…';
    const note = li.querySelector('.line-note');
    if (document.activeElement !== note) note.value = line.note;
    if (line.note) li.querySelector('.line-note-label').hidden = false;
    return li;
  });
  list.replaceChildren(...lines);
}

function newLine(line) {
  const li = cloneTemplate('cart-line-template');
  li.dataset.key = line.key;
  li.dataset.itemId = String(line.itemId);
  setText(li, '.line-name', line.name);
  setText(li, '.line-mods', line.modifiers.map((m) => m.name).join(', '));
  li.querySelector('.line-note-text').remove();
  const note = li.querySelector('.line-note');
  note.dataset.key = line.key;
  note.setAttribute('aria-label', `Note for ${line.name}`);
  const minus = li.querySelector('.qty-minus');
  const plus = li.querySelector('.qty-plus');
  const toggle = li.querySelector('.note-toggle');
  for (const [button, action, label] of [[minus, 'minus', 'One less'], [plus, 'plus', 'One more'],
    [toggle, 'note', 'Add a note to']]) {
    button.dataset.action = action;
    button.dataset.key = line.key;
    button.setAttribute('aria-label', `${label} ${line.name}`);
  }
  return li;
}

function showNote(li) {
  const label = li.querySelector('.line-note-label');
  label.hidden = false;
  label.querySelector('input').focus();
}

function showAmount(id, cents) {
  const element = $(id);
  element.textContent = Number.isInteger(cents) ? formatMoney(cents) : '–';
  element.dataset.cents = Number.isInteger(cents) ? String(cents) : '';
}
