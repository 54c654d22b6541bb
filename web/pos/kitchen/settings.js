// The kitchen display's own settings, kept in this browser (localStorage): which stations it
// shows and after how many minutes a ticket turns amber, then red. A screen above the bar keeps
// its choice across reloads and sign-ins.

const KEY = 'cafe-pos.kitchen.settings';

export const DEFAULTS = Object.freeze({ stations: ['bar'], amberMinutes: 5, redMinutes: 10 });

/** `{stations: [string], amberMinutes, redMinutes}`; the defaults for anything missing or bad. */
export function loadSettings() {
  let saved = null;
  try {
    saved = JSON.parse(localStorage.getItem(KEY) ?? 'null');
  } catch {
    saved = null;
  }
  const stations = Array.isArray(saved?.stations)
    ? saved.stations.filter((s) => typeof s === 'string' && s.length > 0 && s.length <= 32)
    : DEFAULTS.stations;
  const amber = wholeMinutes(saved?.amberMinutes) ?? DEFAULTS.amberMinutes;
  const red = wholeMinutes(saved?.redMinutes) ?? DEFAULTS.redMinutes;
  return red > amber
    ? { stations, amberMinutes: amber, redMinutes: red }
    : { stations, amberMinutes: DEFAULTS.amberMinutes, redMinutes: DEFAULTS.redMinutes };
}

export function saveSettings(settings) {
  localStorage.setItem(KEY, JSON.stringify({
    stations: settings.stations,
    amberMinutes: settings.amberMinutes,
    redMinutes: settings.redMinutes,
  }));
}

/** A whole number of minutes from 1 to 240, or null. */
export function wholeMinutes(value) {
  const text = String(value ?? '').trim();
  if (!/^\d{1,3}$/.test(text)) return null;
  const minutes = Number(text);
  return minutes >= 1 && minutes <= 240 ? minutes : null;
}
