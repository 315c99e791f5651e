// OpenSim / Motion Analysis TRC marker file → Trial (points in metres; the file's units kept).
// Layout (REFERENCE.md §7): PathFileType line, metadata keys, values, `Frame# Time name…`, `X1 Y1 Z1…`, rows.
// Tolerates what real files do: space-padded values, doubled tabs in the values line, blank cells (NaN),
// NaN in any spelling, e-notation, CRLF, misaligned label tabs (OpenSim 4 exports) and short rows.

import { KinetwinError } from '../../errors';
import type { Trial, UpAxis } from '../../model/trial';
import { newPointData, newTrial } from '../../convert/newTrial';
import { splitLines, toText } from '../delimited/text';
import { parseNumberCell } from '../delimited/parseNumber';
import { lengthScale } from '../units';
import { guessUpAxis } from './guessUpAxis';

export const TRC_KEYS = ['DataRate', 'CameraRate', 'NumFrames', 'NumMarkers', 'Units', 'OrigDataRate', 'OrigDataStartFrame', 'OrigNumFrames'] as const;

export interface ReadTrcOptions {
  upAxis?: UpAxis; // lab axis that points up; default 'y' (OpenSim) unless a full-body marker set clearly stands along another axis (C3D exports keep the lab's Z-up)
}

/** Cells of a TRC line: tab-separated, or whitespace-separated when the line holds no tab. */
function cells(line: string): string[] {
  return line.includes('\t') ? line.split('\t') : line.trim().split(/\s+/);
}

/** Non-empty trimmed cells. */
function nonEmpty(line: string): string[] {
  return cells(line).map((c) => c.trim()).filter((c) => c !== '');
}

function positiveNumber(value: string | undefined, what: string): number {
  const n = value === undefined ? null : parseNumberCell(value);
  if (n === null || !Number.isFinite(n) || n <= 0) throw new KinetwinError(`TRC ${what} '${value ?? ''}' is not a positive number`);
  return n;
}

/** Parse a TRC file (text or UTF-8 bytes) into a Trial with `points` only. */
export function readTrc(input: string | Uint8Array, options: ReadTrcOptions = {}): Trial {
  const text = toText(input);
  const lines = splitLines(text);
  const warnings: string[] = [];
  if (lines.length === 0 || !/^\s*PathFileType\b/i.test(lines[0])) throw new KinetwinError('not a TRC file: the first line must start with PathFileType');
  if (lines.length < 5) throw new KinetwinError(`TRC header is truncated: ${lines.length} of 5 header lines`);

  const first = lines[0].trim().split(/\s+/);
  const keys = nonEmpty(lines[1]);
  const values = nonEmpty(lines[2]);
  if (keys.length !== values.length) throw new KinetwinError(`TRC metadata has ${keys.length} keys but ${values.length} values`);
  const meta: Record<string, string> = {};
  keys.forEach((k, i) => { meta[k] = values[i]; });
  for (const key of ['DataRate', 'NumMarkers', 'Units']) {
    if (!(key in meta)) throw new KinetwinError(`TRC metadata lacks ${key}`);
  }
  const rate = positiveNumber(meta.DataRate, 'DataRate');
  const units = meta.Units;
  const scale = lengthScale(units);
  if (scale === null) throw new KinetwinError(`TRC units '${units}' are not a length unit (mm, cm, m, in)`);

  const labelCells = nonEmpty(lines[3]);
  if (labelCells[0] !== 'Frame#' || labelCells[1]?.toLowerCase() !== 'time') warnings.push(`TRC label line starts '${labelCells.slice(0, 2).join(' ')}', expected 'Frame# Time'`);
  const labels = labelCells.slice(2);
  if (labels.length === 0) throw new KinetwinError('TRC file names no markers');
  const declaredMarkers = parseNumberCell(meta.NumMarkers);
  if (declaredMarkers !== labels.length) warnings.push(`TRC NumMarkers is ${meta.NumMarkers} but ${labels.length} marker names are listed; using the names`);

  const rows: string[] = [];
  for (let i = 5; i < lines.length; i++) if (lines[i].trim() !== '') rows.push(lines[i]);
  const markers = labels.length;
  const frames = rows.length;
  // every value the file holds needs at least one character: refuse dimensions the text cannot back
  if (frames * markers > lines.length + text.length) throw new KinetwinError(`TRC dimensions (${frames} frames × ${markers} markers) are implausible for the file size`);
  const declaredFrames = meta.NumFrames === undefined ? null : parseNumberCell(meta.NumFrames);
  if (declaredFrames !== null && declaredFrames !== frames) warnings.push(`TRC NumFrames is ${meta.NumFrames} but the file holds ${frames} rows`);

  const data = new Float32Array(frames * markers * 3); // frames × markers × 3, metres, lab frame
  const times = new Float64Array(frames); // s
  let firstFrame = 1;
  let shortRows = 0;
  for (let f = 0; f < frames; f++) {
    const row = cells(rows[f]);
    if (f === 0) {
      const frameNo = parseNumberCell(row[0]);
      if (frameNo !== null && Number.isInteger(frameNo)) firstFrame = frameNo;
    }
    const t = parseNumberCell(row[1] ?? '');
    if (t === null) throw new KinetwinError(`TRC data row ${f + 1} (line ${f + 6}): time '${row[1]}' is not a number`);
    times[f] = t;
    if (row.length < 2 + markers * 3) shortRows++;
    for (let m = 0; m < markers; m++) {
      for (let a = 0; a < 3; a++) {
        const cell = row[2 + m * 3 + a];
        const v = cell === undefined ? Number.NaN : parseNumberCell(cell);
        if (v === null) throw new KinetwinError(`TRC data row ${f + 1}, marker '${labels[m]}': '${cell}' is not a number`);
        data[(f * markers + m) * 3 + a] = v * scale;
      }
    }
  }
  if (shortRows > 0) warnings.push(`${shortRows} TRC rows are shorter than ${2 + markers * 3} columns; missing values read as NaN`);
  if (frames > 1) {
    const dt = (times[frames - 1] - times[0]) / (frames - 1);
    if (Math.abs(dt * rate - 1) > 0.01) warnings.push(`TRC time column steps ${dt.toPrecision(6)} s but DataRate is ${rate} Hz`);
  }

  let upAxis = options.upAxis ?? 'y';
  if (options.upAxis === undefined) {
    const guess = guessUpAxis(data, frames, markers);
    if (guess !== null && guess !== 'y') { upAxis = guess; warnings.push(`markers stand along ${guess}: the file is read as ${guess}-up (pass upAxis to override)`); }
  }
  const trial = newTrial('trc', upAxis, warnings);
  trial.points = newPointData(labels, frames, rate, units, data, firstFrame);
  trial.metadata.extra = {
    pathFileType: first[1] ?? '',
    fileName: first.slice(3).join(' '),
    cameraRate: meta.CameraRate === undefined ? rate : Number(meta.CameraRate),
    origDataRate: meta.OrigDataRate === undefined ? rate : Number(meta.OrigDataRate),
    origDataStartFrame: meta.OrigDataStartFrame === undefined ? firstFrame : Number(meta.OrigDataStartFrame),
    origNumFrames: meta.OrigNumFrames === undefined ? frames : Number(meta.OrigNumFrames),
    startTime: frames > 0 ? times[0] : 0,
  };
  return trial;
}
