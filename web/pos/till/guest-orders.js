// Guest orders waiting for staff: GET /api/orders?status=pending every 2 s, the count on a
// badge, an optional beep for a new one (off by default; WebAudio, no sound file), and a list
// where each can be accepted (POST /api/orders/{id}/accept: it goes to the kitchen) or rejected
// with a reason (POST /api/orders/{id}/reject).

import { $, announce } from '../../shared/dom.js';
import * as api from '../lib/api.js';
import { showError, showMessage } from '../lib/shell.js';
import { orderRow } from './order-row.js';
import { askReason } from './reason-dialog.js';

const POLL_MS = 2000;
const SOUND_KEY = 'cafe-pos.till.sound';

const dialog = $('guest-dialog');
let pending = [];
let seen = null; // ids already announced (null before the first read)
let audio = null;

export function initGuestOrders() {
  $('guest-orders-open').addEventListener('click', () => { render(); dialog.showModal(); });
  $('guest-close').addEventListener('click', () => dialog.close());
  const toggle = $('sound-toggle');
  toggle.checked = localStorage.getItem(SOUND_KEY) === 'on';
  toggle.addEventListener('change', () => {
    localStorage.setItem(SOUND_KEY, toggle.checked ? 'on' : 'off');
    if (toggle.checked) beep(); // a tap is what lets the browser play sound later
  });
  $('guest-list').addEventListener('click', (event) => {
    const accept = event.target.closest('button[data-accept-order]');
    const reject = event.target.closest('button[data-reject-order]');
    if (accept) decide(Number(accept.dataset.acceptOrder), 'accept');
    if (reject) decide(Number(reject.dataset.rejectOrder), 'reject');
  });
}

export function startGuestOrders() {
  poll();
  setInterval(poll, POLL_MS);
}

async function poll() {
  try {
    const list = await api.get('/api/orders?status=pending&limit=200');
    pending = list.items;
  } catch {
    return; // the connection banner says so; the next poll tries again
  }
  const fresh = pending.filter((order) => seen && !seen.has(order.id));
  seen = new Set(pending.map((order) => order.id));
  if (fresh.length > 0) {
    announce(`${fresh.length} new guest order${fresh.length > 1 ? 's' : ''}.`);
    if ($('sound-toggle').checked) beep();
  }
  render();
}

function render() {
  const badge = $('guest-orders-badge');
  badge.textContent = String(pending.length);
  badge.dataset.count = String(pending.length);
  badge.classList.toggle('waiting', pending.length > 0);
  $('guest-list').replaceChildren(...pending.map((order) => orderRow(order, [
    { label: 'Accept', className: 'primary', aria: `Accept order ${order.number}`, data: { acceptOrder: String(order.id) } },
    { label: 'Reject', className: 'danger', aria: `Reject order ${order.number}`, data: { rejectOrder: String(order.id) } },
  ])));
  $('guest-empty').hidden = pending.length > 0;
}

async function decide(id, action) {
  const order = pending.find((o) => o.id === id);
  if (!order) return;
  let body = {};
  if (action === 'reject') {
    const answer = await askReason({ title: `Reject guest order #${order.number}`, confirm: 'Reject order' });
    if (!answer) return;
    body = { reason: answer.reason };
  }
  try {
    await api.post(`/api/orders/${id}/${action}`, body);
    showMessage(action === 'accept' ? `Guest order #${order.number} accepted and sent to the kitchen.`
      : `Guest order #${order.number} rejected.`, 'ok');
  } catch (error) {
    showError(error);
  }
  await poll();
}

function beep() {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.3);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.3);
  } catch {
    // No sound on this device: the badge still shows.
  }
}
