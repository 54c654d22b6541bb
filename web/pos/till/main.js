// The Till screen: the menu on the left, the sale (or the order being worked on) on the right,
// payment, receipt, open orders and guest orders in dialogs. This module starts the screen and
// connects the parts; each part is its own module.

import { $ } from '../../shared/dom.js';
import { showError, showMessage, startScreen } from '../lib/shell.js';
import { configureAmounts } from './amount.js';
import { addToCart, initCart, quoteReady, renderCart, requestQuote } from './cart.js';
import { initGuestOrders, startGuestOrders } from './guest-orders.js';
import { openItemDialog, initItemDialog } from './item-dialog.js';
import { initManager } from './manager.js';
import { initMenu, refreshMenu, startMenu } from './menu.js';
import { initOpenOrders } from './open-orders.js';
import { renderActions, renderOrder, setManager } from './order-view.js';
import { addToOrder, createOrder, reloadOrder, removeFromOrder, submitOrder } from './orders.js';
import { initPayment, openPayment } from './payment.js';
import { initReasonDialog } from './reason-dialog.js';
import { initReceipt, showReceipt } from './receipt.js';
import { initShift, loadShift } from './shift.js';
import { getState, subscribe, update } from './state.js';

const { staff, settings } = await startScreen('till');
configureAmounts(settings);
setManager(staff.role === 'manager' || staff.role === 'admin');

let sending = false;

initMenu(pick, menuChanged);
initItemDialog();
initCart();
initReasonDialog();
initShift(staff);
initReceipt();
initPayment(showReceipt);
initOpenOrders();
initGuestOrders();
initManager();
subscribe(render);

$('send-kitchen').addEventListener('click', () => { send(true); });
$('keep-open').addEventListener('click', () => { send(false); });
$('pay').addEventListener('click', () => { openPayment().catch(showError); });
$('show-receipt').addEventListener('click', () => { const o = getState().order; if (o) showReceipt(o); });
$('new-sale').addEventListener('click', newSale);
$('cart-lines').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-remove-line]');
  const order = getState().order;
  if (button && order) removeFromOrder(order, Number(button.dataset.removeLine)).catch(showError);
});

await startMenu().catch(showError);
render(getState());
loadShift().catch(() => {});
startGuestOrders();
await resume();

function render(state) {
  if (state.order) renderOrder(state.order);
  else renderCart(state);
  renderActions(state.order, { cartEmpty: state.cart.length === 0, quoteReady: quoteReady() });
  if (sending) for (const id of ['send-kitchen', 'keep-open']) $(id).disabled = true;
}

// After a reload: the order on the right is read again, and a payment still waiting for its
// answer is sent again with its own key.
async function resume() {
  const { order, pendingPayment, cart } = getState();
  if (!order) {
    if (cart.length > 0) requestQuote();
    return;
  }
  try {
    await reloadOrder(order.id);
  } catch (error) {
    showError(error);
  }
  if (pendingPayment) await openPayment().catch(showError);
}

// A changed menu (a price, a sold-out) changes what the cart would cost: ask again.
function menuChanged() {
  const { order, cart } = getState();
  if (!order && cart.length > 0) requestQuote();
}

/** A tapped item: into the cart, or onto the open tab on the right. */
function pick(item) {
  const order = getState().order;
  if (order && order.status !== 'open') {
    if (getState().pendingPayment) {
      showMessage('A payment is still waiting for its answer: finish it first.', 'error');
      return;
    }
    showMessage(`Order #${order.number} is kept under Open orders; this is a new sale.`, 'info');
    update({ order: null });
  }
  const add = (modifiers) => {
    const target = getState().order;
    if (target) addToOrder(target, item, modifiers).catch(refused);
    else addToCart(item, modifiers);
  };
  if (item.modifier_groups.length > 0) openItemDialog(item, ({ modifiers }) => add(modifiers));
  else add([]);
}

/** Sends the sale (or the open tab) to the kitchen and opens the payment; or keeps it as a tab. */
async function send(toKitchen) {
  if (sending) return;
  sending = true;
  render(getState());
  try {
    let order = getState().order ?? await createOrder();
    if (toKitchen) {
      order = await submitOrder(order);
      showMessage(`Order #${order.number} sent to the kitchen.`, 'ok');
    } else {
      showMessage(`Order #${order.number} kept as an open tab.`, 'ok');
    }
    sending = false;
    render(getState());
    if (toKitchen && order.balance_cents > 0) await openPayment();
  } catch (error) {
    refused(error);
  } finally {
    sending = false;
    render(getState());
  }
}

// A refusal, readably; a sold-out or changed item (409) also refreshes the menu and the totals.
function refused(error) {
  showError(error);
  if (error?.status === 409 || error?.status === 422) {
    refreshMenu().catch(() => {});
    if (!getState().order) requestQuote();
  }
}

function newSale() {
  if (getState().pendingPayment) {
    showMessage('A payment is still waiting for its answer: finish it first.', 'error');
    return;
  }
  update({ order: null });
  requestQuote();
}
