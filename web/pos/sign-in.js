// The sign-in page: username and password to POST /api/auth/login, then the role's first
// screen. A tab that is already signed in goes straight there.

import { $ } from '../shared/dom.js';
import * as api from './lib/api.js';
import { currentSession, homeFor, takeNotice } from './lib/session.js';

const session = currentSession();
if (session) location.replace(homeFor(session.staff.role));

const notice = takeNotice();
if (notice) show('sign-in-notice', notice);

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  $('sign-in-notice').hidden = true;
  if (!username || !password) {
    show('sign-in-error', 'Enter your username and password.');
    (username ? $('password') : $('username')).focus();
    return;
  }
  const button = $('sign-in');
  button.disabled = true;
  try {
    const staff = await api.login(username, password);
    location.assign(homeFor(staff.role));
  } catch (error) {
    show('sign-in-error', error.status === 401
      ? 'That username and password do not match. Please try again.'
      : error.message);
    $('password').select();
  } finally {
    button.disabled = false;
  }
});

function show(id, text) {
  const box = $(id);
  box.textContent = text;
  box.hidden = false;
}
