// The board: one <section data-station> per station shown, its tickets oldest first (the
// queue's order). Tickets already on screen are kept (not rebuilt), so the focus stays on the
// button a barista is about to press while new tickets arrive.

import { $, cloneTemplate } from '../../shared/dom.js';
import { ALL_STATIONS } from './queue.js';
import { showAge, ticketElement } from './ticket.js';

let nextHeading = 0; // station headings are numbered as they are made

/** "Bar" for "bar"; "All stations" for the every-line view. */
export function stationLabel(station) {
  if (station === ALL_STATIONS) return 'All stations';
  return station.charAt(0).toUpperCase() + station.slice(1);
}

/**
 * Draws `state.stations` with the tickets of `state.queues` (Map station → tickets), leaving out
 * the orders in `state.gone` (bumped here, not yet out of the queue). `bump(ticket)` is called
 * when a ticket's Ready button is pressed.
 */
export function renderBoard(state, bump) {
  const board = $('board');
  $('no-station').hidden = state.stations.length > 0;
  const sections = new Map([...board.children].map((s) => [s.dataset.station, s]));
  const wanted = [];
  for (const station of state.stations) {
    let section = sections.get(station);
    if (!section) {
      section = cloneTemplate('station-template');
      section.dataset.station = station;
      const heading = section.querySelector('.station-name');
      nextHeading += 1;
      heading.id = `station-heading-${nextHeading}`; // unique by construction, whatever the name
      heading.textContent = stationLabel(station);
      section.setAttribute('aria-labelledby', heading.id);
    }
    const tickets = (state.queues.get(station) ?? []).filter((t) => !state.gone.has(t.id));
    renderTickets(section, tickets, state.settings, bump);
    wanted.push(section);
  }
  board.replaceChildren(...wanted);
  board.dataset.columns = String(Math.max(1, wanted.length));
}

function renderTickets(section, tickets, settings, bump) {
  const list = section.querySelector('.tickets');
  const existing = new Map([...list.children].map((a) => [a.dataset.orderId, a]));
  const now = Date.now();
  const elements = tickets.map((ticket) => {
    const key = `${ticket.id}`;
    let article = existing.get(key);
    if (!article || article.dataset.version !== String(ticket.version)
        || article.dataset.lines !== lineKey(ticket)) {
      article = ticketElement(ticket);
      article.dataset.version = String(ticket.version);
      article.dataset.lines = lineKey(ticket);
      article.querySelector('.bump').addEventListener('click', () => bump(ticket));
    }
    showAge(article, now, settings);
    return article;
  });
  // Move only what changed, so a focused button keeps its focus.
  elements.forEach((article, index) => {
    if (list.children[index] !== article) list.insertBefore(article, list.children[index] ?? null);
  });
  while (list.children.length > elements.length) list.lastElementChild.remove();
  section.querySelector('.station-empty').hidden = elements.length > 0;
}

function lineKey(ticket) {
  return (ticket.items ?? []).map((line) => `${line.id}x${line.quantity}`).join(',');
}

/** Brings every ticket's age up to date (called every second). */
export function refreshAges(settings) {
  const now = Date.now();
  for (const article of $('board').querySelectorAll('article.ticket')) showAge(article, now, settings);
}
