// Business dates (YYYY-MM-DD) as the reports use them: the cafe's trading day starts at
// `business_day_start_hour` in its `time_zone` (GET /api/settings), so at 01:30 it is still
// yesterday's business date.

/** The current business date of the cafe, per its settings. */
export function currentBusinessDate({ time_zone: timeZone, business_day_start_hour: startHour = 0 }) {
  const shifted = new Date(Date.now() - Number(startHour) * 3600 * 1000);
  let format;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
  }
  const parts = Object.fromEntries(format.formatToParts(shifted).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** `date` (YYYY-MM-DD) moved by `days` (calendar days, no time zone involved). */
export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isDate(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return addDays(text, 0) === text;
}

/** "Mon 1 Dec" for a business date, for chart labels and headings. */
export function shortDate(date, locale) {
  const [y, m, d] = date.split('-').map(Number);
  const format = new Intl.DateTimeFormat(locale || undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}
