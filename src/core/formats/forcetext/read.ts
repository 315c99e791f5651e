// Vertical ground-reaction-force text exports: one column per plate (N), optional label line (`FP1 FP2`),
// whitespace, tab, comma or semicolon separated, no rate stored (the caller gives it; default 1000 Hz).

import { KinetwinError } from '../../errors';
import type { Trial } from '../../model/trial';
import { newAnalogData, newTrial } from '../../convert/newTrial';
import { parseNumberCell } from '../delimited/parseNumber';
import { splitLines, toText } from '../delimited/text';

export interface ReadForceTextOptions {
  rate?: number; // Hz, default 1000
}

function cells(line: string): string[] {
  return line.trim().split(/[\s,;]+/);
}

/** Read a vertical-force text file into a Trial with analog channels Fz1 (, Fz2 …) in N; vertical = Z. */
export function readForceText(input: string | Uint8Array, options: ReadForceTextOptions = {}): Trial {
  const rate = options.rate ?? 1000;
  if (!Number.isFinite(rate) || rate <= 0) throw new KinetwinError(`force-plate rate ${rate} Hz is not a positive number`);
  const lines = splitLines(toText(input)).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new KinetwinError('force file is empty');
  const first = cells(lines[0]);
  const hasLabels = first.some((c) => parseNumberCell(c) === null);
  const start = hasLabels ? 1 : 0;
  const columns = first.length;
  if (columns > 64) throw new KinetwinError(`force file has ${columns} columns; expected one per plate`);
  const samples = lines.length - start;
  if (samples === 0) throw new KinetwinError('force file holds labels but no samples');
  const channels = Array.from({ length: columns }, () => new Float32Array(samples)); // per plate, samples, N
  for (let s = 0; s < samples; s++) {
    const row = cells(lines[start + s]);
    if (row.length !== columns) throw new KinetwinError(`force file line ${start + s + 1} has ${row.length} values, expected ${columns}`);
    for (let c = 0; c < columns; c++) {
      const v = parseNumberCell(row[c]);
      if (v === null) throw new KinetwinError(`force file line ${start + s + 1}: '${row[c]}' is not a number`);
      channels[c][s] = v;
    }
  }
  const labels = channels.map((_, c) => `Fz${c + 1}`);
  const trial = newTrial('force', 'z');
  trial.analogs = newAnalogData(labels, labels.map(() => 'N'), rate, channels, hasLabels ? first : labels.map(() => 'vertical force'));
  trial.metadata.extra = { startTime: 0, rateGiven: options.rate !== undefined };
  return trial;
}
