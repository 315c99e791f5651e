// Trial analogs → MOT/STO table (time column from the analog rate): IMU, force or MOT-derived channels.

import { KinetwinError } from '../errors';
import type { Trial } from '../model/trial';
import type { MotTable } from '../formats/mot/table';

/** Analog channels as a MOT table; inDegrees when any channel is in degrees. */
export function trialAnalogsToMot(trial: Trial, name = 'kinetwin'): MotTable {
  const a = trial.analogs;
  if (a === null || a.channels.length === 0) throw new KinetwinError('cannot write a MOT file: the trial has no analog channels');
  const columns = ['time', ...a.labels];
  const n = columns.length;
  const data = new Float64Array(a.samples * n); // rows × columns
  const start = typeof trial.metadata.extra?.startTime === 'number' ? trial.metadata.extra.startTime : 0;
  for (let r = 0; r < a.samples; r++) {
    data[r * n] = start + r / a.rate;
    for (let c = 0; c < a.channels.length; c++) data[r * n + 1 + c] = a.channels[c][r];
  }
  return { name, version: 1, inDegrees: a.units.includes('deg'), columns, data, rows: a.samples, header: { DataRate: String(a.rate) }, warnings: [] };
}
