// Amounts a person types at the till (the float, a discount) as integer minor units of the cafe's
// currency: lib/money-input.js's one parser (digits as text, never floating point), with null for
// text that is not an amount, as the till's dialogs show their own sentence.

import { minorDigitsOf, parseMoney, parsePercent } from '../lib/money-input.js';

let minorDigits = 2;

/** Takes the currency's number of minor digits from GET /api/settings. */
export function configureAmounts(settings) {
  minorDigits = minorDigitsOf(settings);
}

/** Minor units of `text` ("150", "150.00", "150,5"), or null when it is not an amount. */
export function parseAmount(text) {
  try {
    return parseMoney(text, minorDigits);
  } catch {
    return null;
  }
}

/** "12.5" as basis points (1250) from above 0 up to 100 %, or null. */
export function parsePercentBp(text) {
  try {
    const bp = parsePercent(text);
    return bp > 0 && bp <= 10000 ? bp : null;
  } catch {
    return null;
  }
}
