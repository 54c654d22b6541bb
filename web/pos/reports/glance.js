// "Today at a glance": the current business date's daily-sales and z-report rows (the API's
// default date is the current business date). A day without sales has no row: zeros then.

import { get } from '../lib/api.js';
import { formatDelta, formatMoney } from '../../shared/money.js';
import { $ } from '../../shared/dom.js';

const MONEY = {
  'glance-net': 'net_sales_cents',
  'glance-total': 'total_cents',
  'glance-tips': 'tips_cents',
  'glance-refunds': 'refunds_cents',
  'glance-collected': 'collected_cents',
  'glance-cash': 'cash_cents',
  'glance-card': 'card_cents',
};

/** Loads and shows today's figures; resolves to the rows shown (or nulls). */
export async function showGlance(businessDate, locale) {
  const [daily, z] = await Promise.all([get('/api/reports/daily-sales'), get('/api/reports/z-report')]);
  const sales = daily.items[0] ?? null;
  const zRow = z.items[0] ?? null;
  const date = sales?.business_date ?? zRow?.business_date ?? businessDate;
  $('glance-date').textContent = `(${longDate(date, locale)})`;
  $('glance-orders').textContent = String(sales?.orders ?? 0);
  for (const [id, column] of Object.entries(MONEY)) {
    const row = column in (sales ?? {}) ? sales : zRow;
    $(id).textContent = formatMoney(row?.[column] ?? 0);
  }
  $('glance-movements').textContent = formatDelta(zRow?.cash_movements_cents ?? 0);
  $('glance-shifts').textContent = String(zRow?.shifts ?? 0);
  $('glance-over-short').textContent = formatDelta(zRow?.over_short_cents ?? 0);
  return { sales, z: zRow };
}

function longDate(date, locale) {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale || undefined, {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
