// The message screen: what stops the guest from ordering (no or unknown table, a rate limit,
// an ended session, the server out of reach), in plain words, with one way forward.

import { $, announce } from '../shared/dom.js';
import { update } from './state.js';

let countdown = null;
let action = null; // what the button does: {label, run}

/** Shows `title` and `detail`; `action` = {label, run} adds a button; `retryAfter` (seconds)
 *  keeps that button disabled, counting down, until the server allows another try. */
export function showMessage({ title, detail = '', action = null, retryAfter = null }) {
  const retryAt = retryAfter ? Date.now() + retryAfter * 1000 : null;
  update({ screen: 'message', message: { title, detail, action, retryAt } });
  announce(`${title}. ${detail}`);
}

export function initMessage() {
  $('message-action').addEventListener('click', () => action?.run());
}

export function renderMessage(state) {
  $('screen-message').hidden = state.screen !== 'message';
  $('screen-loading').hidden = state.screen !== 'loading';
  clearInterval(countdown);
  if (state.screen !== 'message' || !state.message) return;
  const { title, detail, retryAt } = state.message;
  action = state.message.action;
  $('message-title').textContent = title;
  $('message-detail').textContent = detail;
  const button = $('message-action');
  button.hidden = !action;
  if (!action) return;
  const tick = () => {
    const left = retryAt ? Math.ceil((retryAt - Date.now()) / 1000) : 0;
    button.disabled = left > 0;
    button.textContent = left > 0 ? `${action.label} (in ${left} s)` : action.label;
    if (left <= 0) clearInterval(countdown);
  };
  tick();
  if (retryAt) countdown = setInterval(tick, 500);
}
