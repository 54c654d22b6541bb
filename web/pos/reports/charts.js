// The four report charts, drawn by Chart.js (Debian's libjs-chart.js 3.9, loaded as a classic
// script that sets window.Chart). Each chart's data are the report rows' own numbers (cents,
// counts), untouched: axis ticks and tooltips format them with formatMoney.

import { formatMoney } from '../../shared/money.js';
import { shortDate } from './dates.js';

const TOP_ITEMS_SHOWN = 10;
const COLOURS = ['#6b3a1c', '#1a6b6b', '#b3541e', '#3d5a99', '#7a4f8c', '#4f7a28', '#8c2f39', '#5c5346'];
const charts = new Map();

const moneyAxis = { beginAtZero: true, ticks: { callback: (value) => formatMoney(value) } };
const countAxis = { beginAtZero: true, ticks: { precision: 0 } };

function moneyTooltip(context) {
  return `${context.dataset.label}: ${formatMoney(context.raw ?? 0)}`;
}

function baseOptions(extra = {}) {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    datasets: { bar: { maxBarThickness: 56 } },
    plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: moneyTooltip } } },
    ...extra,
  };
}

/** "Cash", "Card" (or the API's word for a method this page does not know). */
export function methodName(method) {
  return { cash: 'Cash', card: 'Card' }[method] ?? method;
}

/** Sales per day: net sales and collected per business date. */
function dailyConfig(rows, locale) {
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => shortDate(row.business_date, locale)),
      datasets: [
        { label: 'Net sales', data: rows.map((row) => row.net_sales_cents), backgroundColor: COLOURS[0] },
        { label: 'Collected', data: rows.map((row) => row.collected_cents), backgroundColor: COLOURS[1] },
      ],
    },
    options: baseOptions({ scales: { y: moneyAxis } }),
  };
}

/** Sales per hour: one bar stack per hour of the day, one colour per business date. */
function hourlyConfig(rows, locale) {
  const hours = rows.map((row) => row.hour);
  const first = Math.min(...hours);
  const last = Math.max(...hours);
  const labels = [];
  for (let hour = first; hour <= last; hour += 1) labels.push(`${String(hour).padStart(2, '0')}:00`);
  const dates = [...new Set(rows.map((row) => row.business_date))];
  const datasets = dates.map((date, index) => {
    const data = labels.map(() => null);
    for (const row of rows) if (row.business_date === date) data[row.hour - first] = row.net_sales_cents;
    return { label: shortDate(date, locale), data, backgroundColor: COLOURS[index % COLOURS.length], businessDate: date };
  });
  return {
    type: 'bar',
    data: { labels, datasets },
    options: baseOptions({
      scales: { x: { stacked: true }, y: { ...moneyAxis, stacked: true } },
      plugins: {
        legend: { display: dates.length <= 8, position: 'bottom' },
        tooltip: { callbacks: { label: moneyTooltip } },
      },
    }),
  };
}

/** Payment mix: amount per method per business date, stacked. */
function paymentMixConfig(rows, locale) {
  const dates = [...new Set(rows.map((row) => row.business_date))];
  const methods = [...new Set(rows.map((row) => row.method))];
  const datasets = methods.map((method, index) => ({
    label: methodName(method),
    method,
    data: dates.map((date) => rows.find((row) => row.business_date === date && row.method === method)?.amount_cents ?? null),
    backgroundColor: COLOURS[(index + 2) % COLOURS.length],
  }));
  return {
    type: 'bar',
    data: { labels: dates.map((date) => shortDate(date, locale)), datasets },
    options: baseOptions({ scales: { x: { stacked: true }, y: { ...moneyAxis, stacked: true } } }),
  };
}

/** Top items: quantity sold of the ten items sold most. */
function topItemsConfig(rows) {
  const top = rows.slice(0, TOP_ITEMS_SHOWN);
  return {
    type: 'bar',
    data: {
      labels: top.map((row) => row.name),
      datasets: [{ label: 'Quantity sold', data: top.map((row) => row.quantity), backgroundColor: COLOURS[3] }],
    },
    options: baseOptions({
      indexAxis: 'y',
      scales: { x: countAxis },
      plugins: { legend: { display: false } },
    }),
  };
}

const CONFIGS = {
  'daily-sales': dailyConfig,
  'hourly-sales': hourlyConfig,
  'payment-mix': paymentMixConfig,
  'top-items': topItemsConfig,
};

/** Draws (or redraws) report `name`'s chart on `canvas` from its rows; no rows: no chart. */
export function drawChart(name, canvas, rows, locale) {
  charts.get(name)?.destroy();
  charts.delete(name);
  if (rows.length === 0) return;
  const Chart = window.Chart;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#4a433d'; // the axis text at AA contrast on white
  charts.set(name, new Chart(canvas, CONFIGS[name](rows, locale)));
}
