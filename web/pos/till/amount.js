// Amounts a person types (a float, a discount, a tendered sum) read as integer minor units of the
// cafe's currency, without floating point: "12.5" → 1250 for EUR. Display is money.js's job.

let minorDigits = 2;

/** Takes the currency's number of minor digits from GET /api/settings. */
export function configureAmounts({ currency, locale }) {
  try {
    minorDigits = new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    minorDigits = 2;
  }
}

/** Minor units of `text` ("150", "150.00", "150,5"), or null when it is not an amount. */
export function parseAmount(text) {
  const match = /^\s*(\d{1,7})(?:[.,](\d*))?\s*$/.exec(String(text));
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > minorDigits) return null;
  return Number(match[1] + fraction.padEnd(minorDigits, '0'));
}

/** "12.5" as a whole number of percent basis points (1250), or null. */
export function parsePercentBp(text) {
  const match = /^\s*(\d{1,3})(?:[.,](\d{0,2}))?\s*$/.exec(String(text));
  if (!match) return null;
  const bp = Number(match[1] + (match[2] ?? '').padEnd(2, '0'));
  return bp > 0 && bp <= 10000 ? bp : null;
}
