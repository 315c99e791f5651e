// CSV/TSV text → Table (RFC 4180 quoting, CRLF or LF, optional UTF-8 BOM). A column is numeric when every
// non-missing cell parses as a finite number; empty, NA, NaN, null and "?" cells are missing.
import { KinetwinError } from '../errors';
import type { Column, Table } from './table';

export interface CsvTable {
  table: Table;
  warnings: string[];
}

const MISSING = new Set(['', 'na', 'nan', 'null', 'none', '?', 'n/a']);

/** Guess the delimiter from the first line: tab, semicolon or comma (the most frequent outside quotes). */
function guessDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = -1;
  for (const d of [',', '\t', ';']) {
    const count = first.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Visit every field of delimited text in order: `cell(row, col, text)` (row 0 is the header), then
 * `endRow(row, fields)`. Unquoted fields are sliced, not built char by char; blank lines are skipped.
 */
export function forEachCsvCell(text: string, delimiter: string, cell: (row: number, col: number, value: string) => void, endRow: (row: number, fields: number) => void): number {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let i = 0;
  let row = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 === 10 || c0 === 13) {
      i += c0 === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1; // blank line
      continue;
    }
    let col = 0;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34) {
        // quoted field: "" is an escaped quote
        let out = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) throw new KinetwinError(`unterminated quoted field in CSV (line ${row + 1})`);
          out += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            out += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        // anything after the closing quote up to the delimiter is kept verbatim (lenient)
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === 10 || c === 13) break;
          k++;
        }
        value = out + text.slice(i, k);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === 10 || c === 13) break;
          k++;
        }
        value = text.slice(i, k);
        i = k;
      }
      cell(row, col, value);
      col++;
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      if (i < n) i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      break;
    }
    endRow(row, col);
    row++;
  }
  return row;
}

/**
 * Parse delimited text with a header row into a Table. Two passes over the text (types, then values) keep
 * memory at the size of the typed columns instead of one string per cell.
 */
export function readCsvTable(text: string, options: { delimiter?: string } = {}): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) throw new KinetwinError('not a text table (NUL bytes)');
  const delimiter = options.delimiter ?? guessDelimiter(text);
  // pass 1: header, row count, which columns are numeric
  const header: string[] = [];
  let numeric: boolean[] = [];
  let present: number[] = [];
  let ragged = 0;
  const rowCount = forEachCsvCell(
    text,
    delimiter,
    (row, col, value) => {
      if (row === 0) {
        header.push(value.trim());
        return;
      }
      if (col >= header.length) return;
      const v = value.trim();
      if (MISSING.has(v.toLowerCase())) return;
      present[col]++;
      if (numeric[col] && !Number.isFinite(Number(v))) numeric[col] = false;
    },
    (row, fields) => {
      if (row === 0) {
        numeric = header.map(() => true);
        present = header.map(() => 0);
      } else if (fields !== header.length) ragged++;
    },
  );
  if (rowCount === 0) throw new KinetwinError('empty CSV: no header row');
  const warnings: string[] = [];
  const seen = new Map<string, number>();
  for (let j = 0; j < header.length; j++) {
    if (header[j] === '') header[j] = `column${j + 1}`;
    const k = seen.get(header[j]) ?? 0;
    if (k > 0) {
      warnings.push(`duplicate column name "${header[j]}" renamed to "${header[j]}_${k + 1}"`);
      header[j] = `${header[j]}_${k + 1}`;
    }
    seen.set(header[j], k + 1);
  }
  const rows = rowCount - 1;
  if (ragged > 0) warnings.push(`${ragged} row(s) with a field count different from the header (${header.length}); padded/truncated`);
  // pass 2: values
  const isNum = header.map((_, j) => numeric[j] && present[j] > 0);
  const nums = header.map((_, j) => (isNum[j] ? new Float64Array(rows).fill(NaN) : null));
  const strs = header.map((_, j) => (isNum[j] ? null : new Array<string>(rows).fill('')));
  forEachCsvCell(
    text,
    delimiter,
    (row, col, value) => {
      if (row === 0 || col >= header.length) return;
      const v = value.trim();
      if (MISSING.has(v.toLowerCase())) return;
      const num = nums[col];
      if (num) num[row - 1] = Number(v);
      else strs[col]![row - 1] = v;
    },
    () => {},
  );
  const columns: Column[] = header.map((name, j) => (isNum[j] ? { name, kind: 'numeric', values: nums[j]! } : { name, kind: 'categorical', values: strs[j]! }));
  return { table: { rows, columns }, warnings };
}
