// Keeps the kitchen queue of each shown station fresh: GET /api/kitchen/queue?station= every
// POLL_MS, with If-None-Match (api.js getIfChanged): an unchanged queue is a 304 without a
// body, so polling costs the server and the screen next to nothing. New tickets show within 3 s.

import * as api from '../lib/api.js';

const POLL_MS = 1500;
const PAGE = 200;

/** The station value that shows every line (no ?station=). */
export const ALL_STATIONS = 'all';

/**
 * Polls the stations `stations()` names, calling `received(station, tickets)` with each new
 * answer and `failed(error)` when a poll fails (polling goes on). Returns `{refresh}`, which
 * polls at once (after a bump, or when the stations shown change).
 */
export function watchQueue({ stations, received, failed }) {
  const etags = new Map();
  let timer = null;
  let running = null;

  async function pollOnce() {
    const shown = stations();
    await Promise.all(shown.map(async (station) => {
      const { body, etag } = await api.getIfChanged(queuePath(station), etags.get(station));
      etags.set(station, etag);
      if (body) received(station, body.items ?? []);
    }));
  }

  async function loop() {
    clearTimeout(timer);
    try {
      running = pollOnce();
      await running;
    } catch (error) {
      failed(error);
    } finally {
      running = null;
      timer = setTimeout(loop, POLL_MS);
    }
  }

  loop();
  return {
    async refresh() {
      if (running) await running.catch(() => {});
      etags.clear();
      await loop();
    },
  };
}

function queuePath(station) {
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (station !== ALL_STATIONS) query.set('station', station);
  return `/api/kitchen/queue?${query}`;
}
