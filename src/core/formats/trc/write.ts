// Trial points → OpenSim TRC text, in the layout OpenSim's TRCFileAdapter writes (tab-separated, each
// marker name followed by two empty cells, `X1 Y1 Z1…` line, one empty line, rows ending in a tab).

import { KinetwinError } from '../../errors';
import type { Trial } from '../../model/trial';
import { formatSignificant } from '../delimited/parseNumber';
import { lengthScale } from '../units';
import { TRC_KEYS } from './read';

export interface WriteTrcOptions {
  units?: 'mm' | 'cm' | 'm'; // output units; default the trial's original units when they are one of these, else mm
  fileName?: string; // written on the PathFileType line
  startTime?: number; // s, time of the first frame; default metadata.extra.startTime, else 0
}

/** Fixed-point text of the integer `q` scaled by 10^-decimals, trailing zeros dropped ('-617.24762'). */
function fixedText(q: number, decimals: number): string {
  let digits = String(Math.abs(q));
  if (digits.length <= decimals) digits = '0'.repeat(decimals - digits.length + 1) + digits;
  const cut = digits.length - decimals;
  let end = digits.length;
  while (end > cut && digits.charCodeAt(end - 1) === 48) end--;
  const text = end === cut ? digits.slice(0, cut) : `${digits.slice(0, cut)}.${digits.slice(cut, end)}`;
  return q < 0 ? `-${text}` : text;
}

/**
 * Text of `metres × perMetre` that reads back as the same float32: fixed 10 nm steps (5 decimals of mm, 8 of m)
 * when that is exact — the common, fast case — else the shortest of 7–9 significant digits.
 */
function coordinateText(metres: number, perMetre: number, scale: number, decimals: number): string {
  if (Number.isNaN(metres)) return 'NaN';
  if (Object.is(metres, -0)) return '-0';
  const v = metres * perMetre;
  const pow = 10 ** decimals;
  const q = Math.round(v * pow);
  if (Math.abs(q) < 9e15 && Math.fround((q / pow) * scale) === metres) return fixedText(q, decimals);
  for (let d = 7; d < 9; d++) {
    const s = formatSignificant(v, d);
    if (Math.fround(Number(s) * scale) === metres) return s;
  }
  return formatSignificant(v, 9);
}

function rateText(rate: number): string {
  return Number.isInteger(rate * 1e6) ? rate.toFixed(6) : String(rate);
}

/** Serialise `trial.points` as a TRC file (LF line endings). Throws when the trial has no points. */
export function writeTrc(trial: Trial, options: WriteTrcOptions = {}): string {
  const p = trial.points;
  if (p === null) throw new KinetwinError('cannot write a TRC file: the trial has no points');
  if (!(p.rate > 0) || !Number.isFinite(p.rate)) throw new KinetwinError(`cannot write a TRC file: point rate ${p.rate} is not positive`);
  const original = p.originalUnits.trim().toLowerCase();
  const units = options.units ?? (original === 'mm' || original === 'cm' || original === 'm' ? original : 'mm');
  const scale = lengthScale(units) as number; // metres per unit
  const perMetre = 1 / scale;
  const decimals = Math.max(0, 8 - Math.round(Math.log10(perMetre))); // 10 nm steps: 5 decimals of mm, 8 of m
  const extra = trial.metadata.extra ?? {};
  const start = options.startTime ?? (typeof extra.startTime === 'number' ? extra.startTime : 0);
  const n = p.labels.length;
  const rate = rateText(p.rate);

  const out: string[] = [];
  out.push(`PathFileType\t4\t(X/Y/Z)\t${options.fileName ?? (typeof extra.fileName === 'string' && extra.fileName !== '' ? extra.fileName : 'kinetwin.trc')}`);
  out.push(TRC_KEYS.join('\t'));
  out.push([rate, rate, p.frames, n, units, rate, p.firstFrame, p.frames].join('\t'));
  // labels must survive tab splitting: tabs/line breaks become spaces, empty labels are named marker<i>
  const labels = p.labels.map((l, i) => l.replace(/[\t\r\n]+/g, ' ').trim() || `marker${i + 1}`);
  out.push(`Frame#\tTime\t${labels.map((l) => `${l}\t\t\t`).join('')}`);
  let xyz = '\t\t';
  for (let m = 1; m <= n; m++) xyz += `X${m}\tY${m}\tZ${m}\t`;
  out.push(xyz);
  out.push('');
  const row: string[] = new Array(2 + n * 3);
  for (let f = 0; f < p.frames; f++) {
    row[0] = String(f + 1);
    row[1] = formatSignificant(start + f / p.rate, 12);
    for (let i = 0; i < n * 3; i++) row[2 + i] = coordinateText(p.data[f * n * 3 + i], perMetre, scale, decimals);
    out.push(`${row.join('\t')}\t`);
  }
  return `${out.join('\n')}\n`;
}
