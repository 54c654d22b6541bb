// Money as the cafe writes it: Intl.NumberFormat with the currency and locale of
// GET /api/settings. Amounts arrive as integer minor units (`_cents`); this module only
// formats them and never adds, rounds or derives a price.

let formatter = null;
let signed = null;
let minorDigits = 2;

/** Sets the currency (ISO 4217) and locale (BCP 47) from GET /api/settings. An unknown locale
 *  falls back to the browser's; an invalid currency throws (the page cannot show prices). */
export function configureMoney({ currency, locale }) {
  const options = { style: 'currency', currency };
  try {
    formatter = new Intl.NumberFormat(locale, options);
  } catch {
    formatter = new Intl.NumberFormat(undefined, options);
  }
  const resolved = formatter.resolvedOptions();
  signed = new Intl.NumberFormat(resolved.locale, { ...options, signDisplay: 'always' });
  minorDigits = resolved.maximumFractionDigits;
}

/** "€4.20" for 420 (EUR, en-IE). */
export function formatMoney(cents) {
  return requireFormatter().format(toMajor(cents));
}

/** "+€0.60" for a modifier's price delta of 60. */
export function formatDelta(cents) {
  requireFormatter();
  return signed.format(toMajor(cents));
}

function toMajor(cents) {
  // Display only: minor units to the currency's major unit for the formatter.
  return Number(cents) / 10 ** minorDigits;
}

function requireFormatter() {
  if (!formatter) throw new Error('configureMoney was not called');
  return formatter;
}
