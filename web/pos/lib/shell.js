// The frame every console screen shares: it checks the tab's session and role (or sends the
// tab to sign in), loads the cafe's settings for money, draws the top bar (the screens this
// role may open, who is signed in, Sign out), and shows the connection banner and messages.
// A screen's main.js calls `startScreen` first and builds its own <main> after.

import { configureMoney } from '../../shared/money.js';
import { $, announce } from '../../shared/dom.js';
import * as api from './api.js';
import { currentSession, endSession, homeFor, screensFor } from './session.js';

const MESSAGE_SECONDS = 6;
let messageTimer = null;

/**
 * Starts screen `id` (an id of session.js SCREENS). Resolves to `{staff, settings}`; never
 * resolves when the tab has no session (it goes to sign in) or the role may not open the screen
 * (it goes to the role's own first screen).
 */
export async function startScreen(id) {
  const session = currentSession();
  if (!session) {
    endSession('Please sign in.');
    return new Promise(() => {});
  }
  const screens = screensFor(session.staff.role);
  if (!screens.some((screen) => screen.id === id)) {
    location.replace(homeFor(session.staff.role));
    return new Promise(() => {});
  }
  drawTopBar(session.staff, screens, id);
  api.onReachability(showReachability);
  // /api/auth/me proves the token still works (a 401 ends the session) before the screen
  // shows anything of its own.
  const [staff, settings] = await Promise.all([api.get('/api/auth/me'), api.get('/api/settings')]);
  configureMoney(settings);
  document.title = `${screens.find((s) => s.id === id).label} · ${settings.cafe_name}`;
  return { staff, settings };
}

function drawTopBar(staff, screens, currentId) {
  const bar = $('top-bar');
  bar.replaceChildren();

  const brand = document.createElement('span');
  brand.className = 'brand';
  brand.textContent = 'Cafe POS';
  bar.append(brand);

  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Screens');
  const list = document.createElement('ul');
  for (const screen of screens) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = screen.href;
    link.textContent = screen.label;
    link.dataset.screen = screen.id;
    if (screen.id === currentId) link.setAttribute('aria-current', 'page');
    item.append(link);
    list.append(item);
  }
  nav.append(list);
  bar.append(nav);

  const who = document.createElement('span');
  who.className = 'who';
  who.id = 'signed-in-as';
  who.textContent = `${staff.display_name || staff.username} (${staff.role})`;
  bar.append(who);

  const signOut = document.createElement('button');
  signOut.type = 'button';
  signOut.id = 'sign-out';
  signOut.className = 'button secondary';
  signOut.textContent = 'Sign out';
  signOut.addEventListener('click', () => { api.logout(); });
  bar.append(signOut);
}

function showReachability(online) {
  const banner = $('connection');
  if (online) {
    if (!banner.hidden) announce('Connected to the cafe’s server again.');
    banner.hidden = true;
  } else {
    banner.textContent = 'No connection to the cafe’s server. Nothing is lost and nothing is sent twice: '
      + 'keep this page open and try again in a moment.';
    banner.hidden = false;
  }
}

/** Shows a message for a few seconds: `kind` is 'error', 'ok' or 'info'. Errors are also read
 *  out at once (role=alert); the others politely. */
export function showMessage(text, kind = 'info') {
  const box = $('message');
  box.textContent = text;
  box.className = `message ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.hidden = false;
  clearTimeout(messageTimer);
  messageTimer = setTimeout(() => { box.hidden = true; }, MESSAGE_SECONDS * 1000);
}

/** showMessage for a failed call: its ApiError's message, or a generic sentence. */
export function showError(error) {
  showMessage(error?.message || 'Something went wrong. Please try again.', 'error');
  if (!(error instanceof api.ApiError)) console.error(error);
}
