// The till's state in one place, kept in sessionStorage so a reload (or a dropped network and a
// reload) keeps the sale: the cart, the order type and table, the Idempotency-Key of the order
// being created, the order being worked on (re-read from the server on load), and a payment
// still waiting for the server's answer.
// The parts change it through `update` and draw themselves from it in `subscribe` listeners.

import { currentSession } from '../lib/session.js';

// Per staff member: the next one to sign in on this tab does not inherit a sale.
const STORAGE_KEY = `cafe-pos.till.state.${currentSession()?.staff?.id ?? 'none'}`;

const EMPTY = {
  cart: [], // [{key, sig, itemId, name, modifiers: [{id, name}], quantity, note}]
  type: 'takeaway',
  table: '',
  orderKey: null, // Idempotency-Key of POST /api/orders for this cart, kept until it is answered
  order: null, // the order on the right-hand side (sent, resumed or being paid), as the API gave it
  pendingPayment: null, // {key, body}: sent, no answer yet; retried with the same key
};

let state = load();
const listeners = new Set();

function load() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    return saved ? { ...EMPTY, ...saved } : { ...EMPTY };
  } catch {
    return { ...EMPTY };
  }
}

export function getState() {
  return state;
}

/** Merges `changes` into the state, saves it, and tells every listener. */
export function update(changes) {
  state = { ...state, ...changes };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  for (const listener of listeners) listener(state);
}

export function subscribe(listener) {
  listeners.add(listener);
}
