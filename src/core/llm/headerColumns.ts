// Find the column headers of a text export (OpenSim MOT/STO/TRC, Vicon Nexus CSV, APDM CSV, Xsens TXT,
// generic CSV/TSV) together with the file-level facts that help map them (units rows, angle units).

import { KinetwinError } from '../errors';
import type { HeaderContext } from './headerRules';
import { normaliseUnit } from './units';

export interface HeaderColumn {
  header: string; // as the file labels it (multi-row headers joined with a space)
  context: HeaderContext;
}

export interface HeaderTable {
  layout: 'mot' | 'trc' | 'vicon-csv' | 'delimited' | 'none';
  delimiter: string;
  columns: HeaderColumn[];
  warnings: string[];
}

const MAX_COLUMNS = 4096;
const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$|^\s*(nan|NaN|NAN|-?inf)\s*$/;

function isNumeric(cell: string): boolean {
  return NUMERIC.test(cell);
}

function detectDelimiter(line: string): string {
  const counts: Array<[string, number]> = [['\t', 0], [',', 0], [';', 0]];
  for (const c of counts) c[1] = line.split(c[0]).length - 1;
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : /\S\s+\S/.test(line.trim()) ? ' ' : ',';
}

/** Split one line into cells; double-quoted cells may contain the delimiter ("RT TIB.ANT., uV"). */
function cells(line: string, delimiter: string): string[] {
  if (delimiter === ' ') {
    const parts = line.trim().split(/\s+/);
    if (parts.length > MAX_COLUMNS) throw new KinetwinError(`header has more than ${MAX_COLUMNS} columns`);
    return parts;
  }
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') quoted = true;
    else if (ch === delimiter) {
      out.push(cell.trim());
      cell = '';
      if (out.length > MAX_COLUMNS) throw new KinetwinError(`header has more than ${MAX_COLUMNS} columns`);
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

// Qualisys QTM TSV metadata keys (the table's header row follows them)
const QTM_KEY = /^(NO_OF_\w+|FREQUENCY|ANALOG_FREQUENCY|DESCRIPTION|TIME_STAMP|DATA_INCLUDED|MARKER_NAMES|TRAJECTORY_TYPES|FIRST_SAMPLE|FORCE_PLATE_\w+|EVENT|BODY_NAMES|EMG_\w+)$/;

/** True when the row after `i` (after an optional units row) is mostly numbers, or there is none. */
function dataFollows(lines: string[], i: number, delimiter: string, width: number): boolean {
  let j = i + 1;
  while (j < lines.length && lines[j].trim() === '') j++;
  if (j >= lines.length) return true;
  let row = cells(lines[j], delimiter);
  if (isUnitsRow(row)) {
    j++;
    if (j >= lines.length || lines[j].trim() === '') return true;
    row = cells(lines[j], delimiter);
  }
  const filled = row.filter((c) => c !== '');
  const numeric = filled.filter((c) => isNumeric(c) || /^\d{1,4}[-/:.]\d{1,2}[-/:.]\d{1,4}/.test(c)).length;
  return row.length >= Math.max(1, Math.floor(width * 0.5)) && numeric >= Math.ceil(filled.length * 0.4);
}

function isUnitsRow(row: string[]): boolean {
  const filled = row.filter((c) => c !== '');
  if (filled.length === 0 || filled.some(isNumeric)) return false;
  return filled.filter((c) => normaliseUnit(c) !== null || c === 'deg C').length >= Math.ceil(filled.length * 0.6);
}

function motTable(lines: string[], end: number): HeaderTable {
  const head = lines.slice(0, end).join('\n');
  const inDeg = /^\s*inDegrees\s*=\s*(yes|no)/im.exec(head);
  const angleUnit = inDeg ? (inDeg[1].toLowerCase() === 'yes' ? 'deg' : 'rad') : /angles are in degrees/i.test(head) ? 'deg' : 'rad';
  const warnings = inDeg || /angles are in degrees/i.test(head) ? [] : ['no inDegrees line: angles assumed in radians'];
  let i = end + 1;
  while (i < lines.length && lines[i].trim() === '') i++;
  const labels = i < lines.length ? cells(lines[i], lines[i].includes('\t') ? '\t' : ' ').filter((c) => c !== '') : [];
  const context: HeaderContext = { angleUnit, siUnits: true };
  return { layout: 'mot', delimiter: '\t', columns: labels.map((header) => ({ header, context })), warnings };
}

function trcTable(lines: string[]): HeaderTable {
  if (lines.length < 5) throw new KinetwinError('TRC header is truncated (fewer than 5 lines)');
  const keys = cells(lines[1], '\t');
  const values = cells(lines[2], '\t');
  const unitsAt = keys.findIndex((k) => k === 'Units');
  const unit = unitsAt >= 0 ? values[unitsAt] ?? null : null;
  const names = cells(lines[3], '\t');
  const axes = cells(lines[4], '\t');
  const columns: HeaderColumn[] = [];
  let marker = '';
  for (let c = 0; c < Math.max(names.length, axes.length); c++) {
    const name = names[c] ?? '';
    if (c < 2) {
      if (name !== '') columns.push({ header: name, context: name === 'Time' ? { unitHint: 's' } : {} });
      continue;
    }
    if (name !== '') marker = name;
    const axis = /^([XYZ])\d*$/.exec(axes[c] ?? '');
    if (marker !== '' && axis) columns.push({ header: `${marker} ${axis[1]}`, context: { unitHint: unit, markerColumn: true } });
  }
  return { layout: 'trc', delimiter: '\t', columns, warnings: [] };
}

const VICON_SECTIONS = new Set(['Trajectories', 'Devices', 'Model Outputs', 'Joints', 'Segments']);

function viconTable(lines: string[]): HeaderTable {
  const columns: HeaderColumn[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i].split(',')[0].trim();
    if (!VICON_SECTIONS.has(first) || i + 4 >= lines.length) continue;
    const section = first;
    const names = cells(lines[i + 2], ',');
    const comps = cells(lines[i + 3], ',');
    const units = cells(lines[i + 4], ',');
    let group = '';
    for (let c = 0; c < comps.length; c++) {
      if ((names[c] ?? '') !== '') group = names[c];
      const comp = comps[c];
      if (comp === '') continue;
      const header = c < 2 || group === '' ? comp : `${group} ${comp}`;
      const markerColumn = section === 'Trajectories' && c >= 2;
      columns.push({ header, context: { unitHint: units[c] || null, markerColumn } });
    }
    i += 4;
  }
  return { layout: 'vicon-csv', delimiter: ',', columns, warnings: [] };
}

/** Columns of a text export given its first lines (a few dozen are enough). */
export function findHeaderColumns(text: string): HeaderTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, 400);
  const end = lines.findIndex((l) => l.trim().toLowerCase() === 'endheader');
  if (end >= 0) return motTable(lines, end);
  if (/^PathFileType/.test(lines[0] ?? '')) return trcTable(lines);
  if (VICON_SECTIONS.has((lines[0] ?? '').split(',')[0].trim())) return viconTable(lines);
  let markerNames: Set<string> | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || /^\s*(\/\/|#)/.test(line)) continue;
    const delimiter = detectDelimiter(line);
    const row = cells(line, delimiter);
    if (row.length < 1) continue;
    if (QTM_KEY.test(row[0])) {
      if (row[0] === 'MARKER_NAMES') markerNames = new Set(row.slice(1).filter((c) => c !== ''));
      continue;
    }
    const filled = row.filter((c) => c !== '');
    const textual = filled.filter((c) => !isNumeric(c)).length;
    // metadata rows ('Sample Rate:,128,Hz') have a key ending in ':' or fewer than two text cells
    if (/:$/.test(row[0]) || textual < Math.max(1, Math.ceil(filled.length * 0.6))) continue;
    if (!dataFollows(lines, i, delimiter, row.length)) continue;
    let next = i + 1 < lines.length ? cells(lines[i + 1], delimiter) : [];
    const unitsRow = isUnitsRow(next) && next.length <= row.length + 1 ? next : null;
    if (unitsRow) next = i + 2 < lines.length ? cells(lines[i + 2], delimiter) : [];
    const columns: HeaderColumn[] = [];
    row.forEach((header, c) => {
      if (header === '') return;
      const marker = markerNames !== null && /^(.+) [XYZ]$/.exec(header);
      const context: HeaderContext = { unitHint: unitsRow ? unitsRow[c] || null : null };
      if (marker && markerNames?.has(marker[1])) context.markerColumn = true;
      columns.push({ header, context });
    });
    return { layout: 'delimited', delimiter, columns, warnings: next.length === 0 ? ['no data rows after the header'] : [] };
  }
  return { layout: 'none', delimiter: ',', columns: [], warnings: ['no header row found'] };
}
