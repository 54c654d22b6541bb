// The cart: lines with quantities, the totals of POST /api/orders/quote (asked again whenever
// the cart changes; never computed here), and placing the order.

import { $, announce, cloneTemplate, setText } from '../shared/dom.js';
import { formatMoney } from '../shared/money.js';
import { getState, update } from './state.js';
import * as api from './api.js';

let hooks = { placed() {}, failed() {}, menuChanged() {} };
let quoteSequence = 0;
let quoteTimer = null;

/** `placed(order)` after a 201; `failed(error)` for errors the cart cannot show itself
 *  (an ended session); `menuChanged()` when an item turned out sold out or gone (409). */
export function initCart(callbacks) {
  hooks = callbacks;
  $('cart-open').addEventListener('click', () => update({ screen: 'cart' }));
  $('cart-back').addEventListener('click', () => update({ screen: 'menu' }));
  $('order-note').addEventListener('input', (event) => update({ note: event.target.value }));
  $('place-order').addEventListener('click', placeOrder);
  $('cart-lines').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (button) changeQuantity(button.dataset.key, button.dataset.action === 'plus' ? 1 : -1);
  });
}

/** Adds a line chosen in the item dialog; the same item with the same options adds up. */
export function addToCart({ item, modifiers, quantity }) {
  const ids = modifiers.map((m) => m.id).sort((a, b) => a - b);
  const key = `${item.id}:${ids.join(',')}`;
  const cart = getState().cart.map((line) => ({ ...line }));
  const existing = cart.find((line) => line.key === key);
  if (existing) existing.quantity = Math.min(99, existing.quantity + quantity);
  else cart.push({ key, itemId: item.id, name: item.name, modifiers, quantity });
  update({ cart, cartError: '' });
  announce(`${quantity} × ${item.name} added to your order.`);
  requestQuote();
}

export function changeQuantity(key, delta) {
  const cart = getState()
    .cart.map((line) => (line.key === key ? { ...line, quantity: Math.min(99, line.quantity + delta) } : line))
    .filter((line) => line.quantity > 0);
  update({ cart, cartError: '' });
  requestQuote();
}

export function clearCart() {
  quoteSequence++;
  update({ cart: [], note: '', quote: { loading: false, totals: null, error: '', errorLine: null } });
  $('order-note').value = '';
}

function requestLines(cart) {
  return cart.map((line) => ({ item_id: line.itemId, quantity: line.quantity, modifiers: line.modifiers.map((m) => m.id) }));
}

/** Asks for the totals of the cart as it is now; only the newest answer is shown. */
export function requestQuote() {
  const sequence = ++quoteSequence;
  const cart = getState().cart;
  if (cart.length === 0) {
    update({ quote: { loading: false, totals: null, error: '', errorLine: null } });
    return;
  }
  update({ quote: { ...getState().quote, loading: true } });
  clearTimeout(quoteTimer);
  quoteTimer = setTimeout(async () => {
    try {
      const totals = await api.quote(requestLines(cart));
      if (sequence !== quoteSequence) return;
      update({ quote: { loading: false, totals, error: '', errorLine: null } });
    } catch (error) {
      if (sequence !== quoteSequence) return;
      const match = /items\[(\d+)\]/.exec(error.fields?.[0]?.field ?? '');
      update({ quote: { loading: false, totals: null, error: error.message, errorLine: match ? Number(match[1]) : null } });
    }
  }, 120);
}

async function placeOrder() {
  const state = getState();
  if (!canPlace(state)) return;
  update({ placing: true, cartError: '' });
  try {
    const order = await api.placeOrder(requestLines(state.cart), state.note.trim());
    update({ placing: false });
    clearCart();
    hooks.placed(order);
  } catch (error) {
    update({ placing: false });
    if (error.status === 401) {
      hooks.failed(error);
      return;
    }
    let message = error.message;
    if (error.status === 429 && error.retryAfter) {
      message += ` Please wait ${error.retryAfter} s before trying again.`;
    }
    update({ cartError: message }); // #cart-error is an alert: read out as it appears
    if (error.status === 409) {
      // Sold out or off the menu meanwhile: the quote names the line, the menu shows it.
      requestQuote();
      hooks.menuChanged();
    }
  }
}

function canPlace(state) {
  return state.cart.length > 0 && !state.placing && !state.quote.loading && state.quote.totals && !state.quote.error;
}

export function renderCart(state) {
  $('screen-cart').hidden = state.screen !== 'cart';
  renderBar(state);
  if (state.screen !== 'cart') return;

  const focused = document.activeElement?.dataset?.key
    ? { key: document.activeElement.dataset.key, action: document.activeElement.dataset.action }
    : null;
  const list = $('cart-lines');
  const quoted = state.quote.totals?.items ?? [];
  list.replaceChildren(...state.cart.map((line, index) => cartLine(line, quoted[index], index === state.quote.errorLine ? state.quote.error : '')));
  if (focused) {
    const again = list.querySelector(`button[data-key="${CSS.escape(focused.key)}"][data-action="${focused.action}"]`);
    (again ?? $('cart-back')).focus();
  }
  $('cart-empty').hidden = state.cart.length > 0;
  $('cart-form').hidden = state.cart.length === 0;

  const totals = state.quote.totals;
  $('cart-totals').hidden = !totals;
  if (totals) {
    $('total-subtotal').textContent = formatMoney(totals.subtotal_cents);
    $('total-tax-label').textContent = totals.prices_include_tax ? 'Tax (included)' : 'Tax';
    $('total-tax').textContent = formatMoney(totals.tax_cents);
    $('total-total').textContent = formatMoney(totals.total_cents);
    $('total-total').dataset.cents = String(totals.total_cents);
  }
  $('cart-quote-state').textContent = state.quote.loading ? 'Updating the total…' : '';
  const error = state.cartError || (state.quote.errorLine === null ? state.quote.error : '');
  $('cart-error').hidden = !error;
  $('cart-error').textContent = error;
  const place = $('place-order');
  place.disabled = !canPlace(state);
  place.textContent = state.placing ? 'Placing your order…' : 'Place order';
}

function cartLine(line, quoted, problem) {
  const row = cloneTemplate('line-template');
  row.dataset.key = line.key;
  setText(row, '.line__name', line.name);
  setText(row, '.line__modifiers', line.modifiers.map((m) => m.name).join(', '));
  setText(row, '.line__quantity', `${line.quantity}`);
  const total = row.querySelector('.line__total');
  total.textContent = quoted ? formatMoney(quoted.line_total_cents) : '';
  const problemText = row.querySelector('.line__problem');
  problemText.hidden = !problem;
  problemText.textContent = problem;
  for (const [selector, action, label] of [['.line__minus', 'minus', line.quantity === 1 ? 'Remove' : 'One less'], ['.line__plus', 'plus', 'One more']]) {
    const button = row.querySelector(selector);
    button.dataset.key = line.key;
    button.dataset.action = action;
    button.setAttribute('aria-label', `${label}: ${line.name}`);
  }
  row.querySelector('.line__qty').setAttribute('aria-label', `Quantity of ${line.name}`);
  return row;
}

function renderBar(state) {
  const count = state.cart.reduce((sum, line) => sum + line.quantity, 0);
  const showCart = state.screen === 'menu' && count > 0;
  $('cart-open').hidden = !showCart;
  $('cart-count').textContent = String(count);
  $('cart-count-word').textContent = count === 1 ? 'item' : 'items';
  const total = $('cart-bar-total');
  const totals = state.quote.totals;
  total.textContent = state.quote.loading || !totals ? '…' : formatMoney(totals.total_cents);
  total.dataset.cents = totals && !state.quote.loading ? String(totals.total_cents) : '';
}
