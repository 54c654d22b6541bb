// The receipt of an order: GET /api/orders/{id}/receipt as text/plain (42 columns), shown as text
// in a <pre> (nothing from the server is ever parsed as HTML), and printed with window.print;
// the print stylesheet in till.css prints the receipt alone.

import { $ } from '../../shared/dom.js';
import * as api from '../lib/api.js';
import { showError } from '../lib/shell.js';

const dialog = $('receipt-dialog');

export function initReceipt() {
  $('receipt-close').addEventListener('click', () => dialog.close());
  $('receipt-print').addEventListener('click', () => window.print());
  dialog.addEventListener('close', () => document.body.classList.remove('printing-receipt'));
}

export async function showReceipt(order) {
  try {
    const text = await api.getText(`/api/orders/${order.id}/receipt`, 'text/plain');
    $('receipt-text').textContent = text;
    document.body.classList.add('printing-receipt');
    if (!dialog.open) dialog.showModal();
  } catch (error) {
    showError(error);
  }
}
