// Amounts typed into the menu editor, turned into the API's integers by reading the digits as
// text: "4.20" → 420 cents, "10" % → 1000 basis points. No floating point anywhere: a price is
// whole units and a fraction of at most the currency's minor digits, joined as a string.
// Stricter than lib/money-input.js (the till's and the shifts' parser): a price or a price change
// takes no thousands separators or currency signs, may be negative, and the answer names the
// editor's field ({value} or {error}) for its form.

/**
 * Parses `text` ("4.20", "4,2", "4", "-0.50" when `signed`) into an integer of minor units with
 * `digits` decimals. Returns `{value}` or `{error}` (a sentence). Either "." or "," is the
 * decimal mark; grouping marks are refused rather than guessed.
 */
export function parseDecimal(text, digits, { signed = false, max = 10_000_000, what = 'The amount' } = {}) {
  const source = String(text ?? '').trim().replace(/^\+/, '');
  const match = /^(-?)(\d{1,9})(?:[.,](\d*))?$/.exec(source);
  if (!match || (match[1] && !signed)) {
    const example = digits > 0 ? `like 4${'.'.padEnd(digits + 1, '5')}` : 'like 450';
    return { error: `${what} must be a number ${example}${signed ? ' (a minus sign for less)' : ''}.` };
  }
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > digits) {
    return { error: digits === 0
      ? `${what} cannot have decimals.`
      : `${what} can have at most ${digits} decimal${digits === 1 ? '' : 's'}.` };
  }
  const value = Number(`${whole}${fraction.padEnd(digits, '0')}`) * (minus ? -1 : 1);
  if (Math.abs(value) > max) return { error: `${what} is too large.` };
  return { value: Object.is(value, -0) ? 0 : value };
}

/** The editable text of `minor` units with `digits` decimals: 420 → "4.20", -50 → "-0.50". */
export function formatDecimal(minor, digits) {
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = digits > 0 ? text.slice(0, -digits) : text;
  const fraction = digits > 0 ? `.${text.slice(-digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** A tax rate typed as a percentage ("10", "13.5") in basis points (1000, 1350). */
export function parseRate(text) {
  return parseDecimal(String(text ?? '').trim().replace(/\s*%$/, ''), 2, { max: 10_000, what: 'The tax rate' });
}

/** 1000 bp → "10", 1350 → "13.5": the percentage as the editor shows it. */
export function formatRate(bp) {
  return formatDecimal(bp, 2).replace(/\.?0+$/, '') || '0';
}

/** A stock count typed as text: blank is `null` (not counted), otherwise a whole number. */
export function parseStock(text) {
  const source = String(text ?? '').trim();
  if (source === '') return { value: null };
  if (!/^\d{1,7}$/.test(source) || Number(source) > 1_000_000) {
    return { error: 'Stock must be a whole number from 0 to 1000000, or blank when it is not counted.' };
  }
  return { value: Number(source) };
}
