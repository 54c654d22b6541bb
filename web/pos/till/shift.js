// The till's shift: a cashier takes money only into an open shift of their own
// (GET /api/shifts/current). Without one, the till offers to open it right there with a float
// (POST /api/shifts). Managers and admins may take payments without a shift of their own.

import { $ } from '../../shared/dom.js';
import { formatMoney } from '../../shared/money.js';
import * as api from '../lib/api.js';
import { parseAmount } from './amount.js';

const dialog = $('shift-dialog');
let staff = null;
let shift = null;
let waiting = null; // resolve of ensureShift while the dialog is open

export function initShift(me) {
  staff = me;
  $('shift-cancel').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => finish(false));
  $('shift-form').addEventListener('submit', openShift);
}

/** Reads the till's current shift and shows it in the tool bar. */
export async function loadShift() {
  try {
    shift = await api.get('/api/shifts/current');
  } catch (error) {
    if (error.status !== 404) throw error;
    shift = null;
  }
  renderStatus();
  return shift;
}

/** Resolves true when this staff member may take a payment now, after opening a shift if needed. */
export async function ensureShift() {
  if (staff.role !== 'cashier') return true;
  await loadShift();
  if (shift && shift.opened_by === staff.id) return true;
  if (shift) {
    $('shift-status').textContent = `Shift ${shift.id} on this till was opened by someone else: `
      + 'close it on the Shifts screen before taking payments.';
    throw new api.ApiError({ status: 403, message: 'This till’s shift belongs to someone else. Close it on the Shifts screen first.' });
  }
  $('shift-error').textContent = '';
  $('shift-float').value = '';
  dialog.showModal();
  return new Promise((resolve) => { waiting = resolve; });
}

async function openShift(event) {
  event.preventDefault();
  const cents = parseAmount($('shift-float').value);
  if (cents === null) {
    $('shift-error').textContent = 'Enter the cash in the drawer as an amount, e.g. 150.00.';
    return;
  }
  $('shift-submit').disabled = true;
  try {
    shift = await api.post('/api/shifts', { opening_float_cents: cents });
    renderStatus();
    finish(true);
    dialog.close();
  } catch (error) {
    $('shift-error').textContent = error.message;
  } finally {
    $('shift-submit').disabled = false;
  }
}

function finish(value) {
  const resolve = waiting;
  waiting = null;
  resolve?.(value);
}

function renderStatus() {
  $('shift-status').textContent = shift
    ? `Shift ${shift.id} open · float ${formatMoney(shift.opening_float_cents)}`
    : 'No shift open';
}
