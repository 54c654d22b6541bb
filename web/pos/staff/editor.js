// The staff member dialog: display name, role and a new password. Only what changed is sent
// (PATCH /api/staff/{id}); a new role or password signs the member out (the API revokes their
// tokens).

import { $ } from '../../shared/dom.js';
import * as api from '../lib/api.js';

let editing = null;
let onSaved = null;

export function initEditor({ saved }) {
  onSaved = saved;
  $('staff-form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  $('staff-cancel').addEventListener('click', () => $('staff-dialog').close());
}

export function openEditor(member) {
  editing = member;
  $('staff-dialog-title').textContent = `Edit ${member.username}`;
  $('edit-display-name').value = member.display_name;
  $('edit-role').value = member.role;
  $('edit-password').value = '';
  $('staff-form-error').hidden = true;
  $('staff-dialog').showModal();
  $('edit-display-name').focus();
}

async function save() {
  const changes = {};
  const name = $('edit-display-name').value.trim();
  const role = $('edit-role').value;
  const password = $('edit-password').value;
  if (!name) return fail('Enter a display name.', 'edit-display-name');
  if (password && password.length < 8) return fail('The new password needs at least 8 characters.', 'edit-password');
  if (name !== editing.display_name) changes.display_name = name;
  if (role !== editing.role) changes.role = role;
  if (password) changes.password = password;
  if (Object.keys(changes).length === 0) {
    $('staff-dialog').close();
    return undefined;
  }
  const button = $('staff-save');
  button.disabled = true;
  try {
    const member = await api.patch(`/api/staff/${editing.id}`, changes);
    $('staff-dialog').close();
    const parts = [];
    if (changes.role) parts.push(`is now ${member.role}`);
    if (changes.password) parts.push('has a new password');
    if (changes.display_name) parts.push('has a new display name');
    onSaved(member, `${member.username} ${parts.join(' and ')}.`);
  } catch (error) {
    fail(error.status === 403 ? `${error.message} Only an admin can make someone a manager or admin.` : error.message);
  } finally {
    button.disabled = false;
  }
  return undefined;
}

function fail(text, fieldId = null) {
  const box = $('staff-form-error');
  box.textContent = text;
  box.hidden = false;
  if (fieldId) $(fieldId).focus();
}
