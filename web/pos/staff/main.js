// The staff screen (manager, admin): every staff member, adding one (username, display name,
// role, password), and changing one (display name, role, a new password, deactivate or
// reactivate) with PATCH /api/staff/{id}. Only an admin may create or promote admins and
// managers: for a manager the API refuses, and its sentence is shown as it is.

import { $, announce } from '../../shared/dom.js';
import * as api from '../lib/api.js';
import { showError, showMessage, startScreen } from '../lib/shell.js';
import { renderStaff } from './list.js';
import { initEditor, openEditor } from './editor.js';

export const ROLES = [
  { value: 'cashier', label: 'Cashier' },
  { value: 'barista', label: 'Barista' },
  { value: 'manager', label: 'Manager' },
  { value: 'admin', label: 'Admin' },
];

const { staff: me } = await startScreen('staff');
let members = [];

fillRoles($('new-role'));
fillRoles($('edit-role'));
$('create-form').addEventListener('submit', (event) => { event.preventDefault(); create(); });
initEditor({ saved: (member, text) => { showMessage(text, 'ok'); announce(text); reload(member.id); } });
await reload();

async function reload(focusId = null) {
  try {
    members = await listAll();
    renderStaff(members, { me, edit: openEditor, toggleActive });
    $('staff-loading').hidden = true;
    $('staff-table').hidden = false;
    $('main').setAttribute('aria-busy', 'false');
    if (focusId) document.querySelector(`tr[data-staff-id="${focusId}"] .edit-staff`)?.focus();
  } catch (error) {
    $('staff-loading').textContent = 'The staff list could not be loaded.';
    showError(error);
  }
}

/** Every page of GET /api/staff. */
async function listAll() {
  const all = await api.getAllPages('/api/staff');
  return all.sort((a, b) => Number(b.active) - Number(a.active) || a.username.localeCompare(b.username));
}

async function create() {
  const error = $('create-error');
  error.hidden = true;
  const body = {
    username: $('new-username').value.trim(),
    display_name: $('new-display-name').value.trim(),
    role: $('new-role').value,
    password: $('new-password').value,
  };
  const problem = !/^[a-z0-9_.-]{3,64}$/.test(body.username)
    ? ['The username is 3 to 64 of a–z, 0–9, dot, underscore and dash.', 'new-username']
    : !body.display_name ? ['Enter a display name.', 'new-display-name']
      : body.password.length < 8 ? ['The password needs at least 8 characters.', 'new-password'] : null;
  if (problem) {
    error.textContent = problem[0];
    error.hidden = false;
    $(problem[1]).focus();
    return;
  }
  const button = $('create-staff');
  button.disabled = true;
  try {
    const member = await api.post('/api/staff', body);
    $('create-form').reset();
    const text = `${member.display_name} (${member.username}) added as ${member.role}.`;
    showMessage(text, 'ok');
    announce(text);
    await reload();
  } catch (failure) {
    error.textContent = failure.status === 403
      ? `${failure.message} Only an admin can add managers and admins.`
      : failure.message;
    error.hidden = false;
  } finally {
    button.disabled = false;
  }
}

async function toggleActive(member, button) {
  button.disabled = true;
  try {
    const updated = await api.patch(`/api/staff/${member.id}`, { active: !member.active });
    const text = updated.active
      ? `${updated.display_name} can sign in again.`
      : `${updated.display_name} is deactivated and signed out.`;
    showMessage(text, 'ok');
    announce(text);
    await reload(updated.id);
  } catch (error) {
    button.disabled = false;
    showError(error);
  }
}

function fillRoles(select) {
  select.replaceChildren(...ROLES.map((role) => new Option(role.label, role.value)));
}
