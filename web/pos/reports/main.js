// The Reports screen (manager, admin): today at a glance, then four charts over a range of
// business dates (sales per day and per hour, payment mix, top items), each with a table of its
// numbers and a CSV download of the report.

import { startScreen, showError, showMessage } from '../lib/shell.js';
import { get } from '../lib/api.js';
import { $, announce } from '../../shared/dom.js';
import { addDays, currentBusinessDate, isDate } from './dates.js';
import { showGlance } from './glance.js';
import { drawChart } from './charts.js';
import { fillTable } from './tables.js';
import { downloadCsv } from './csv.js';

const REPORTS = ['daily-sales', 'hourly-sales', 'payment-mix', 'top-items'];
const MAX_DAYS = 366;

const { settings } = await startScreen('reports');
const locale = settings.locale;
const today = currentBusinessDate(settings);
const state = { from: addDays(today, -6), to: today };

$('range-from').value = state.from;
$('range-to').value = state.to;
$('range-from').max = today;
$('range-to').max = today;

$('glance-refresh').addEventListener('click', () => { refreshGlance(); });
$('range-form').addEventListener('submit', (event) => {
  event.preventDefault();
  applyRange($('range-from').value, $('range-to').value);
});
$('range-week').addEventListener('click', () => { setRange(addDays(today, -6), today); });
$('range-month').addEventListener('click', () => { setRange(addDays(today, -29), today); });
for (const button of document.querySelectorAll('button.csv')) {
  button.addEventListener('click', () => { download(button); });
}

await Promise.all([refreshGlance(), loadReports()]);
const main = $('main');
main.setAttribute('aria-busy', 'false');
main.dataset.state = 'ready';

async function refreshGlance() {
  try {
    await showGlance(today, locale);
  } catch (error) {
    showError(error);
  }
}

function setRange(from, to) {
  $('range-from').value = from;
  $('range-to').value = to;
  applyRange(from, to);
}

function applyRange(from, to) {
  const problem = rangeProblem(from, to);
  const errorBox = $('range-error');
  errorBox.textContent = problem ?? '';
  errorBox.hidden = !problem;
  for (const id of ['range-from', 'range-to']) {
    if (problem) $(id).setAttribute('aria-invalid', 'true');
    else $(id).removeAttribute('aria-invalid');
  }
  if (problem) return;
  state.from = from;
  state.to = to;
  loadReports();
}

function rangeProblem(from, to) {
  if (!isDate(from) || !isDate(to)) return 'Choose both dates.';
  if (to < from) return 'The “to” date is before the “from” date.';
  if (addDays(from, MAX_DAYS - 1) < to) return `Choose at most ${MAX_DAYS} days.`;
  return null;
}

async function loadReports() {
  const { from, to } = state;
  const query = new URLSearchParams({ from, to });
  const main = $('main');
  main.setAttribute('aria-busy', 'true');
  try {
    const answers = await Promise.all(REPORTS.map((name) => get(`/api/reports/${name}?${query}`)));
    REPORTS.forEach((name, index) => { showReport(name, answers[index].items); });
    const summary = from === to ? `Showing ${from}.` : `Showing ${from} to ${to}.`;
    $('range-summary').textContent = summary;
    announce(summary);
  } catch (error) {
    showError(error);
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

function showReport(name, rows) {
  const section = $(`report-${name}`);
  const empty = rows.length === 0;
  section.querySelector('.chart-box').hidden = empty;
  section.querySelector('.empty').hidden = !empty;
  drawChart(name, $(`chart-${name}`), rows, locale);
  fillTable(name, section.querySelector('tbody'), rows);
}

async function download(button) {
  button.disabled = true;
  try {
    const file = await downloadCsv(button.dataset.report, state);
    showMessage(`Downloaded ${file}.`, 'ok');
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}
