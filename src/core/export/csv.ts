// CSV writer (RFC 4180): fields with the delimiter, quotes or line breaks are quoted, quotes doubled.
// Numbers are written in their shortest round-trip form; NaN and null become empty cells.
import type { Table } from '../metrics/table';

export interface CsvOptions {
  delimiter?: string; // default ','
  newline?: '\n' | '\r\n'; // default '\n'
}

/** One field, quoted when needed. */
export function csvField(value: string | number | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r') || /^\s|\s$/.test(value)) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/** Header plus rows as delimited text (ends with a newline). */
export function writeCsvRows(header: readonly string[], rows: Iterable<readonly (string | number | null)[]>, options: CsvOptions = {}): string {
  const d = options.delimiter ?? ',';
  const nl = options.newline ?? '\n';
  const parts: string[] = [header.map((h) => csvField(h, d)).join(d)];
  for (const r of rows) parts.push(r.map((v) => csvField(v, d)).join(d));
  return parts.join(nl) + nl;
}

/** A Table as delimited text; categorical '' and numeric NaN become empty cells. */
export function writeCsvTable(table: Table, options: CsvOptions = {}): string {
  const header = table.columns.map((c) => c.name);
  function* rows(): Generator<(string | number)[]> {
    for (let i = 0; i < table.rows; i++) yield table.columns.map((c) => c.values[i]);
  }
  return writeCsvRows(header, rows(), options);
}
