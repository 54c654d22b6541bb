// Money typed by a person ("12", "12.5", "1,234.50", "€12.50") turned into integer minor units
// (cents) by reading the digits as a string: never through floating point, so "0.29" is 29 and
// never 28.999…. Used wherever staff type an amount (the shift's float, cash in and out, the
// counted cash; the menu editor's prices).

/** The number of minor digits of `currency` (2 for EUR, 0 for JPY), as Intl knows it. */
export function minorDigitsOf({ currency, locale }) {
  const options = { style: 'currency', currency };
  let format;
  try {
    format = new Intl.NumberFormat(locale, options);
  } catch {
    format = new Intl.NumberFormat(undefined, options);
  }
  return format.resolvedOptions().maximumFractionDigits;
}

const MAX_DIGITS = 15; // Number.MAX_SAFE_INTEGER has 16: every 15-digit amount is exact.

/**
 * `text` as integer minor units with `minorDigits` digits after the decimal point (2 for cents).
 * Accepts an optional currency symbol or code and spaces around the number, `.` or `,` as the
 * decimal separator (the last one followed by at most `minorDigits` digits), and `,`, `.`, a
 * space or `'` as thousands separators between groups of three digits. A leading `-` only with
 * `{negative: true}`. Throws an Error with a sentence a person can act on ("Type an amount like
 * 12.50.") for anything else: empty text, letters, too many decimals, a number too large.
 */
export function parseMoney(text, minorDigits = 2, { negative = false } = {}) {
  const example = minorDigits > 0 ? `12.${'5'.padEnd(minorDigits, '0')}` : '12';
  const raw = String(text ?? '').trim();
  if (raw === '') throw new Error(`Type an amount, like ${example}.`);

  // A currency sign or code before or after the number is allowed and ignored.
  let body = raw.replace(/^[^\d\s.,+-]+\s*/u, '').replace(/\s*[^\d\s.,'’]+$/u, '');
  let sign = '';
  if (body.startsWith('-') || body.startsWith('−')) {
    sign = '-';
    body = body.slice(1).trim();
  } else if (body.startsWith('+')) {
    body = body.slice(1).trim();
  }
  if (sign && !negative) throw new Error('Type the amount without a minus sign.');
  if (!/^[\d.,'’ \u00a0\u202f]+$/u.test(body) || !/\d/.test(body)) {
    throw new Error(`“${raw}” is not an amount. Type an amount like ${example}.`);
  }

  // The decimal separator is the last "." or ",", unless it is a thousands separator: exactly
  // three digits after it and either another separator before it ("1,234.50" has its decimal
  // point last; "1.234.567") or a currency without minor digits. A lone "12.505" is refused
  // rather than guessed.
  let whole = body;
  let fraction = '';
  const last = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
  if (last >= 0) {
    const after = body.slice(last + 1);
    const before = body.slice(0, last);
    const looksLikeGrouping = after.length === 3 && minorDigits !== 3
      && (minorDigits === 0 || /[.,'’ \u00a0\u202f]/u.test(before));
    if (!looksLikeGrouping) {
      if (!/^\d*$/.test(after)) throw new Error(`“${raw}” is not an amount. Type an amount like ${example}.`);
      if (after.length > minorDigits) {
        throw new Error(minorDigits === 0
          ? 'Type a whole amount: this currency has no smaller unit.'
          : `Type at most ${minorDigits} digits after the decimal point (and no thousands separators), like ${example}.`);
      }
      whole = before;
      fraction = after;
    }
  }
  // Thousands separators: groups of exactly three digits after the first group.
  const groups = whole.split(/[.,'’ \u00a0\u202f]/u);
  if (groups.length > 1 && (groups[0] === '' || groups.slice(1).some((g) => g.length !== 3))) {
    throw new Error(`“${raw}” is not an amount. Type an amount like ${example}.`);
  }
  const digits = (groups.join('') || '0') + fraction.padEnd(minorDigits, '0');
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (trimmed.length > MAX_DIGITS) throw new Error('That amount is too large.');
  const cents = Number(trimmed);
  return sign && cents !== 0 ? -cents : cents;
}

/** A percentage a person typed ("10", "12.5", "12,5 %") as basis points (1000, 1250): read by
 *  parseMoney with two decimals, so never through floating point. Throws like parseMoney. */
export function parsePercent(text) {
  return parseMoney(String(text ?? '').trim().replace(/\s*%$/u, ''), 2);
}
