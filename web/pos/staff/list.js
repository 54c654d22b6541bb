// The staff table: username, display name, role and status per member, with Edit and
// Deactivate / Reactivate. Nobody deactivates themselves from here (they would lock themselves
// out); the API stays the judge of everything else.

import { $, cloneTemplate } from '../../shared/dom.js';

const ROLE_LABELS = { cashier: 'Cashier', barista: 'Barista', manager: 'Manager', admin: 'Admin' };

export function renderStaff(members, { me, edit, toggleActive }) {
  $('staff-rows').replaceChildren(...members.map((member) => row(member, me, edit, toggleActive)));
}

function row(member, me, edit, toggleActive) {
  const tr = cloneTemplate('staff-row-template');
  tr.dataset.staffId = String(member.id);
  tr.dataset.active = String(member.active);
  tr.querySelector('.staff-username').textContent = member.username;
  tr.querySelector('.staff-display-name').textContent = member.display_name;
  tr.querySelector('.staff-role').textContent = ROLE_LABELS[member.role] ?? member.role;
  const status = tr.querySelector('.staff-status');
  status.textContent = member.active ? 'Active' : 'Deactivated';
  status.className = `staff-status ${member.active ? 'status-active' : 'status-inactive'}`;
  tr.classList.toggle('inactive', !member.active);

  const editButton = tr.querySelector('.edit-staff');
  editButton.setAttribute('aria-label', `Edit ${member.username}`);
  editButton.addEventListener('click', () => edit(member));

  const toggle = tr.querySelector('.toggle-active');
  if (member.id === me.id) {
    toggle.remove();
  } else {
    toggle.textContent = member.active ? 'Deactivate' : 'Reactivate';
    toggle.setAttribute('aria-label', `${member.active ? 'Deactivate' : 'Reactivate'} ${member.username}`);
    toggle.addEventListener('click', () => toggleActive(member, toggle));
  }
  return tr;
}
