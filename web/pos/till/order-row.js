// One order as a row of the open-orders and guest-orders lists: number, where, status, total,
// its lines, and the row's buttons.

import { cloneTemplate, setText } from '../../shared/dom.js';
import { formatMoney } from '../../shared/money.js';

const STATUS = { open: 'open tab', pending: 'waiting', submitted: 'in the kitchen', ready: 'ready' };

/** `buttons`: [{label, className, data: {name: value}}] */
export function orderRow(order, buttons) {
  const li = cloneTemplate('order-row-template');
  li.dataset.orderId = String(order.id);
  const where = order.table ? `table ${order.table}` : order.type === 'dine_in' ? 'dine in' : 'takeaway';
  setText(li, '.order-row-title', `#${order.number} · ${where}`);
  setText(li, '.order-row-meta', `${STATUS[order.status] ?? order.status} · total ${formatMoney(order.total_cents)}`
    + (order.paid_cents > 0 ? ` · due ${formatMoney(order.balance_cents)}` : ''));
  setText(li, '.order-row-lines', order.items.map(lineText).join('; ') + (order.note ? ` — “${order.note}”` : ''));
  li.querySelector('.order-row-actions').replaceChildren(...buttons.map(({ label, className, data, aria }) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `button ${className}`;
    button.textContent = label;
    if (aria) button.setAttribute('aria-label', aria);
    for (const [name, value] of Object.entries(data)) button.dataset[name] = value;
    return button;
  }));
  return li;
}

function lineText(line) {
  const mods = line.modifiers.length ? ` (${line.modifiers.map((m) => m.name).join(', ')})` : '';
  return `${line.quantity} × ${line.name}${mods}${line.note ? ` “${line.note}”` : ''}`;
}
