// What only a manager or admin does at the till: discount an order (percent or amount, with a
// reason; POST /api/orders/{id}/discount) and void it (POST /api/orders/{id}/cancel with a
// reason). Both are audited by the server. Cashiers never see the buttons.

import { $ } from '../../shared/dom.js';
import * as api from '../lib/api.js';
import { showError, showMessage } from '../lib/shell.js';
import { askReason } from './reason-dialog.js';
import { getState, update } from './state.js';

export function initManager() {
  $('discount-open').addEventListener('click', discount);
  $('void-open').addEventListener('click', voidOrder);
}

async function discount() {
  const order = getState().order;
  if (!order) return;
  const answer = await askReason({ title: `Discount order #${order.number}`, confirm: 'Apply discount', discount: true });
  if (!answer) return;
  try {
    update({ order: await api.post(`/api/orders/${order.id}/discount`, answer) });
    showMessage(`Discount applied to order #${order.number}.`, 'ok');
  } catch (error) {
    showError(error);
  }
}

async function voidOrder() {
  const order = getState().order;
  if (!order) return;
  const answer = await askReason({ title: `Void order #${order.number}`, confirm: 'Void order' });
  if (!answer) return;
  try {
    update({ order: await api.post(`/api/orders/${order.id}/cancel`, { reason: answer.reason }) });
    showMessage(`Order #${order.number} is voided.`, 'ok');
  } catch (error) {
    showError(error);
  }
}
