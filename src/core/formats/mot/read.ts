// OpenSim MOT/STO text → MotTable. Headers of version 1 (`nRows=`), version 3 (`DataRate=`, `DataType=`),
// and the legacy Storage header (`name`, `datacolumns`, `datarows`, `range`), all closed by `endheader`.
// STO files of Vec3/Quaternion data hold comma-separated cells: each such column becomes 3 or 4 columns
// `<label>_x…` / `<label>_w, _x, _y, _z` (OpenSim writes quaternions w first).

import { KinetwinError } from '../../errors';
import { parseNumberCell } from '../delimited/parseNumber';
import { splitLines, toText } from '../delimited/text';
import type { MotTable } from './table';

function cells(line: string): string[] {
  const raw = line.includes('\t') ? line.split('\t') : line.trim().split(/\s+/);
  const out = raw.map((c) => c.trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

const VECTOR_SUFFIXES: Record<number, string[]> = { 3: ['_x', '_y', '_z'], 4: ['_w', '_x', '_y', '_z'], 6: ['_0', '_1', '_2', '_3', '_4', '_5'] };

/** Parse a .mot/.sto file (text or UTF-8 bytes). */
export function readMot(input: string | Uint8Array): MotTable {
  const text = toText(input);
  const lines = splitLines(text);
  const warnings: string[] = [];
  const end = lines.findIndex((l) => l.trim().toLowerCase() === 'endheader');
  if (end < 0) throw new KinetwinError('not a MOT/STO file: no endheader line');

  const header: Record<string, string> = {};
  const freeText: string[] = [];
  let name = '';
  for (let i = 0; i < end; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const eq = line.indexOf('=');
    if (eq > 0) { header[line.slice(0, eq).trim()] = line.slice(eq + 1).trim(); continue; }
    const legacy = /^(name|datacolumns|datarows|range)\s+(.*)$/i.exec(line);
    if (legacy) { header[legacy[1].toLowerCase()] = legacy[2].trim(); if (legacy[1].toLowerCase() === 'name') name = legacy[2].trim(); continue; }
    if (i === 0) name = line; else freeText.push(line);
  }

  const version = header.version === undefined ? 0 : Number(header.version);
  if (!Number.isFinite(version)) throw new KinetwinError(`MOT version '${header.version}' is not a number`);
  let inDegrees = false;
  if (header.inDegrees !== undefined) {
    const flag = header.inDegrees.toLowerCase();
    if (flag !== 'yes' && flag !== 'no') warnings.push(`inDegrees='${header.inDegrees}' is neither yes nor no; read as ${flag === 'true' ? 'yes' : 'no'}`);
    inDegrees = flag === 'yes' || flag === 'true';
  } else if (freeText.some((l) => /angles are in degrees/i.test(l))) {
    inDegrees = true;
    warnings.push("no inDegrees line; the header says 'Angles are in degrees.', so angles are read as degrees");
  }

  let labelLine = end + 1;
  while (labelLine < lines.length && lines[labelLine].trim() === '') labelLine++;
  if (labelLine >= lines.length) throw new KinetwinError('MOT file ends after endheader: no column labels');
  const labels = cells(lines[labelLine]);
  if (labels.length === 0) throw new KinetwinError('MOT column label line is empty');
  if (labels[0].toLowerCase() !== 'time') warnings.push(`first MOT column is '${labels[0]}', expected 'time'`);

  const rowLines: string[] = [];
  for (let i = labelLine + 1; i < lines.length; i++) if (lines[i].trim() !== '') rowLines.push(lines[i]);
  const rows = rowLines.length;

  // vector cells (Vec3/Quaternion STO): width of each column from the first row
  const firstRow = rows > 0 ? cells(rowLines[0]) : [];
  const widths = labels.map((_, c) => (firstRow[c] ?? '').split(',').length);
  const columns: string[] = [];
  labels.forEach((label, c) => {
    const w = widths[c];
    if (w === 1) columns.push(label);
    else if (VECTOR_SUFFIXES[w] !== undefined) for (const s of VECTOR_SUFFIXES[w]) columns.push(label + s);
    else throw new KinetwinError(`MOT column '${label}' holds ${w} comma-separated values; expected 1, 3, 4 or 6`);
  });
  const n = columns.length;
  if (rows * n > text.length * 2 + 1024) throw new KinetwinError(`MOT dimensions (${rows} rows × ${n} columns) are implausible for the file size`);

  const declaredRows = header.nRows ?? header.datarows;
  if (declaredRows !== undefined && Number(declaredRows) !== rows) warnings.push(`header declares ${declaredRows} rows but the file holds ${rows}`);
  const declaredCols = header.nColumns ?? header.datacolumns;
  if (declaredCols !== undefined && Number(declaredCols) !== labels.length) warnings.push(`header declares ${declaredCols} columns but ${labels.length} labels are listed`);

  const data = new Float64Array(rows * n); // rows × columns
  let ragged = 0;
  for (let r = 0; r < rows; r++) {
    const row = cells(rowLines[r]);
    if (row.length !== labels.length) ragged++;
    let k = r * n;
    for (let c = 0; c < labels.length; c++) {
      const cell = row[c] ?? '';
      const parts = widths[c] === 1 ? [cell] : cell.split(',');
      if (widths[c] > 1 && cell !== '' && parts.length !== widths[c]) throw new KinetwinError(`MOT row ${r + 1}, column '${labels[c]}': expected ${widths[c]} comma-separated values`);
      for (let j = 0; j < widths[c]; j++) {
        const v = parseNumberCell(parts[j] ?? '');
        if (v === null) throw new KinetwinError(`MOT row ${r + 1}, column '${labels[c]}': '${parts[j]}' is not a number`);
        data[k++] = v;
      }
    }
  }
  if (ragged > 0) warnings.push(`${ragged} MOT rows do not have ${labels.length} cells; missing cells read as NaN`);
  return { name, version, inDegrees, columns, data, rows, header, warnings };
}
