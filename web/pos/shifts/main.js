// The Shifts screen: a cashier opens their shift with a float, records cash in and out, and
// closes it with the counted cash (the API fixes the expected cash and the over/short), then
// sees its Z report. Managers and admins may also close someone else's shift on this till and
// look up any shift's Z report by its number.

import { startScreen, showError, showMessage } from '../lib/shell.js';
import { ApiError, get, postOnce } from '../lib/api.js';
import { newKey } from '../../shared/http.js';
import { $, announce } from '../../shared/dom.js';
import { formatDelta, formatMoney } from '../../shared/money.js';
import { minorDigitsOf } from '../lib/money-input.js';
import { clearFieldError, readAmount, showFieldError } from './amount-field.js';
import { overShortLabel, renderZReport } from './z-report.js';
import { formatTime } from './time.js';

const { staff, settings } = await startScreen('shifts');
const minorDigits = minorDigitsOf(settings);
const manages = staff.role === 'manager' || staff.role === 'admin';

// One Idempotency-Key per write a person means once: kept while the same write is tried again
// (a lost answer), a new one once it succeeded or the person changed what they typed.
const keys = {};

function keyFor(kind, body) {
  const text = JSON.stringify(body);
  if (keys[kind]?.body !== text) keys[kind] = { body: text, key: newKey() };
  return keys[kind].key;
}

function used(kind) {
  delete keys[kind];
}
const state = { view: 'loading', shift: null, closed: null, shown: null };

$('open-form').addEventListener('submit', (event) => { event.preventDefault(); openShift(); });
$('movement-form').addEventListener('submit', (event) => { event.preventDefault(); recordMovement(); });
$('close-shift').addEventListener('click', openCloseDialog);
$('close-cancel').addEventListener('click', () => { $('close-dialog').close(); });
$('close-form').addEventListener('submit', (event) => { event.preventDefault(); closeShift(); });
$('close-dialog').addEventListener('close', () => { $('close-shift').focus(); });
$('closed-done').addEventListener('click', () => { state.closed = null; loadCurrent(); });
$('lookup-form').addEventListener('submit', (event) => { event.preventDefault(); lookUp(); });
for (const id of ['movement-amount', 'movement-reason', 'open-float', 'close-counted', 'lookup-id']) {
  $(id).addEventListener('input', () => { clearFieldError(id); });
}

await loadCurrent();
$('main').dataset.state = 'ready';

async function loadCurrent() {
  try {
    state.shift = await get('/api/shifts/current');
    state.view = 'open';
  } catch (error) {
    state.shift = null;
    if (error instanceof ApiError && error.status === 404) state.view = 'none';
    else if (error instanceof ApiError && error.status === 403) state.view = 'blocked';
    else {
      state.view = 'none';
      showError(error);
    }
  }
  state.shown = state.closed ?? state.shift;
  render();
}

function render() {
  const { view, shift, closed } = state;
  $('no-shift').hidden = view !== 'none' || closed !== null;
  $('shift-blocked').hidden = view !== 'blocked';
  $('current-shift').hidden = view !== 'open' || closed !== null;
  $('closed-result').hidden = closed === null;
  $('lookup').hidden = !manages;
  if (shift && view === 'open') {
    $('current-id').textContent = String(shift.id);
    $('current-opened').textContent = formatTime(shift.opened_at, settings);
    $('current-float').textContent = formatMoney(shift.opening_float_cents);
    $('current-expected').textContent = formatMoney(shift.expected_cash_cents);
  }
  if (closed) {
    $('closed-id').textContent = String(closed.id);
    $('closed-expected').textContent = formatMoney(closed.expected_cash_cents);
    $('closed-counted').textContent = formatMoney(closed.counted_cash_cents);
    $('closed-over-short-label').textContent = overShortLabel(closed.over_short_cents);
    $('closed-over-short').textContent = formatDelta(closed.over_short_cents);
    const box = $('closed-over-short-box');
    box.classList.toggle('short', closed.over_short_cents < 0);
    box.classList.toggle('over', closed.over_short_cents > 0);
  }
  $('z-report').hidden = !state.shown;
  if (state.shown) {
    $('z-title').textContent = `Z report of shift ${state.shown.id}`;
    renderZReport($('z-body'), state.shown, settings);
  }
  $('main').setAttribute('aria-busy', 'false');
}

async function openShift() {
  const cents = readAmount('open-float', minorDigits);
  if (cents === null) return;
  const body = { opening_float_cents: cents };
  await busy('open-shift', async () => {
    state.shift = await postOnce('/api/shifts', body, keyFor('open', body));
    used('open');
    $('open-float').value = '';
    state.view = 'open';
    state.closed = null;
    state.shown = state.shift;
    render();
    showMessage(`Shift ${state.shift.id} is open with ${formatMoney(cents)} in the drawer.`, 'ok');
    $('movement-amount').focus();
  });
}

async function recordMovement() {
  const cents = readAmount('movement-amount', minorDigits, { allowZero: false });
  if (cents === null) return;
  const reason = $('movement-reason').value.trim();
  if (!reason) {
    showFieldError('movement-reason', 'Say why the cash goes in or out.');
    return;
  }
  const out = $('movement-out').checked;
  const amount = out ? -cents : cents; // the direction the person chose, as the API's sign
  await busy('movement-record', async () => {
    const body = { amount_cents: amount, reason };
    const path = `/api/shifts/${state.shift.id}/cash-movements`;
    await postOnce(path, body, keyFor(`movement ${path}`, body));
    used(`movement ${path}`);
    $('movement-amount').value = '';
    $('movement-reason').value = '';
    await loadCurrent();
    showMessage(`${out ? 'Cash out' : 'Cash in'} of ${formatMoney(cents)} recorded.`, 'ok');
  });
}

function openCloseDialog() {
  $('close-dialog-id').textContent = String(state.shift.id);
  $('close-counted').value = '';
  clearFieldError('close-counted');
  $('close-dialog').showModal();
  $('close-counted').focus();
}

async function closeShift() {
  const cents = readAmount('close-counted', minorDigits);
  if (cents === null) return;
  const button = $('close-confirm');
  button.disabled = true;
  try {
    const body = { counted_cash_cents: cents };
    const path = `/api/shifts/${state.shift.id}/close`;
    const closed = await postOnce(path, body, keyFor(`close ${path}`, body));
    used(`close ${path}`);
    $('close-dialog').close();
    state.closed = closed;
    state.shift = null;
    state.view = 'none';
    state.shown = closed;
    render();
    $('closed-result').focus();
    announce(`Shift ${closed.id} is closed. Expected ${formatMoney(closed.expected_cash_cents)}, `
      + `counted ${formatMoney(closed.counted_cash_cents)}: ${overShortLabel(closed.over_short_cents)} `
      + `${formatDelta(closed.over_short_cents)}.`);
  } catch (error) {
    // The dialog is modal: the error is said inside it, under the amount.
    showFieldError('close-counted', error?.message || 'The shift could not be closed. Try again.');
    if (error instanceof ApiError && error.status === 409) {
      $('close-dialog').close();
      await loadCurrent();
      showError(error);
    }
  } finally {
    button.disabled = false;
  }
}

async function lookUp() {
  const text = $('lookup-id').value.trim();
  if (!/^[1-9]\d{0,17}$/.test(text)) {
    showFieldError('lookup-id', 'Type a shift number, like 12.');
    return;
  }
  await busy('lookup-show', async () => {
    try {
      state.shown = await get(`/api/shifts/${text}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        showFieldError('lookup-id', `There is no shift ${text}.`);
        return;
      }
      throw error;
    }
    render();
    $('z-report').scrollIntoView({ block: 'start' });
    announce(`Z report of shift ${text} shown.`);
  });
}

/** Runs `work` with button `id` disabled; shows its error (a 409 reloads the shift first). */
async function busy(id, work) {
  const button = $(id);
  button.disabled = true;
  try {
    await work();
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) await loadCurrent();
    showError(error);
  } finally {
    button.disabled = false;
  }
}
