// Generic CSV/TSV signals → Trial analogs: a time column (mapped by headermap) gives the rate, else the caller.
// Units come from the units row, else from the header's own annotation ('Fz [N]').

import { KinetwinError } from '../errors';
import type { Trial } from '../model/trial';
import type { DelimitedTable } from '../formats/delimited/read';
import { mapHeaders } from '../formats/headermap';
import { newAnalogData, newTrial } from './newTrial';

export interface DelimitedToTrialOptions {
  rate?: number; // Hz; required when the table has no time column
}

/** Trial whose analogs are the table's non-time columns. */
export function delimitedToTrial(table: DelimitedTable, options: DelimitedToTrialOptions = {}): Trial {
  const mapping = mapHeaders(table.headers);
  const t = mapping.findIndex((m) => m.field === 'time');
  const warnings = [...table.warnings];
  let rate = options.rate;
  let start = 0;
  if (rate !== undefined && !(Number.isFinite(rate) && rate > 0)) throw new KinetwinError(`rate ${rate} Hz is not a positive number`);
  if (t >= 0) {
    const time = table.columns[t];
    const perSecond = mapping[t].unit === 'ms' ? 1000 : mapping[t].unit === 'min' ? 1 / 60 : 1;
    start = time.length > 0 ? time[0] / perSecond : 0;
    const span = time.length > 1 ? (time[time.length - 1] - time[0]) / perSecond : Number.NaN;
    const fromTime = (time.length - 1) / span;
    if (rate === undefined) {
      if (!(Number.isFinite(fromTime) && fromTime > 0)) throw new KinetwinError('the time column does not increase; pass the rate');
      rate = fromTime;
    } else if (Number.isFinite(fromTime) && Math.abs(fromTime / rate - 1) > 0.01) warnings.push(`time column steps at ${fromTime.toPrecision(6)} Hz but the rate given is ${rate} Hz`);
  }
  if (rate === undefined) throw new KinetwinError('the table has no time column: pass the sampling rate');
  const labels: string[] = [];
  const units: string[] = [];
  const channels: Float32Array[] = [];
  table.headers.forEach((h, c) => {
    if (c === t) return;
    labels.push(h);
    units.push(table.units?.[c] || mapping[c].unit || '');
    channels.push(Float32Array.from(table.columns[c]));
  });
  if (channels.length === 0) throw new KinetwinError('the table holds no signal columns');
  const trial = newTrial('csv', 'z', warnings);
  trial.analogs = newAnalogData(labels, units, rate, channels, mapping.filter((_, c) => c !== t).map((m) => m.field ?? ''));
  trial.metadata.extra = { startTime: start, preamble: table.preamble, delimiter: table.delimiter, decimalComma: table.decimalComma };
  return trial;
}
