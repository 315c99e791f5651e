// Training logs (CSV/TSV/semicolon exports of athlete-monitoring tools) → typed rows + warnings.
// Columns are found with mapHeaders (date, athlete, session_type, minutes, srpe, sleep_hours, nutrition,
// injury, session_load, notes). Session load = sRPE (CR-10, 0–10) × minutes, AU (Foster 1998).

import { KinetwinError } from '../../errors';
import { mapHeaders, type HeaderMapping } from '../headermap';
import { parseNumberCell } from '../delimited/parseNumber';
import { splitRows, sniffDelimiter } from '../delimited/rows';
import { toText } from '../delimited/text';
import { dayOrder, isoDate, parseDate } from './dates';

export interface TrainingLogRow {
  line: number; // 1-based row number in the file
  date: string | null; // ISO YYYY-MM-DD, null when unreadable
  day: number | null; // UTC days since 1970-01-01
  athlete: string; // pseudonym as written
  sessionType: string;
  minutes: number; // NaN when missing
  srpe: number; // CR-10 rating 0–10; NaN when missing or out of range
  load: number; // AU: sRPE × minutes, else the file's own load column; NaN when unknown
  sleepHours: number; // NaN when missing
  nutrition: string;
  injury: boolean | null; // null when not recorded
  injuryNote: string; // the injury cell when it is free text
  notes: string;
}

export interface TrainingLog {
  rows: TrainingLogRow[];
  mapping: HeaderMapping[];
  warnings: string[];
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'oui', 'si', 'sí', 'injured', 'injury']);
const NO = new Set(['no', 'n', 'false', '0', '-', 'none', 'nein', 'non', 'fit', 'ok', 'healthy', 'nil', '']);

/** Parse a number cell that may carry a decimal comma or a unit word ('75 min', '7,5 h'). */
function numberCell(cell: string): number | null {
  if (cell.length > 64) return null;
  const t = cell.trim().replace(/\s*(min|mins|minutes|h|hrs|hours|au)\.?$/i, '');
  const v = parseNumberCell(t) ?? parseNumberCell(t, true);
  if (v !== null) return v;
  const hm = /^(\d{1,2}):(\d{2})$/.exec(t); // h:mm
  return hm ? Number(hm[1]) * 60 + Number(hm[2]) : null;
}

/** Read a training log (text or bytes). */
export function readTrainingLog(input: string | Uint8Array): TrainingLog {
  const text = toText(input);
  const rows = splitRows(text, sniffDelimiter(text));
  if (rows.length === 0) throw new KinetwinError('training log is empty');
  // header: the first row with at least two recognised fields among the first 20 rows
  let headerIndex = -1;
  let mapping: HeaderMapping[] = [];
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const m = mapHeaders(rows[i].map((c) => c.trim()));
    if (m.filter((x) => x.field !== null).length >= 2) { headerIndex = i; mapping = m; break; }
  }
  if (headerIndex < 0) throw new KinetwinError('training log has no recognisable header row (date, athlete, minutes, sRPE …)');
  const warnings: string[] = [];
  const col = (field: string): number => {
    let best = -1;
    mapping.forEach((m, i) => { if (m.field === field && (best < 0 || m.confidence > mapping[best].confidence)) best = i; });
    return best;
  };
  const c = {
    date: col('date'), athlete: col('athlete'), type: col('session_type'), minutes: col('minutes'), srpe: col('srpe'), load: col('session_load'),
    sleep: col('sleep_hours'), nutrition: col('nutrition'), injury: col('injury'), notes: col('notes'),
  };
  if (c.minutes < 0 && c.load < 0) warnings.push('no duration column: session loads cannot be computed');
  if (c.srpe < 0 && c.load < 0) warnings.push('no sRPE or load column: session loads cannot be computed');
  const hoursDuration = c.minutes >= 0 && mapping[c.minutes].unit === 'h';
  const data = rows.slice(headerIndex + 1).filter((r) => r.some((x) => x.trim() !== ''));
  const cell = (r: string[], i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
  const order = dayOrder(data.map((r) => cell(r, c.date)));
  if (order.ambiguous) warnings.push('dates like 03/04/2024 are ambiguous in this file; read day first (DD/MM/YYYY)');

  const out: TrainingLogRow[] = data.map((r, k) => {
    const line = headerIndex + 2 + k;
    const dateText = cell(r, c.date);
    const day = c.date >= 0 ? parseDate(dateText, order.order) : null;
    if (c.date >= 0 && day === null) warnings.push(`row ${line}: date '${dateText}' is not a valid date`);
    let minutes = Number.NaN;
    if (c.minutes >= 0 && cell(r, c.minutes) !== '') {
      const clock = /^\d{1,2}:\d{2}$/.test(cell(r, c.minutes)); // h:mm is minutes whatever the column unit
      const v = numberCell(cell(r, c.minutes));
      const m = v === null ? null : hoursDuration && !clock ? v * 60 : v;
      if (m === null || !(m >= 0) || m > 24 * 60) warnings.push(`row ${line}: duration '${cell(r, c.minutes)}' is not a plausible number of minutes`);
      else minutes = m;
    }
    let srpe = Number.NaN;
    if (c.srpe >= 0 && cell(r, c.srpe) !== '') {
      const v = numberCell(cell(r, c.srpe));
      if (v === null || Number.isNaN(v)) warnings.push(`row ${line}: sRPE '${cell(r, c.srpe)}' is not a number`);
      else if (v < 0 || v > 10) warnings.push(`row ${line}: sRPE ${v} is outside the CR-10 range 0–10; ignored`);
      else srpe = v;
    }
    let load = srpe * minutes;
    if (Number.isNaN(load) && c.load >= 0) { const v = numberCell(cell(r, c.load)); if (v !== null && v >= 0) load = v; }
    let sleepHours = Number.NaN;
    if (c.sleep >= 0 && cell(r, c.sleep) !== '') {
      const v = numberCell(cell(r, c.sleep));
      const h = v !== null && mapping[c.sleep].unit === 'min' ? v / 60 : v;
      if (h === null || h < 0 || h > 24) warnings.push(`row ${line}: sleep '${cell(r, c.sleep)}' is not a plausible number of hours`);
      else sleepHours = h;
    }
    const injuryText = cell(r, c.injury);
    const lower = injuryText.toLowerCase();
    const injury = c.injury < 0 ? null : YES.has(lower) ? true : NO.has(lower) ? (injuryText === '' ? null : false) : true;
    return {
      line, date: day === null ? null : isoDate(day), day, athlete: cell(r, c.athlete), sessionType: cell(r, c.type), minutes, srpe, load, sleepHours,
      nutrition: cell(r, c.nutrition), injury, injuryNote: injury === true && !YES.has(lower) ? injuryText : '', notes: cell(r, c.notes),
    };
  });
  return { rows: out, mapping, warnings };
}
