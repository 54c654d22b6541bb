// A shift's Z report (GET /api/shifts/{id} `report`) as tables: sales by method, tips, refunds,
// discounts, the drawer's cash and the cash movements. Every figure is the API's own.

import { formatDelta, formatMoney } from '../../shared/money.js';
import { formatTime } from './time.js';

function el(tag, { text, className, id, scope } = {}, children = []) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  if (id) node.id = id;
  if (scope) node.scope = scope;
  node.append(...children);
  return node;
}

function table(caption, headings, rows) {
  const head = el('tr', {}, headings.map((heading, index) =>
    el('th', { text: heading, scope: 'col', className: index === 0 ? undefined : 'amount' })));
  const body = rows.map((cells) => el('tr', {}, cells.map((cell, index) => (index === 0
    ? el('th', { text: cell.text ?? cell, scope: 'row', id: cell.id })
    : el('td', { text: cell.text ?? cell, className: 'amount', id: cell.id })))));
  return el('table', { className: 'data' }, [
    el('caption', { text: caption }), el('thead', {}, [head]), el('tbody', {}, body),
  ]);
}

/** Draws `shift`'s Z report into `container`. */
export function renderZReport(container, shift, settings) {
  const r = shift.report;
  const sales = table('Sales by method', ['Method', 'Payments', 'Amount', 'Tips'], [
    ['Cash', String(r.sales_by_method.cash.count), { text: formatMoney(r.sales_by_method.cash.amount_cents), id: 'z-cash-sales' },
      formatMoney(r.sales_by_method.cash.tip_cents)],
    ['Card', String(r.sales_by_method.card.count), { text: formatMoney(r.sales_by_method.card.amount_cents), id: 'z-card-sales' },
      formatMoney(r.sales_by_method.card.tip_cents)],
    ['All', String(r.sales.count), { text: formatMoney(r.sales.amount_cents), id: 'z-all-sales' },
      { text: formatMoney(r.tips.total_cents), id: 'z-tips' }],
  ]);
  const refunds = table('Refunds', ['Method', 'Refunds', 'Amount'], [
    ['Cash', String(r.refunds.by_method.cash.count), formatMoney(r.refunds.by_method.cash.amount_cents)],
    ['Card', String(r.refunds.by_method.card.count), formatMoney(r.refunds.by_method.card.amount_cents)],
    ['All', String(r.refunds.count), { text: formatMoney(r.refunds.amount_cents), id: 'z-refunds' }],
  ]);
  const totals = table('Totals', ['Figure', 'Orders', 'Amount'], [
    ['Net sales (payments less refunds)', '', { text: formatMoney(r.net_sales_cents), id: 'z-net-sales' }],
    ['Discounts', String(r.discounts.order_count), { text: formatMoney(r.discounts.amount_cents), id: 'z-discounts' }],
  ]);
  const drawerRows = [
    ['Opening float', formatMoney(r.cash.opening_float_cents)],
    ['Cash sales', formatMoney(r.cash.cash_sales_cents)],
    ['Cash tips', formatMoney(r.cash.cash_tips_cents)],
    ['Cash refunds', formatMoney(r.cash.cash_refunds_cents)],
    ['Cash in and out', { text: formatDelta(r.cash.movements_cents), id: 'z-movements' }],
    ['Expected cash', { text: formatMoney(r.cash.expected_cash_cents), id: 'z-expected' }],
  ];
  if (shift.status === 'closed') {
    drawerRows.push(['Counted cash', { text: formatMoney(shift.counted_cash_cents), id: 'z-counted' }]);
    drawerRows.push([overShortLabel(shift.over_short_cents), { text: formatDelta(shift.over_short_cents), id: 'z-over-short' }]);
  }
  const drawer = table('The drawer', ['Figure', 'Amount'], drawerRows);
  const movementRows = r.cash_movements.items.map((movement) => [
    formatTime(movement.created_at, settings), movement.reason, formatDelta(movement.amount_cents),
  ]);
  movementRows.push(['In', '', formatMoney(r.cash_movements.in_cents)]);
  movementRows.push(['Out', '', formatDelta(r.cash_movements.out_cents)]);
  const movements = table('Cash movements', ['When', 'Reason', 'Amount'], movementRows);
  movements.querySelectorAll('tbody tr').forEach((row, index) => {
    if (index < r.cash_movements.items.length) row.classList.add('cash-movement');
    // The reason column is text, not an amount.
    row.children[1].className = '';
  });
  movements.querySelector('thead th:nth-child(2)').className = '';

  const status = shift.status === 'closed'
    ? `Closed ${formatTime(shift.closed_at, settings)}`
    : 'Open: the figures so far';
  container.replaceChildren(
    el('p', { className: 'z-meta', text: `Shift ${shift.id} · till ${shift.till} · opened ${formatTime(shift.opened_at, settings)} · ${status}` }),
    el('div', { className: 'z-grid' }, [
      el('div', { className: 'z-column' }, [sales, totals, movements]),
      el('div', { className: 'z-column' }, [refunds, drawer]),
    ]),
  );
}

/** "Over", "Short" or "Exact" for an over/short amount from the API. */
export function overShortLabel(cents) {
  if (cents > 0) return 'Over';
  if (cents < 0) return 'Short';
  return 'Exact (neither over nor short)';
}
