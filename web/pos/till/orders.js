// Turning the cart into an order and moving it along: POST /api/orders with one Idempotency-Key
// per cart (kept until the server answers, so a retry after a lost answer never makes a second
// order), POST /api/orders/{id}/submit to send it to the kitchen, adding lines to an open tab,
// and reading an order again.

import { newKey } from '../../shared/http.js';
import * as api from '../lib/api.js';
import { requestLines } from './cart.js';
import { getState, update } from './state.js';

/** Creates the cart's order (status open) and puts it on the right-hand side; the cart empties. */
export async function createOrder() {
  const state = getState();
  const key = state.orderKey ?? newKey();
  if (!state.orderKey) update({ orderKey: key });
  const body = { type: state.type, items: requestLines(state.cart) };
  if (state.type === 'dine_in' && state.table.trim()) body.table = state.table.trim();
  const order = await api.postOnce('/api/orders', body, key);
  update({ order, cart: [], orderKey: null });
  return order;
}

/** Sends an open order to the kitchen. A repeat of a submit the server already did is fine. */
export async function submitOrder(order) {
  try {
    const submitted = await api.post(`/api/orders/${order.id}/submit`);
    update({ order: submitted });
    return submitted;
  } catch (error) {
    if (error.status !== 409) throw error;
    const fresh = await reloadOrder(order.id);
    if (fresh.status === 'open') throw error;
    return fresh;
  }
}

/** Adds one of `item` with `modifiers` to the open order on the right-hand side. */
export async function addToOrder(order, item, modifiers) {
  const updated = await api.post(`/api/orders/${order.id}/items`,
    { item_id: item.id, quantity: 1, modifiers: modifiers.map((m) => m.id) });
  update({ order: updated });
  return updated;
}

/** Takes line `lineId` off the open order on the right-hand side. */
export async function removeFromOrder(order, lineId) {
  const updated = await api.del(`/api/orders/${order.id}/items/${lineId}`);
  update({ order: updated });
  return updated;
}

/** Reads order `id` again and shows it. */
export async function reloadOrder(id) {
  const order = await api.get(`/api/orders/${id}`);
  update({ order });
  return order;
}
