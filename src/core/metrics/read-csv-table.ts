// CSV/TSV text → Table (RFC 4180 quoting, CRLF or LF, optional UTF-8 BOM). A column is numeric when every
// non-missing cell parses as a finite number; empty, NA, NaN, null and "?" cells are missing.
import { KinetwinError } from '../errors';
import type { Column, Table } from './table';

export interface CsvTable {
  table: Table;
  warnings: string[];
}

const MISSING = new Set(['', 'na', 'nan', 'null', 'none', '?', 'n/a']);

/** Split CSV text into records of fields. Throws on an unterminated quote. */
export function parseCsvRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  let inQuotes = false;
  let fieldStarted = false;
  while (i < n) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === delimiter) {
      record.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      record.push(field);
      if (!(record.length === 1 && record[0] === '')) records.push(record); // skip blank lines
      record = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (inQuotes) throw new KinetwinError('unterminated quoted field in CSV');
  if (fieldStarted || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

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

/** Parse delimited text with a header row into a Table. */
export function readCsvTable(text: string, options: { delimiter?: string } = {}): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) throw new KinetwinError('not a text table (NUL bytes)');
  const delimiter = options.delimiter ?? guessDelimiter(text);
  const records = parseCsvRecords(text, delimiter);
  if (records.length === 0) throw new KinetwinError('empty CSV: no header row');
  const header = records[0].map((h) => h.trim());
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
  const rows = records.length - 1;
  const width = header.length;
  let ragged = 0;
  for (let r = 1; r < records.length; r++) if (records[r].length !== width) ragged++;
  if (ragged > 0) warnings.push(`${ragged} row(s) with a field count different from the header (${width}); padded/truncated`);
  const columns: Column[] = [];
  for (let j = 0; j < width; j++) {
    const raw: string[] = new Array(rows);
    let numeric = true;
    let present = 0;
    for (let r = 0; r < rows; r++) {
      const cell = (records[r + 1][j] ?? '').trim();
      raw[r] = cell;
      if (MISSING.has(cell.toLowerCase())) continue;
      present++;
      if (numeric && !Number.isFinite(Number(cell))) numeric = false;
    }
    if (numeric && present > 0) {
      const values = new Float64Array(rows);
      for (let r = 0; r < rows; r++) values[r] = MISSING.has(raw[r].toLowerCase()) ? NaN : Number(raw[r]);
      columns.push({ name: header[j], kind: 'numeric', values });
    } else {
      columns.push({ name: header[j], kind: 'categorical', values: raw.map((v) => (MISSING.has(v.toLowerCase()) ? '' : v)) });
    }
  }
  return { table: { rows, columns }, warnings };
}
