// C3D files of dataset samples (`kinetwin export DIR --format c3d`). Gait: the sample's markers (TRC, Y up) turned
// Z up as C3D labs are, POINT:UNITS mm, with the strides' events (Foot Strike / Foot Off, Left / Right). The joint
// angles stay in the sample's MOT: C3D has no angle type, and Vicon-style angle pseudo-points (POINT:ANGLES) read
// as markers in every reader that ignores that group. Drop-landing / CMJ: the simulated vertical ground reaction
// as one type-2 force plate (6 analog channels Fx Fy Fz Mx My Mz) at the lab origin, 0.6 × 0.4 m, its z axis
// pointing down as AMTI plates lie in Vicon files, so the channels carry the plate-frame load (Fz = −GRF, N) and
// forcePlateOutputs() gives the lab ground reaction (+GRF up); the centre of mass height as a 'CentreOfMass' point.
import { convertAxes } from '../convert/axes';
import { KinetwinError } from '../errors';
import { writeC3d } from '../formats/c3d/write';
import { motColumn, type MotTable } from '../formats/mot/table';
import { readTrc } from '../formats/trc/read';
import type { Trial, TrialEvent } from '../model/trial';

export const GRAVITY = 9.81; // m/s², as the physics tasks use for body weight
// C3D corner order c1…c4 (x = c1 − c2 along +X, y = c1 − c4 along −Y, z = x × y down), m, lab Z up
export const PLATE_CORNERS: readonly number[] = [0.3, -0.2, 0, -0.3, -0.2, 0, -0.3, 0.2, 0, 0.3, 0.2, 0];

/** Gait sample → C3D bytes: markers of its TRC (Y up → Z up) and its gait events. */
export function gaitSampleC3d(trc: string | Uint8Array, events: readonly TrialEvent[]): Uint8Array {
  const trial = convertAxes(readTrc(trc), 'y-up', 'z-up');
  if (!trial.points || trial.points.frames === 0) throw new KinetwinError('gait sample TRC has no marker frames');
  return writeC3d({ ...trial, events: events.map((e) => ({ ...e })), metadata: { ...trial.metadata, format: 'c3d', software: 'Kinetwin (synthetic)' } });
}

/** Uniform sampling rate of a time column (Hz); throws when the steps are uneven. */
function uniformRate(time: Float64Array): number {
  const n = time.length;
  if (n < 2) throw new KinetwinError('a force series needs at least two samples');
  const dt = (time[n - 1] - time[0]) / (n - 1);
  if (!(dt > 0)) throw new KinetwinError('force series time does not increase');
  for (let i = 1; i < n; i++) if (Math.abs(time[i] - time[i - 1] - dt) > 1e-3 * dt + 1e-9) throw new KinetwinError(`force series is not uniformly sampled (step ${i})`);
  return Math.round(1e6 / dt) / 1e6;
}

/** Landing / jump series (MOT: time, ground_force_vy_bw in body weights, com_height_m) → C3D bytes with one plate. */
export function forceSampleC3d(mot: MotTable, bodyWeightN: number): Uint8Array {
  if (!(bodyWeightN > 0 && Number.isFinite(bodyWeightN))) throw new KinetwinError(`body weight must be positive, got ${bodyWeightN}`);
  const ti = motColumn(mot, 'time'), fi = motColumn(mot, 'ground_force_vy_bw'), hi = motColumn(mot, 'com_height_m');
  if (ti < 0 || fi < 0) throw new KinetwinError('sample series lacks time or ground_force_vy_bw');
  const n = mot.rows, w = mot.columns.length;
  const time = Float64Array.from({ length: n }, (_, r) => mot.data[r * w + ti]);
  const rate = uniformRate(time);
  const zero = () => new Float32Array(n);
  const fz = zero();
  for (let r = 0; r < n; r++) fz[r] = -mot.data[r * w + fi] * bodyWeightN; // plate z down: the load on the plate
  const com = hi >= 0;
  const data = new Float32Array(com ? n * 3 : 0);
  if (com) for (let r = 0; r < n; r++) data[r * 3 + 2] = mot.data[r * w + hi];
  const trial: Trial = {
    points: com ? { labels: ['CentreOfMass'], descriptions: ['centre of mass (simulated)'], rate, frames: n, firstFrame: 1, originalUnits: 'mm', data, residuals: new Float32Array(n), cameraMasks: new Uint8Array(n) } : null,
    analogs: {
      labels: ['Fx1', 'Fy1', 'Fz1', 'Mx1', 'My1', 'Mz1'], descriptions: ['Force.Fx1', 'Force.Fy1', 'Force.Fz1', 'Moment.Mx1', 'Moment.My1', 'Moment.Mz1'],
      units: ['N', 'N', 'N', 'Nmm', 'Nmm', 'Nmm'], rate, samples: n, channels: [zero(), zero(), fz, zero(), zero(), zero()],
    },
    forcePlates: [{ type: 2, corners: Float64Array.from(PLATE_CORNERS), origin: new Float64Array(3), channels: [0, 1, 2, 3, 4, 5], calMatrix: null }],
    events: [],
    metadata: { format: 'c3d', upAxis: 'z', warnings: [], software: 'Kinetwin (synthetic)' },
  };
  return writeC3d(trial);
}
