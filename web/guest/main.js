// The guest page at /guest/?t=<table token>: reads the table's token, loads the cafe's
// settings, opens a guest session and shows the menu. The screens are in their own modules;
// this one decides which comes next.

import { $ } from '../shared/dom.js';
import { configureMoney } from '../shared/money.js';
import { getState, subscribe, update } from './state.js';
import { initMessage, renderMessage, showMessage } from './message.js';
import { initMenu, renderMenu } from './menu.js';
import { initItemDialog, openItemDialog } from './item-dialog.js';
import { addToCart, initCart, renderCart, requestQuote } from './cart.js';
import { initOrderStatus, renderOrderStatus, resumeOrder, stopWatching, watchOrder } from './order-status.js';
import * as api from './api.js';

const tableToken = new URLSearchParams(location.search).get('t')?.trim() ?? '';

subscribe(renderMessage);
subscribe(renderMenu);
subscribe(renderCart);
subscribe(renderOrderStatus);
subscribe(renderHeader);

initMessage();
initMenu({ pick: (item) => openItemDialog(item, addToCart) });
initItemDialog();
initCart({ placed: orderPlaced, failed: sessionEnded, menuChanged: loadMenu });
initOrderStatus({ failed: sessionEnded });

start();

async function start() {
  update({ screen: 'loading' });
  if (!tableToken) {
    showMessage({
      title: 'No table code',
      detail: 'Open this page by scanning the QR code on your table.',
    });
    return;
  }
  if (!(await loadSettings())) return;
  if (!(await openSession({ fresh: false }))) return;
  if (!(await loadMenu())) return;
  const { session } = getState();
  update({ screen: 'menu' });
  if (session.orderId) resumeOrder(session.orderId);
}

async function loadSettings() {
  try {
    const settings = await api.getSettings();
    configureMoney(settings);
    update({ settings });
    return true;
  } catch (error) {
    failed('The page could not start', error, start);
    return false;
  }
}

/** Reuses this tab's session for the table, or opens a new one. */
async function openSession({ fresh }) {
  try {
    const session = (!fresh && api.savedSession(tableToken)) || (await api.startSession(tableToken));
    update({ session });
    return true;
  } catch (error) {
    if (error.status === 404) {
      showMessage({
        title: 'This table is not taking orders',
        detail: 'We don’t recognise this table’s QR code, or ordering from this table is switched off. Please order at the counter or ask a member of staff.',
      });
    } else if (error.status === 429) {
      showMessage({
        title: 'Too many tries',
        detail: 'Lots of people are starting to order right now. Please wait a moment and try again.',
        action: { label: 'Try again', run: start },
        retryAfter: error.retryAfter ?? 5,
      });
    } else {
      failed('The page could not start', error, start);
    }
    return false;
  }
}

async function loadMenu() {
  try {
    update({ menu: await api.getMenu(), menuError: '' });
    return true;
  } catch (error) {
    failed('The menu could not be loaded', error, start);
    return false;
  }
}

function failed(title, error, retry) {
  showMessage({
    title,
    detail: error.message,
    action: { label: 'Try again', run: retry },
    retryAfter: error.retryAfter,
  });
}

function orderPlaced(order) {
  api.rememberOrder(order.id);
  watchOrder(order);
  // Stock changed: the menu shows what is sold out now.
  loadMenu();
}

/** The guest session expired or was refused (401): offer a new one; the cart is kept. */
function sessionEnded() {
  stopWatching();
  api.forgetSession();
  update({ order: null });
  showMessage({
    title: 'Your session has ended',
    detail: 'Table sessions last a limited time. Start again to keep ordering; anything in your order that was not placed yet is kept.',
    action: { label: 'Start again', run: restart },
  });
}

async function restart() {
  update({ screen: 'loading' });
  if (!(await openSession({ fresh: true }))) return;
  if (!(await loadMenu())) return;
  update({ screen: getState().cart.length > 0 ? 'cart' : 'menu' });
  requestQuote();
}

function renderHeader(state) {
  const name = state.settings?.cafe_name;
  if (name) {
    $('cafe-name').textContent = name;
    document.title = `${name}: order at your table`;
  }
  const label = $('table-label');
  label.hidden = !state.session;
  if (state.session) {
    const text = state.session.table.label;
    label.textContent = /^\d+$/.test(text) ? `Table ${text}` : text;
  }
  $('cart-bar').hidden = $('cart-open').hidden && $('status-open').hidden;
  if (state.screen !== 'loading') $('main').setAttribute('aria-busy', 'false');
}
