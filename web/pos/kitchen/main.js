// The kitchen display (barista, manager, admin): the submitted orders of the chosen stations,
// oldest first, each ticket's age turning amber then red; Ready bumps a ticket
// (POST /api/orders/{id}/ready), Recall shows the last bumped one again.

import { $, announce } from '../../shared/dom.js';
import * as api from '../lib/api.js';
import { showError, showMessage, startScreen } from '../lib/shell.js';
import { refreshAges, renderBoard, stationLabel } from './board.js';
import { ALL_STATIONS, watchQueue } from './queue.js';
import { initRecall, rememberBumped } from './recall.js';
import { loadSettings, saveSettings, wholeMinutes } from './settings.js';

const KNOWN_STATIONS = ['bar', 'kitchen'];

const state = {
  settings: loadSettings(),
  stations: [],          // shown, in the order of the choices
  choices: [],           // every station that can be shown
  queues: new Map(),     // station → tickets, as the API last answered
  gone: new Set(),       // order ids bumped here (hidden even if a poll still lists them)
};

await startScreen('kitchen');
state.choices = await stationChoices();
state.stations = state.choices.filter((s) => state.settings.stations.includes(s));
drawStationChoices();
initTiming();
initRecall();
render();

let lastPollError = '';
const queue = watchQueue({
  stations: () => state.stations,
  received(station, tickets) {
    lastPollError = '';
    state.queues.set(station, tickets);
    const listed = new Set([...state.queues.values()].flat().map((t) => t.id));
    for (const id of state.gone) if (!listed.has(id)) state.gone.delete(id);
    render();
  },
  failed(error) {
    // Said once per kind of failure, not every poll; the connection banner covers outages.
    if (error.status !== 0 && error.message !== lastPollError) showError(error);
    lastPollError = error.message;
  },
});
setInterval(() => refreshAges(state.settings), 1000);

function render() {
  renderBoard(state, bump);
}

async function bump(ticket) {
  state.gone.add(ticket.id);
  render();
  focusNextTicket();
  try {
    await api.post(`/api/orders/${ticket.id}/ready`);
    rememberBumped(ticket);
    announce(`Ticket ${ticket.number} is ready.`);
  } catch (error) {
    if (error.status === 409) {
      // Someone else bumped or cancelled it: it leaves the queue anyway.
      showMessage(`Ticket #${ticket.number} was already moved on: ${error.message}`, 'info');
    } else {
      state.gone.delete(ticket.id);
      render();
      showError(error);
    }
  }
  queue.refresh();
}

/** After a bump, the focus goes to the next ticket's button (keyboard use at the bar). */
function focusNextTicket() {
  if (document.activeElement && document.activeElement !== document.body) return;
  document.querySelector('#board .bump')?.focus();
}

async function stationChoices() {
  const found = new Set(KNOWN_STATIONS);
  try {
    const menu = await api.get('/api/menu');
    for (const category of menu.categories ?? []) if (category.station) found.add(category.station);
  } catch (error) {
    showError(error);
  }
  for (const saved of state.settings.stations) found.add(saved);
  found.delete(ALL_STATIONS);
  return [...found, ALL_STATIONS];
}

function drawStationChoices() {
  const box = $('station-choices');
  box.replaceChildren();
  // Ids by position, unique by construction (a station's name may be any text: two names can
  // look alike once made safe for an id).
  state.choices.forEach((station, index) => {
    const id = `show-station-${index}`;
    const label = document.createElement('label');
    label.className = 'station-choice';
    label.htmlFor = id;
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = id;
    input.value = station;
    input.checked = state.stations.includes(station);
    input.addEventListener('change', stationsChanged);
    label.append(input, document.createTextNode(` ${stationLabel(station)}`));
    box.append(label);
  });
}

function stationsChanged() {
  const checked = [...$('station-choices').querySelectorAll('input:checked')].map((i) => i.value);
  state.stations = state.choices.filter((s) => checked.includes(s));
  state.settings = { ...state.settings, stations: state.stations };
  saveSettings(state.settings);
  render();
  queue.refresh();
}

function initTiming() {
  const form = $('timing');
  const toggle = $('timing-toggle');
  toggle.addEventListener('click', () => {
    form.hidden = !form.hidden;
    toggle.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) {
      $('amber-minutes').value = String(state.settings.amberMinutes);
      $('red-minutes').value = String(state.settings.redMinutes);
      $('amber-minutes').focus();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const amber = wholeMinutes($('amber-minutes').value);
    const red = wholeMinutes($('red-minutes').value);
    const error = $('timing-error');
    if (amber === null || red === null || red <= amber) {
      error.textContent = 'Enter whole minutes from 1 to 240, with red later than amber.';
      error.hidden = false;
      return;
    }
    error.hidden = true;
    state.settings = { ...state.settings, amberMinutes: amber, redMinutes: red };
    saveSettings(state.settings);
    refreshAges(state.settings);
    form.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
    showMessage(`Tickets turn amber after ${amber} and red after ${red} minutes.`, 'ok');
  });
}
