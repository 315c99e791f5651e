// Trial force plates → OpenSim GRF .mot (version 1, inDegrees=no). Per plate k (1-based):
// k_ground_force_vx vy vz (N), k_ground_force_px py pz (COP, m), k_ground_torque_x y z (N·m, the moment about
// the COP: T = M_centre − (COP − centre) × F, purely about the plate normal when COP is exact).
// Values are in the trial's lab frame: call convertAxes(trial, 'z-up', 'y-up') first for OpenSim.
// NaN (no contact: COP undefined) is written as 0, which OpenSim's ExternalLoads needs.

import { KinetwinError } from '../errors';
import type { Trial } from '../model/trial';
import { forcePlateOutputs, type ForcePlateOutputs } from '../forceplate/outputs';
import { writeMot } from '../formats/mot/write';
import type { MotTable } from '../formats/mot/table';

export type PlateOutputsFn = (trial: Trial, plateIndex: number) => Pick<ForcePlateOutputs, 'rate' | 'samples' | 'force' | 'moment' | 'cop'>;

export interface GrfMotOptions {
  name?: string; // first header line (default 'grf')
  plateOutputs?: PlateOutputsFn; // default forcePlateOutputs (src/core/forceplate)
  nanAsZero?: boolean; // default true
}

const SUFFIXES = ['ground_force_vx', 'ground_force_vy', 'ground_force_vz', 'ground_force_px', 'ground_force_py', 'ground_force_pz', 'ground_torque_x', 'ground_torque_y', 'ground_torque_z'];

/** The GRF table of a trial's plates (rows = analog samples). */
export function trialToGrfTable(trial: Trial, options: GrfMotOptions = {}): MotTable {
  if (trial.forcePlates.length === 0) throw new KinetwinError('cannot write GRF: the trial has no force plates');
  const outputsOf = options.plateOutputs ?? ((t: Trial, i: number) => forcePlateOutputs(t, i));
  const nanAsZero = options.nanAsZero ?? true;
  const plates = trial.forcePlates.map((_, i) => outputsOf(trial, i));
  const rate = plates[0].rate;
  const rows = plates[0].samples;
  if (!(rate > 0)) throw new KinetwinError(`cannot write GRF: analog rate ${rate} is not positive`);
  if (plates.some((p) => p.samples !== rows)) throw new KinetwinError('cannot write GRF: plates have different sample counts');
  const columns = ['time', ...plates.flatMap((_, k) => SUFFIXES.map((s) => `${k + 1}_${s}`))];
  const n = columns.length;
  const data = new Float64Array(rows * n); // rows × columns
  const extra = trial.metadata.extra ?? {};
  const pointRate = trial.points?.rate ?? rate;
  const start = typeof extra.startTime === 'number' ? extra.startTime : trial.points ? (trial.points.firstFrame - 1) / pointRate : 0;
  const clean = (v: number) => (nanAsZero && Number.isNaN(v) ? 0 : v);
  plates.forEach((p, k) => {
    const corners = trial.forcePlates[k].corners;
    const c = [0, 1, 2].map((a) => (corners[a] + corners[3 + a] + corners[6 + a] + corners[9 + a]) / 4); // plate surface centre, m
    const base = 1 + k * 9;
    for (let r = 0; r < rows; r++) {
      const o = r * n + base;
      const i = r * 3;
      const fx = p.force[i], fy = p.force[i + 1], fz = p.force[i + 2];
      const rx = p.cop[i] - c[0], ry = p.cop[i + 1] - c[1], rz = p.cop[i + 2] - c[2];
      data[o] = clean(fx); data[o + 1] = clean(fy); data[o + 2] = clean(fz);
      data[o + 3] = clean(p.cop[i]); data[o + 4] = clean(p.cop[i + 1]); data[o + 5] = clean(p.cop[i + 2]);
      data[o + 6] = clean(p.moment[i] - (ry * fz - rz * fy));
      data[o + 7] = clean(p.moment[i + 1] - (rz * fx - rx * fz));
      data[o + 8] = clean(p.moment[i + 2] - (rx * fy - ry * fx));
    }
  });
  for (let r = 0; r < rows; r++) data[r * n] = start + r / rate;
  return { name: options.name ?? 'grf', version: 1, inDegrees: false, columns, data, rows, header: { DataRate: String(rate) }, warnings: [] };
}

/** OpenSim GRF .mot text of a trial's plates. */
export function trialToGrfMot(trial: Trial, options: GrfMotOptions = {}): string {
  return writeMot(trialToGrfTable(trial, options), { version: 1 });
}
