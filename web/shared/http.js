// The HTTP plumbing of the front ends (the guest page and the staff console): one fetch per
// call, problem+json turned into a sentence a person can read, Retry-After read as seconds,
// and new Idempotency-Keys. Each page's api.js adds its own credentials on top of this.

/** A failed request: `status` (0 when the server could not be reached), a readable `message`,
 *  the problem's `type`, its field `errors` and, for 429/503, `retryAfter` in seconds. */
export class ApiError extends Error {
  constructor({ status, message, type = '', retryAfter = null, fields = [] }) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.retryAfter = retryAfter;
    this.fields = fields;
  }
}

/** The message of a request the network never answered. */
export const UNREACHABLE = 'The cafe’s server cannot be reached. Check the connection and try again.';

/** fetch() with JSON in and out, no cookies, no HTTP cache unless `cache` says so. Throws an
 *  ApiError with status 0 when the request never got an answer. */
export async function send(method, path, { json, headers = {}, cache = 'no-store', accept = 'application/json' } = {}) {
  const init = { method, cache, credentials: 'omit', headers: { Accept: accept, ...headers } };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  try {
    return await fetch(path, init);
  } catch {
    throw new ApiError({ status: 0, message: UNREACHABLE });
  }
}

/** The JSON body of a 2xx answer (null when empty); otherwise throws its problem as ApiError. */
export async function readBody(response) {
  const text = await response.text();
  let body = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (response.ok) return body;
  throw problemError(response, body);
}

/** An ApiError from a failed answer and its (possibly null) problem+json body. */
export function problemError(response, problem) {
  const status = response.status;
  const fields = Array.isArray(problem?.errors) ? problem.errors : [];
  let message = typeof problem?.detail === 'string' && problem.detail
    ? problem.detail
    : typeof problem?.title === 'string' && problem.title ? problem.title : `The server answered ${status}.`;
  if (fields.length > 0) {
    message += ' ' + fields.map((e) => String(e.message ?? '')).filter(Boolean).join('; ');
  }
  return new ApiError({
    status,
    message,
    type: typeof problem?.type === 'string' ? problem.type : '',
    retryAfter: retryAfterSeconds(response.headers.get('Retry-After')),
    fields,
  });
}

/** Retry-After as whole seconds (delta-seconds or an HTTP date), null when absent. */
export function retryAfterSeconds(value) {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** A new random Idempotency-Key (128 bits, hex). */
export function newKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
