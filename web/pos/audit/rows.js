// One audit entry as a table row: when, type, who, what, the details (amounts as money), why.
// Everything from the API reaches the page through textContent.

import { formatMoney } from '../../shared/money.js';
import { formatTime } from '../shifts/time.js';

const TYPE_NAMES = {
  login_failed: 'Failed sign-in',
  role_changed: 'Role changed',
  price_changed: 'Price changed',
  order_discounted: 'Order discounted',
  order_line_removed: 'Line removed (void)',
  order_cancelled: 'Order cancelled',
  refund_issued: 'Refund issued',
  cash_movement: 'Cash in or out',
  shift_closed: 'Shift closed',
};

/** A readable name for an audit type ("refund_issued" → "Refund issued"). */
export function typeName(type) {
  return TYPE_NAMES[type] ?? type.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());
}

function detailText(detail) {
  if (!detail || typeof detail !== 'object') return '';
  return Object.entries(detail).map(([key, value]) => {
    const name = key.replace(/_cents$/, '').replaceAll('_', ' ');
    let shown;
    if (key.endsWith('_cents') && Number.isInteger(value)) shown = formatMoney(value);
    else if (value !== null && typeof value === 'object') shown = JSON.stringify(value);
    else shown = String(value);
    return `${name}: ${shown}`;
  }).join('; ');
}

/** The <tr> of `entry`. */
export function auditRow(entry, settings) {
  const row = document.createElement('tr');
  row.dataset.id = String(entry.id);
  const cells = [
    formatTime(entry.at, settings),
    typeName(entry.type),
    entry.actor_username ?? '—',
    entry.entity_id === null ? entry.entity : `${entry.entity} ${entry.entity_id}`,
    detailText(entry.detail),
    entry.reason ?? '',
  ];
  cells.forEach((text, index) => {
    const cell = document.createElement('td');
    cell.textContent = text;
    if (index === 0) {
      const time = document.createElement('time');
      time.dateTime = entry.at;
      time.textContent = text;
      cell.replaceChildren(time);
    }
    if (index === 1) cell.dataset.type = entry.type;
    row.append(cell);
  });
  return row;
}
