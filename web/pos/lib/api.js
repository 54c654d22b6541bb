// The console's only way to the server. Adds the staff member's Bearer token, turns problem+json
// into readable messages (ApiError), waits out a 429's Retry-After before one retry of a read,
// ends the session on a 401, and tells the shell whether the server can be reached.
// Money-moving writes go through `postOnce`: a retry after a lost answer reuses the same
// Idempotency-Key, so the server does the work once (api.md "Idempotency-Key").

import { ApiError, problemError, readBody, send, UNREACHABLE } from '../../shared/http.js';
import { currentSession, endSession, saveSession } from './session.js';

export { ApiError } from '../../shared/http.js';

const MAX_RETRY_AFTER_SECONDS = 10;
const ONCE_ATTEMPTS = 5;

// --- reachability -----------------------------------------------------------------------------

const listeners = new Set();
let online = true;

/** Calls `listener(online)` whenever the server becomes reachable or unreachable. */
export function onReachability(listener) {
  listeners.add(listener);
  listener(online);
}

function setOnline(value) {
  if (value === online) return;
  online = value;
  for (const listener of listeners) listener(online);
}

// --- signing in and out -------------------------------------------------------------------

/** POST /api/auth/login; saves the session. Resolves to the `staff`. */
export async function login(username, password) {
  const body = await readBody(await reach('POST', '/api/auth/login', { json: { username, password } }));
  saveSession(body);
  return body.staff;
}

/** POST /api/auth/logout, then back to the sign-in page (even when the server is away). */
export async function logout() {
  try {
    await request('POST', '/api/auth/logout');
  } catch {
    // The token is forgotten here either way; it also expires on its own.
  }
  endSession('You are signed out.');
}

// --- requests ---------------------------------------------------------------------------------

export const get = (path) => request('GET', path);
export const post = (path, json = {}, headers = {}) => request('POST', path, { json, headers });
export const patch = (path, json, headers = {}) => request('PATCH', path, { json, headers });
export const del = (path, headers = {}) => request('DELETE', path, { headers });

const PAGE_SIZE = 200; // the API's largest page
const MAX_PAGES = 100; // a cursor that never ends stops here (20 000 rows: far beyond a cafe's lists)

/** Every item of a paged list (`{items, next_cursor}`, api.md "Lists"), page by page. */
export async function getAllPages(path) {
  const all = [];
  let cursor = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) query.set('cursor', cursor);
    const answer = await get(`${path}?${query}`);
    all.push(...(answer.items ?? []));
    if (!answer.next_cursor || answer.next_cursor === cursor) break;
    cursor = answer.next_cursor;
  }
  return all;
}

/** GET with If-None-Match: `{body, etag}`, or `{body: null, etag}` when unchanged (304). */
export async function getIfChanged(path, etag) {
  const headers = etag ? { 'If-None-Match': etag } : {};
  const response = await authorized('GET', path, { headers });
  if (response.status === 304) return { body: null, etag };
  return { body: await readBody(response), etag: response.headers.get('ETag') };
}

/** GET of a non-JSON representation (a CSV, the HTML receipt) as text. */
export async function getText(path, accept) {
  const response = await authorized('GET', path, { accept });
  if (!response.ok) await readBody(response); // throws the problem
  return response.text();
}

/**
 * POST a write that must happen once (a payment, a refund), with `key` as its Idempotency-Key.
 * When the answer is lost (no connection, 502/503/504) it is sent again with the same key a few
 * times, waiting longer each time; the server answers a repeat with the first answer. When it
 * still fails, the caller keeps `key` and uses it for the next try.
 */
export async function postOnce(path, json, key) {
  let lastError = null;
  for (let attempt = 0; attempt < ONCE_ATTEMPTS; attempt += 1) {
    if (attempt > 0) await sleep(backoffMs(attempt, lastError));
    try {
      return await request('POST', path, { json, headers: { 'Idempotency-Key': key } });
    } catch (error) {
      if (!(error instanceof ApiError) || !isAnswerLost(error)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

function isAnswerLost(error) {
  return error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504
    || error.status === 429;
}

function backoffMs(attempt, error) {
  const retryAfter = Math.min(error?.retryAfter ?? 0, MAX_RETRY_AFTER_SECONDS);
  return Math.max(retryAfter * 1000, 500 * 2 ** (attempt - 1));
}

// --- plumbing ---------------------------------------------------------------------------------

async function request(method, path, options = {}) {
  let response = await authorized(method, path, options);
  if (response.status === 429 && method === 'GET') {
    // A read is safe to repeat: wait as long as the server asks (capped), then once more.
    const problem = problemError(response, null);
    const wait = problem.retryAfter ?? 1;
    if (wait <= MAX_RETRY_AFTER_SECONDS) {
      await sleep(wait * 1000);
      response = await authorized(method, path, options);
    }
  }
  return readBody(response);
}

async function authorized(method, path, { headers = {}, ...options } = {}) {
  const session = currentSession();
  if (!session) return leave('Please sign in.');
  const response = await reach(method, path, {
    ...options,
    headers: { Authorization: `Bearer ${session.token}`, ...headers },
  });
  if (response.status === 401) return leave('Your session has ended. Please sign in again.');
  return response;
}

/** Goes to the sign-in page with `notice`. The call that found out never settles: the page is
 *  being left, and no screen should show an error (or act) on its way out. */
function leave(notice) {
  endSession(notice);
  return new Promise(() => {});
}

/** send() that also keeps the reachability state: a gateway error or no answer counts as
 *  unreachable (the services are behind nginx), any other answer as reachable. */
async function reach(method, path, options) {
  try {
    const response = await send(method, path, options);
    setOnline(response.status !== 502 && response.status !== 504);
    return response;
  } catch (error) {
    setOnline(false);
    throw error instanceof ApiError ? error : new ApiError({ status: 0, message: UNREACHABLE });
  }
}

function sleep(ms) {
  return new Promise((resolve) => { setTimeout(resolve, ms); });
}
