// Times from the API (RFC 3339 UTC) shown in the cafe's time zone and locale.

/** "1 Dec, 09:30" for "2026-12-01T09:30:00Z" in the cafe's zone. */
export function formatTime(iso, { locale, time_zone: timeZone } = {}) {
  if (!iso) return '';
  const options = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(locale || undefined, { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(new Date(iso));
  }
}
