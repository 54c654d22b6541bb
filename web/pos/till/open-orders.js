// Open orders and tabs: the ones still open (not sent) and the sent ones not paid yet
// (GET /api/orders?status=open|submitted|ready). Picking one puts it on the right-hand side,
// where items can be added while it is open, and it can be sent or paid.

import { $ } from '../../shared/dom.js';
import * as api from '../lib/api.js';
import { showError, showMessage } from '../lib/shell.js';
import { orderRow } from './order-row.js';
import { getState, update } from './state.js';

const dialog = $('orders-dialog');
let shown = [];

export function initOpenOrders() {
  $('open-orders-open').addEventListener('click', openList);
  $('orders-close').addEventListener('click', () => dialog.close());
  $('orders-list').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-resume-order]');
    if (!button) return;
    const order = shown.find((o) => o.id === Number(button.dataset.resumeOrder));
    if (!order) return;
    if (getState().pendingPayment) {
      showMessage('A payment is still waiting for its answer: finish it first.', 'error');
      return;
    }
    update({ order });
    dialog.close();
  });
}

async function openList() {
  try {
    const lists = await Promise.all(['open', 'submitted', 'ready']
      .map((status) => api.get(`/api/orders?status=${status}&limit=200`)));
    shown = lists.flatMap((list) => list.items)
      .filter((order) => order.status === 'open' || order.payment_status !== 'paid')
      .sort((a, b) => a.id - b.id);
  } catch (error) {
    showError(error);
    return;
  }
  $('orders-list').replaceChildren(...shown.map((order) => orderRow(order, [{
    label: order.status === 'open' ? 'Open tab' : 'Pay',
    className: 'primary',
    aria: `${order.status === 'open' ? 'Open tab' : 'Pay'} order ${order.number}`,
    data: { resumeOrder: String(order.id) },
  }])));
  $('orders-empty').hidden = shown.length > 0;
  if (!dialog.open) dialog.showModal();
}
