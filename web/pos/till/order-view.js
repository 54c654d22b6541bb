// The order on the right-hand side once it exists on the server (sent, kept as a tab, resumed or
// being paid): its lines and totals exactly as the API gave them, its status, and the buttons
// that fit that status and the signed-in role.

import { $, cloneTemplate, setText } from '../../shared/dom.js';
import { formatMoney } from '../../shared/money.js';

const STATUS_TEXT = {
  open: 'Open tab (not sent to the kitchen)',
  pending: 'Guest order waiting to be accepted',
  submitted: 'Sent to the kitchen',
  ready: 'Ready',
  completed: 'Handed over',
  cancelled: 'Voided',
};

const PAYMENT_TEXT = {
  unpaid: 'unpaid', partially_paid: 'partly paid', paid: 'paid', refunded: 'refunded',
};

let isManager = false;

export function setManager(value) {
  isManager = value;
}

/** Draws `order` (the API's order) in the cart panel. */
export function renderOrder(order) {
  setText(document, '#cart-heading', `Order #${order.number}`);
  $('cart-heading').dataset.orderId = String(order.id);
  const where = order.type === 'dine_in' ? `dine in${order.table ? `, table ${order.table}` : ''}` : 'takeaway';
  const status = $('order-status');
  status.textContent = `${STATUS_TEXT[order.status] ?? order.status} · ${PAYMENT_TEXT[order.payment_status] ?? ''} · ${where}`;
  status.hidden = false;
  status.dataset.status = order.status;
  $('order-type').hidden = true;
  for (const radio of document.querySelectorAll('input[name="order-type"]')) radio.checked = radio.value === order.type;
  $('table-number').value = order.table ?? '';
  $('table-number').closest('label').hidden = order.type !== 'dine_in';

  $('cart-lines').replaceChildren(...order.items.map((line) => orderLine(line, order.status === 'open')));
  $('cart-empty').hidden = order.items.length > 0;
  setText(document, '#cart-empty', order.status === 'open' ? 'Tap items to add them to this tab.' : 'No lines.');

  show('cart-subtotal', order.subtotal_cents);
  show('cart-tax', order.tax_cents);
  show('cart-total', order.total_cents);
  const discounted = order.discount_cents > 0;
  $('cart-discount-label').hidden = !discounted;
  $('cart-discount').hidden = !discounted;
  if (discounted) show('cart-discount', -order.discount_cents);
  const paid = order.paid_cents > 0;
  $('cart-paid-label').hidden = !paid;
  $('cart-paid').hidden = !paid;
  if (paid) show('cart-paid', order.paid_cents);
  setText(document, '#quote-state', order.balance_cents > 0 && order.status !== 'cancelled'
    ? `Balance due ${formatMoney(order.balance_cents)}` : '');
  $('quote-state').classList.remove('error');
  $('cart-total').setAttribute('aria-busy', 'false');
}

/** Shows the buttons that fit: `order` null means a cart that is not an order yet. */
export function renderActions(order, { cartEmpty, quoteReady }) {
  const live = order && order.status !== 'cancelled';
  $('send-kitchen').hidden = Boolean(order) && order.status !== 'open';
  $('send-kitchen').disabled = order ? order.items.length === 0 : cartEmpty || !quoteReady;
  $('keep-open').hidden = Boolean(order);
  $('keep-open').disabled = cartEmpty || !quoteReady;
  $('pay').hidden = !(live && order.balance_cents > 0 && order.status !== 'pending');
  $('show-receipt').hidden = !order;
  $('new-sale').hidden = !order;
  $('discount-open').hidden = !(isManager && live && ['open', 'submitted', 'ready'].includes(order.status)
    && order.payment_status === 'unpaid');
  $('void-open').hidden = !(isManager && live && ['open', 'submitted'].includes(order.status));
}

function orderLine(line, removable) {
  const li = cloneTemplate('cart-line-template');
  li.dataset.lineId = String(line.id);
  li.dataset.itemId = String(line.item_id);
  setText(li, '.line-name', line.name);
  setText(li, '.line-mods', line.modifiers.map((m) => m.name).join(', '));
  li.querySelector('.line-note-label').remove();
  li.querySelector('.note-toggle').remove();
  setText(li, '.line-note-text', line.note ? `“${line.note}”` : '');
  const side = [quantityText(line.quantity)];
  if (removable) {
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'button secondary remove-line';
    remove.dataset.removeLine = String(line.id);
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${line.name}`);
    side.push(remove);
  }
  li.querySelector('.line-qty').replaceChildren(...side);
  setText(li, '.line-total', formatMoney(line.line_total_cents));
  return li;
}

function quantityText(quantity) {
  const span = document.createElement('span');
  span.className = 'line-quantity';
  span.textContent = `× ${quantity}`;
  return span;
}

function show(id, cents) {
  const element = $(id);
  element.textContent = formatMoney(cents);
  element.dataset.cents = String(cents);
}
