// Delimited text → rows of cells (RFC 4180 quoting: "a, b" and "" escapes; quoted fields may span lines).

export type Delimiter = ',' | ';' | '\t';

/** Split `text` into rows of cells with `delimiter`; cells are not trimmed; blank lines give no row. */
export function splitRows(text: string, delimiter: Delimiter): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  const n = text.length;
  const endRow = () => {
    row.push(cell);
    if (!(row.length === 1 && row[0].trim() === '')) rows.push(row);
    row = [];
    cell = '';
    atCellStart = true;
  };
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else cell += ch;
      continue;
    }
    if (ch === '"' && atCellStart && cell.trim() === '') { quoted = true; cell = ''; atCellStart = false; continue; }
    if (ch === delimiter) { row.push(cell); cell = ''; atCellStart = true; continue; }
    if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      continue;
    }
    cell += ch;
    if (ch !== ' ') atCellStart = false;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * Pick the delimiter (tab, semicolon or comma) that splits the first lines into the most consistent number
 * of cells (> 1). Ties prefer tab, then semicolon (a semicolon file with decimal commas also splits on commas).
 */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of ['\t', ';', ','] as const) {
    const rows = splitRows(sample, d).slice(0, 50);
    if (rows.length > 1 && sample.length === 64 * 1024) rows.pop(); // the cut may split the last row
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let mode = 1;
    let modeRows = 0;
    for (const [width, k] of counts) if (width > 1 && (k > modeRows || (k === modeRows && width > mode))) { mode = width; modeRows = k; }
    const score = mode > 1 ? modeRows : 0;
    if (score > bestScore) { best = d; bestScore = score; }
  }
  return best;
}
