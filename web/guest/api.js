// The guest page's only way to the server. Owns the guest session token (sessionStorage, one
// per browser tab), the Idempotency-Key of an order, problem+json → a readable message and
// Retry-After. Screens call the functions below and never `fetch` themselves.

import { ApiError, newKey, readBody, send } from '../shared/http.js';

const SESSION_KEY = 'cafe-pos.guest.session';

// --- the session --------------------------------------------------------------------------

/** The saved session of table `tableToken`, or null when there is none or it has expired. */
export function savedSession(tableToken) {
  const saved = readRaw();
  if (!saved || saved.tableToken !== tableToken) return null;
  if (Date.parse(saved.expiresAt) <= Date.now()) return null;
  return saved;
}

export function forgetSession() {
  sessionStorage.removeItem(SESSION_KEY);
}

/** Remembers the order this session placed, so a reload shows its status. */
export function rememberOrder(orderId) {
  const saved = readRaw();
  if (saved) {
    saved.orderId = orderId;
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(saved));
  }
}

export function forgetOrder() {
  rememberOrder(null);
}

/** The saved session as stored, expired or not; null when there is none or it is unreadable. */
function readRaw() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  } catch {
    return null;
  }
}

/** POST /api/guest/sessions: opens a session for the table and saves it.
 *  Resolves to `{tableToken, table: {id, label}, expiresAt, orderId}`. */
export async function startSession(tableToken) {
  const body = await request('POST', '/api/guest/sessions', { json: { table_token: tableToken } });
  const session = {
    tableToken,
    token: body.session_token,
    table: { id: body.table?.id, label: String(body.table?.label ?? '') },
    expiresAt: body.expires_at,
    orderId: null,
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return session;
}

function guestAuthorization() {
  const saved = readRaw();
  if (!saved?.token) {
    throw new ApiError({ status: 401, message: 'Your table session has ended.' });
  }
  return `Guest ${saved.token}`;
}

// --- public reads ---------------------------------------------------------------------------

/** GET /api/settings: currency, locale and the cafe's name. */
export function getSettings() {
  return request('GET', '/api/settings');
}

/** GET /api/menu: the browser's cache revalidates it with its ETag. */
export function getMenu() {
  return request('GET', '/api/menu', { cache: 'no-cache' });
}

/** POST /api/orders/quote: the totals the server would charge for `items` ([line]). */
export function quote(items) {
  return request('POST', '/api/orders/quote', { json: { type: 'dine_in', items } });
}

// --- the guest's orders ---------------------------------------------------------------------

let pendingOrder = null; // {body, key}: a retry of the same order reuses its key

/** POST /api/guest/orders. Sending the same order again after a failure (a lost answer) reuses
 *  its Idempotency-Key, so it is placed once. */
export async function placeOrder(items, note) {
  const json = note ? { items, note } : { items };
  const body = JSON.stringify(json);
  if (pendingOrder?.body !== body) pendingOrder = { body, key: newKey() };
  const order = await request('POST', '/api/guest/orders', {
    json,
    headers: { Authorization: guestAuthorization(), 'Idempotency-Key': pendingOrder.key },
  });
  pendingOrder = null;
  return order;
}

/** GET /api/guest/orders/{id} with If-None-Match: `{order, etag}`, or `{order: null, etag}`
 *  when it has not changed (304). */
export async function getOrder(id, etag) {
  const headers = { Authorization: guestAuthorization() };
  if (etag) headers['If-None-Match'] = etag;
  const response = await send('GET', `/api/guest/orders/${encodeURIComponent(id)}`, {
    headers,
    cache: 'no-store',
  });
  if (response.status === 304) return { order: null, etag };
  const order = await readBody(response);
  return { order, etag: response.headers.get('ETag') };
}

// --- plumbing -------------------------------------------------------------------------------

async function request(method, path, options = {}) {
  return readBody(await send(method, path, options));
}
