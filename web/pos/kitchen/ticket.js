// One kitchen ticket as an <article class="ticket" data-order-id> (the DOM contract of the
// kitchen display): number, table or takeaway, age, and its lines with modifiers and notes.
// Everything from the API goes in as text.

import { cloneTemplate } from '../../shared/dom.js';

let nextHeading = 0;

/** A new ticket element for `ticket` (a KitchenTicket); `withBump` adds the Ready button. */
export function ticketElement(ticket, { withBump = true } = {}) {
  const article = cloneTemplate('ticket-template');
  article.dataset.orderId = String(ticket.id);
  article.dataset.submittedAt = ticket.submitted_at ?? '';
  // Numbered as made: one order can be on two stations' columns (bar and All stations) at once.
  nextHeading += 1;
  const headingId = `ticket-heading-${nextHeading}`;
  const number = article.querySelector('.ticket-number');
  number.id = headingId;
  number.textContent = `#${ticket.number}`;
  article.setAttribute('aria-labelledby', headingId);
  article.querySelector('.ticket-where').textContent = where(ticket);

  const lines = article.querySelector('.ticket-lines');
  for (const line of ticket.items ?? []) lines.append(lineElement(line));

  const note = article.querySelector('.ticket-note');
  if (ticket.note) {
    note.textContent = `Order note: ${ticket.note}`;
    note.hidden = false;
  }

  const bump = article.querySelector('.bump');
  if (withBump) {
    bump.setAttribute('aria-label', `Ticket ${ticket.number} ready`);
  } else {
    bump.remove();
  }
  return article;
}

function lineElement(line) {
  const item = cloneTemplate('line-template');
  item.querySelector('.line-qty').textContent = `${line.quantity}×`;
  item.querySelector('.line-name').textContent = line.name;
  const modifiers = item.querySelector('.line-modifiers');
  for (const modifier of line.modifiers ?? []) {
    const entry = document.createElement('li');
    entry.textContent = modifier.name;
    modifiers.append(entry);
  }
  if (modifiers.children.length === 0) modifiers.remove();
  const note = item.querySelector('.line-note');
  if (line.note) {
    note.textContent = `Note: ${line.note}`;
    note.hidden = false;
  }
  return item;
}

function where(ticket) {
  if (ticket.type === 'takeaway') return 'Takeaway';
  if (!ticket.table) return 'Eat in';
  return /^\d+$/.test(ticket.table) ? `Table ${ticket.table}` : ticket.table;
}

/** Shows `article`'s age (mm:ss since it was submitted) and turns it amber or red. */
export function showAge(article, now, { amberMinutes, redMinutes }) {
  const submitted = Date.parse(article.dataset.submittedAt);
  const ageBox = article.querySelector('.ticket-age');
  if (Number.isNaN(submitted)) {
    ageBox.textContent = '';
    return;
  }
  const seconds = Math.max(0, Math.floor((now - submitted) / 1000));
  const minutes = Math.floor(seconds / 60);
  ageBox.textContent = `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
  const late = seconds >= redMinutes * 60;
  const waiting = !late && seconds >= amberMinutes * 60;
  article.classList.toggle('age-late', late);
  article.classList.toggle('age-waiting', waiting);
  const state = late ? ', late' : waiting ? ', waiting long' : '';
  ageBox.setAttribute('aria-label', `${minutes} minutes${state}`);
}
