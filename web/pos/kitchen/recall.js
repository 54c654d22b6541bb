// Recall: the tickets bumped on this screen, newest first (the last RECALL_KEEP, kept in this
// browser). An order's status only moves forward in the API, so a recalled ticket is shown
// again in the recall panel with its lines and current status, where it can be handed over
// (POST /api/orders/{id}/complete); it does not go back on the board.

import { $, announce } from '../../shared/dom.js';
import * as api from '../lib/api.js';
import { showError, showMessage } from '../lib/shell.js';
import { ticketElement } from './ticket.js';

const KEY = 'cafe-pos.kitchen.bumped';
const RECALL_KEEP = 10;

const STATUS_TEXT = {
  ready: 'Ready, waiting to be handed over',
  completed: 'Handed over',
  cancelled: 'Cancelled',
  submitted: 'Back in the queue',
};

let bumped = load();
let index = 0;
let shown = null; // the order id in the panel

/** Remembers `ticket` (a KitchenTicket snapshot) as the last one bumped. */
export function rememberBumped(ticket) {
  bumped = [ticket, ...bumped.filter((t) => t.id !== ticket.id)].slice(0, RECALL_KEEP);
  localStorage.setItem(KEY, JSON.stringify(bumped));
  $('recall').disabled = false;
}

export function initRecall() {
  $('recall').disabled = bumped.length === 0;
  $('recall').addEventListener('click', () => { index = 0; show(); });
  $('recall-earlier').addEventListener('click', () => { index += 1; show(); });
  $('recall-close').addEventListener('click', close);
  $('recall-complete').addEventListener('click', complete);
}

async function show() {
  const ticket = bumped[index];
  if (!ticket) {
    showMessage('No bumped ticket to recall.', 'info');
    return;
  }
  shown = ticket.id;
  const panel = $('recall-panel');
  $('recall-title').textContent = index === 0 ? `Recalled: last ticket, #${ticket.number}` : `Recalled: ticket #${ticket.number}`;
  const article = ticketElement(ticket, { withBump: false });
  article.classList.add('recalled');
  $('recall-ticket').replaceChildren(article);
  $('recall-earlier').disabled = index + 1 >= bumped.length;
  setStatus(null);
  panel.hidden = false;
  $('recall-title').tabIndex = -1;
  $('recall-title').focus();
  try {
    const order = await api.get(`/api/orders/${ticket.id}`);
    if (shown === ticket.id) setStatus(order.status);
  } catch (error) {
    if (shown === ticket.id) $('recall-status').textContent = 'Status unknown';
    showError(error);
  }
}

function setStatus(status) {
  $('recall-status').textContent = status ? (STATUS_TEXT[status] ?? status) : 'Checking…';
  $('recall-status').dataset.status = status ?? '';
  $('recall-complete').disabled = status !== 'ready';
}

async function complete() {
  const id = shown;
  const button = $('recall-complete');
  button.disabled = true;
  try {
    const order = await api.post(`/api/orders/${id}/complete`);
    if (shown === id) setStatus(order.status ?? 'completed');
    const ticket = bumped.find((t) => t.id === id);
    announce(`Ticket ${ticket?.number ?? ''} handed over.`);
    showMessage(`Ticket #${ticket?.number ?? id} handed over.`, 'ok');
  } catch (error) {
    showError(error);
    button.disabled = false;
  }
}

function close() {
  shown = null;
  $('recall-panel').hidden = true;
  $('recall').focus();
}

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter((t) => Number.isInteger(t?.id)) : [];
  } catch {
    return [];
  }
}
