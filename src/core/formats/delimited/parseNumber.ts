// One numeric cell of a text table: decimals, e-notation, blanks and the NaN spellings tools write.

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/; // unambiguous: linear on long digit runs
const NAN_SPELLINGS = new Set(['nan', '-nan', '+nan', 'nan(ind)', '-nan(ind)', 'nan(snan)', '-nan(snan)', '1.#qnan', '-1.#qnan', '1.#ind', '-1.#ind', '#n/a', 'n/a', 'na', 'null']);

/**
 * Parse a cell: blank and NaN spellings (any case: NaN, nan, -nan(ind), 1.#QNAN, #N/A) give NaN,
 * `inf`/`infinity` give ±Infinity, a decimal (optionally with e-notation, or a decimal comma when
 * `decimalComma`) gives its value, anything else gives null.
 */
export function parseNumberCell(cell: string, decimalComma = false): number | null {
  let s = cell.trim();
  if (s === '') return Number.NaN;
  if (decimalComma) s = s.replace(',', '.');
  if (DECIMAL.test(s)) return Number(s);
  const lower = s.toLowerCase();
  if (NAN_SPELLINGS.has(lower)) return Number.NaN;
  if (lower === 'inf' || lower === '+inf' || lower === 'infinity' || lower === '+infinity') return Number.POSITIVE_INFINITY;
  if (lower === '-inf' || lower === '-infinity') return Number.NEGATIVE_INFINITY;
  return null;
}

/** True when the cell is a number (not blank, not a NaN spelling). */
export function isNumericCell(cell: string, decimalComma = false): boolean {
  const s = decimalComma ? cell.trim().replace(',', '.') : cell.trim();
  return s !== '' && DECIMAL.test(s);
}

/** Shortest decimal text that reads back as exactly `value`; 'NaN' for NaN. */
export function formatNumber(value: number): string {
  return Number.isNaN(value) ? 'NaN' : String(value);
}

/** `value` rounded to `digits` significant digits, written without trailing zeros; 'NaN' for NaN. */
export function formatSignificant(value: number, digits: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(digits)));
}
