// Generic CSV/TSV signal tables: delimiter sniffing (comma, semicolon, tab), decimal comma, quoted fields,
// preamble lines (e.g. `Sample Rate:,128,Hz`) and an optional units row under the header are skipped.

import { KinetwinError } from '../../errors';
import { isNumericCell, parseNumberCell } from './parseNumber';
import { splitRows, sniffDelimiter, type Delimiter } from './rows';
import { toText } from './text';

export interface DelimitedTable {
  headers: string[];
  units: string[] | null; // the units row under the header, when the file has one
  columns: Float64Array[]; // one per header, all of equal length; NaN for blanks and non-numbers
  delimiter: Delimiter;
  decimalComma: boolean;
  preamble: string[]; // lines before the header row, cells joined by the delimiter
  warnings: string[];
}

export interface ReadDelimitedOptions {
  delimiter?: Delimiter; // skip sniffing
}

const UNIT_CELL = /^(?:\(?\[?(?:s|ms|min|h|hz|m|mm|cm|n|kn|nm|n\.?m|n·m|nmm|deg|°|rad|m\/s\^?2|m\/s²|g|rad\/s|deg\/s|°\/s|ut|µt|mt|v|mv|uv|µv|%|kpa|pa|deg c|°c|bpm|kg|au|w|m\/s|a\.u\.)\]?\)?)?$/i;

/** Share of non-blank cells of a row that are numbers. */
function numericShare(row: string[], decimalComma: boolean): number {
  let filled = 0;
  let numeric = 0;
  for (const c of row) {
    if (c.trim() === '') continue;
    filled++;
    if (isNumericCell(c, decimalComma) || parseNumberCell(c, decimalComma) !== null) numeric++;
  }
  return filled === 0 ? 0 : numeric / filled;
}

/** Read a numeric delimited table (text or UTF-8 bytes). */
export function readDelimited(input: string | Uint8Array, options: ReadDelimitedOptions = {}): DelimitedTable {
  const text = toText(input);
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const rows = splitRows(text, delimiter);
  if (rows.length === 0) throw new KinetwinError('delimited file is empty');
  const warnings: string[] = [];
  // decimal comma: a non-comma delimiter and cells like 1,5 / -0,25
  const decimalComma = delimiter !== ',' && rows.slice(0, 200).some((r) => r.some((c) => /^\s*[+-]?\d+,\d+\s*$/.test(c)));

  // first row of data: mostly numeric, and the next row too (or it is the last)
  let first = -1;
  for (let i = 0; i < rows.length; i++) {
    if (numericShare(rows[i], decimalComma) >= 0.5 && (i + 1 >= rows.length || numericShare(rows[i + 1], decimalComma) >= 0.5)) { first = i; break; }
  }
  if (first < 0) throw new KinetwinError('delimited file holds no numeric rows');
  let headerRow = first - 1;
  let units: string[] | null = null;
  if (headerRow >= 1 && rows[headerRow].every((c) => UNIT_CELL.test(c.trim())) && !rows[headerRow - 1].every((c) => UNIT_CELL.test(c.trim()))) {
    units = rows[headerRow].map((c) => c.trim());
    headerRow--;
  }
  const width = Math.max(...rows.slice(first, first + 50).map((r) => r.length));
  let headers: string[];
  if (headerRow >= 0) {
    headers = rows[headerRow].map((c) => c.trim());
  } else {
    headers = [];
    warnings.push('no header row: columns are named column1, column2, …');
  }
  // drop trailing columns that have neither a header nor any data
  while (headers.length > width) {
    if (headers[headers.length - 1] !== '') break;
    headers.pop();
  }
  const n = Math.max(headers.length, width);
  for (let c = 0; c < n; c++) if (headers[c] === undefined || headers[c] === '') headers[c] = `column${c + 1}`;
  if (units) units = headers.map((_, c) => units![c] ?? '');
  const dataRows = rows.slice(first);
  if (dataRows.length * n > text.length + 1024) throw new KinetwinError('delimited table dimensions are implausible for the file size');
  const columns = headers.map(() => new Float64Array(dataRows.length));
  let bad = 0;
  let ragged = 0;
  for (let r = 0; r < dataRows.length; r++) {
    const row = dataRows[r];
    if (row.length !== width) ragged++;
    for (let c = 0; c < n; c++) {
      const v = row[c] === undefined ? Number.NaN : parseNumberCell(row[c], decimalComma);
      if (v === null) bad++;
      columns[c][r] = v ?? Number.NaN;
    }
  }
  if (bad > 0) warnings.push(`${bad} non-numeric cells read as NaN`);
  if (ragged > 0) warnings.push(`${ragged} rows have a different number of cells`);
  const preamble = rows.slice(0, Math.max(headerRow, 0)).map((r) => r.join(delimiter).replace(new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter}\\s]+$`), ''));
  return { headers, units, columns, delimiter, decimalComma, preamble, warnings };
}
