// The Audit screen (manager, admin): GET /api/audit newest first, filtered by type and a date,
// a page at a time ("Load more" follows next_cursor).

import { startScreen, showError } from '../lib/shell.js';
import { get } from '../lib/api.js';
import { $, announce } from '../../shared/dom.js';
import { auditRow } from './rows.js';

const PAGE_SIZE = 50;
const { settings } = await startScreen('audit');
const state = { type: '', since: '', cursor: null, count: 0 };

$('audit-filter').addEventListener('submit', (event) => {
  event.preventDefault();
  state.type = $('audit-type').value;
  state.since = $('audit-since').value;
  loadFirst();
});
$('audit-clear').addEventListener('click', () => {
  $('audit-type').value = '';
  $('audit-since').value = '';
  state.type = '';
  state.since = '';
  loadFirst();
});
$('audit-more').addEventListener('click', () => { loadMore(); });

await loadFirst();
$('main').dataset.state = 'ready';

function query(cursor) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (state.type) params.set('type', state.type);
  if (state.since) params.set('since', localMidnight(state.since, settings.time_zone));
  if (cursor) params.set('cursor', cursor);
  return `/api/audit?${params}`;
}

/** Midnight of `date` in the cafe's time zone, as RFC 3339 with its offset (the API reads a
 *  bare date as midnight UTC). */
function localMidnight(date, timeZone) {
  let offset = 'Z';
  try {
    const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(`${date}T12:00:00Z`)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /^GMT([+-]\d{2}):?(\d{2})?$/.exec(name);
    if (match) offset = `${match[1]}:${match[2] ?? '00'}`;
  } catch {
    offset = 'Z';
  }
  return `${date}T00:00:00${offset}`;
}

async function loadFirst() {
  $('main').setAttribute('aria-busy', 'true');
  try {
    const page = await get(query(null));
    $('audit-rows').replaceChildren();
    state.count = 0;
    show(page);
  } catch (error) {
    showError(error);
  } finally {
    $('main').setAttribute('aria-busy', 'false');
  }
}

async function loadMore() {
  const button = $('audit-more');
  button.disabled = true;
  try {
    const before = state.count;
    show(await get(query(state.cursor)));
    // Keyboard users continue at the first new row.
    const first = $('audit-rows').children[before];
    if (first) {
      first.tabIndex = -1;
      first.focus();
    }
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

function show(page) {
  $('audit-rows').append(...page.items.map((entry) => auditRow(entry, settings)));
  state.count += page.items.length;
  state.cursor = page.next_cursor;
  $('audit-more').hidden = !state.cursor;
  $('audit-empty').hidden = state.count > 0;
  const filters = [state.type && `type ${state.type}`, state.since && `since ${state.since}`].filter(Boolean);
  const summary = `${state.count} ${state.count === 1 ? 'entry' : 'entries'}${state.cursor ? ' so far' : ''}`
    + (filters.length ? `, ${filters.join(', ')}` : '') + ', newest first.';
  $('audit-summary').textContent = summary;
  announce(summary);
}
