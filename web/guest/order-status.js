// The status of the order just placed: polls GET /api/guest/orders/{id} with If-None-Match
// every POLL_MS (a 304 costs the server almost nothing and holds no connection open) and
// shows waiting for staff → accepted → ready → served, or that it was not accepted.

import { $, announce, cloneTemplate, setText } from '../shared/dom.js';
import { formatMoney } from '../shared/money.js';
import { getState, update } from './state.js';
import * as api from './api.js';

const POLL_MS = 2500;
const FINAL = new Set(['completed', 'cancelled']);
const STEPS = ['pending', 'submitted', 'ready', 'completed'];

/** What each status means to a guest: a headline and a sentence. */
const WORDING = {
  pending: ['Waiting for the staff to accept your order', 'This page updates by itself; you can keep it open.'],
  open: ['Waiting for the staff to accept your order', 'This page updates by itself; you can keep it open.'],
  submitted: ['Accepted: your order is being prepared', 'We’ll let you know here when it is ready.'],
  ready: ['Your order is ready', 'It will be with you in a moment.'],
  completed: ['Served. Enjoy!', 'Thank you for your order.'],
  cancelled: ['Sorry, your order was not accepted', 'The staff could not take this order and nothing will be charged. Please ask at the counter.'],
};

/** The same, in a few words, for the button that leads back to the status. */
const SHORT = {
  pending: 'waiting for staff', open: 'waiting for staff', submitted: 'being prepared',
  ready: 'ready', completed: 'served', cancelled: 'not accepted',
};

let timer = null;
let etag = null;
let watching = null;
let hooks = { failed() {} };

/** `failed(error)` for an ended session (401). */
export function initOrderStatus(callbacks) {
  hooks = callbacks;
  $('status-new-order').addEventListener('click', () => update({ screen: 'menu' }));
  $('status-open').addEventListener('click', () => update({ screen: 'status' }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && watching !== null) schedule(0);
  });
}

/** Shows `order` and follows it until it is served or cancelled. */
export function watchOrder(order) {
  watching = order.id;
  etag = null;
  update({ order, statusError: '', screen: 'status' });
  announce(WORDING[order.status]?.[0] ?? '');
  schedule(order.status && FINAL.has(order.status) ? null : POLL_MS);
}

/** Follows a saved order id (after a reload) without having its body yet. */
export function resumeOrder(orderId) {
  watching = orderId;
  etag = null;
  schedule(0);
}

export function stopWatching() {
  watching = null;
  clearTimeout(timer);
}

function schedule(delay) {
  clearTimeout(timer);
  if (delay !== null) timer = setTimeout(poll, delay);
}

async function poll() {
  const id = watching;
  if (id === null) return;
  try {
    const answer = await api.getOrder(id, etag);
    if (id !== watching) return;
    etag = answer.etag;
    if (answer.order) {
      const before = getState().order?.status;
      update({ order: answer.order, statusError: '' });
      if (before !== answer.order.status) announce(WORDING[answer.order.status]?.[0] ?? answer.order.status);
    } else if (getState().statusError) {
      update({ statusError: '' });
    }
    schedule(FINAL.has(getState().order?.status) ? null : POLL_MS);
  } catch (error) {
    if (id !== watching) return;
    if (error.status === 401) {
      stopWatching();
      hooks.failed(error);
      return;
    }
    if (error.status === 404) {
      stopWatching();
      api.forgetOrder();
      update({ order: null, screen: getState().screen === 'status' ? 'menu' : getState().screen });
      return;
    }
    update({ statusError: error.status === 0 ? 'Reconnecting…' : `Could not refresh the status: ${error.message}` });
    schedule(error.retryAfter ? error.retryAfter * 1000 : POLL_MS * 2);
  }
}

export function renderOrderStatus(state) {
  $('screen-status').hidden = state.screen !== 'status';
  const order = state.order;
  const open = $('status-open');
  open.hidden = !order || state.screen === 'status';
  if (order) open.textContent = `Order ${order.number ?? order.id}: ${SHORT[order.status] ?? order.status}`;
  if (!order || state.screen !== 'status') return;

  const status = String(order.status);
  const [headline, detail] = WORDING[status] ?? [`Status: ${status}`, ''];
  $('status-number').textContent = String(order.number ?? order.id);
  $('status-card').dataset.status = status;
  $('status-card').dataset.orderId = String(order.id);
  $('status-headline').textContent = headline;
  $('status-detail').textContent = detail;
  const reached = STEPS.indexOf(status === 'open' ? 'pending' : status);
  for (const step of $('status-steps').querySelectorAll('li')) {
    const index = STEPS.indexOf(step.dataset.step);
    step.classList.toggle('steps__step--done', status !== 'cancelled' && index <= reached);
    if (index === reached && status !== 'cancelled') step.setAttribute('aria-current', 'step');
    else step.removeAttribute('aria-current');
  }
  $('status-steps').hidden = status === 'cancelled';
  $('status-lines').replaceChildren(...(order.items ?? []).map(statusLine));
  $('status-total').textContent = formatMoney(order.total_cents);
  $('status-total').dataset.cents = String(order.total_cents);
  $('status-error').textContent = state.statusError;
}

function statusLine(line) {
  const row = cloneTemplate('status-line-template');
  setText(row, '.line__name', `${line.quantity} × ${line.name}`);
  setText(row, '.line__modifiers', (line.modifiers ?? []).map((m) => m.name).join(', '));
  setText(row, '.line__total', formatMoney(line.line_total_cents));
  return row;
}
