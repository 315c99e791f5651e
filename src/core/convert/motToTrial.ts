// MOT/STO table → Trial: every column but time becomes an analog channel at the table's rate.
// GRF files (OpenSim layout, any of `ground_force_vx`, `1_ground_force_vx`, `ground_force_r_vx`,
// `R_ground_force_vx`, `…_ground_torque_x`) are grouped per plate in metadata.extra.grf; units N, m, N·m.

import { KinetwinError } from '../errors';
import type { Trial } from '../model/trial';
import { motColumn, motColumnValues, type MotTable } from '../formats/mot/table';
import { readMot } from '../formats/mot/read';
import { newAnalogData, newTrial } from './newTrial';

export interface GrfPlateColumns {
  plate: string; // the label part naming the plate or side ('' , '1', 'r', 'L' …)
  force: number[]; // analog channel indices of vx, vy, vz (-1 when absent)
  point: number[]; // px, py, pz (m)
  torque: number[]; // torque x, y, z (N·m)
}

const GRF = /^(?:([A-Za-z0-9]+)_)?ground_(force|torque)_(?:([A-Za-z0-9]+)_)?(v[xyz]|p[xyz]|[xyz])$/;

function unitOf(label: string, inDegrees: boolean): string {
  const m = GRF.exec(label);
  if (m) return m[2] === 'torque' ? 'N·m' : m[4].startsWith('p') ? 'm' : 'N';
  if (/_t[xyz]$/.test(label)) return 'm';
  return inDegrees ? 'deg' : 'rad';
}

/** Sample rate of a MOT table: DataRate when stated, else (rows − 1) / time span. */
export function motRate(table: MotTable): number {
  const stated = Number(table.header.DataRate);
  if (Number.isFinite(stated) && stated > 0) return stated;
  const t = motColumn(table, 'time');
  if (t < 0 || table.rows < 2) throw new KinetwinError('MOT table has no DataRate and too few time samples to derive one');
  const n = table.columns.length;
  const span = table.data[(table.rows - 1) * n + t] - table.data[t];
  if (!(span > 0)) throw new KinetwinError('MOT time column does not increase');
  return (table.rows - 1) / span;
}

/** Trial with the table's columns as analogs (upAxis 'y': OpenSim files are Y-up). */
export function motTableToTrial(table: MotTable): Trial {
  const rate = motRate(table);
  const warnings = [...table.warnings];
  const t = motColumn(table, 'time');
  const n = table.columns.length;
  const start = t >= 0 && table.rows > 0 ? table.data[t] : 0;
  if (t >= 0) {
    let worst = 0;
    for (let r = 0; r < table.rows; r++) worst = Math.max(worst, Math.abs(table.data[r * n + t] - (start + r / rate)));
    if (worst * rate > 0.5) warnings.push(`MOT time column is not uniformly sampled (off by up to ${worst.toPrecision(3)} s at ${rate.toPrecision(6)} Hz)`);
  }
  const labels: string[] = [];
  const channels: Float32Array[] = [];
  for (let c = 0; c < n; c++) {
    if (c === t) continue;
    labels.push(table.columns[c]);
    channels.push(Float32Array.from(motColumnValues(table, c)));
  }
  const plates = new Map<string, GrfPlateColumns>();
  labels.forEach((label, i) => {
    const m = GRF.exec(label);
    if (!m) return;
    const plate = m[1] ?? m[3] ?? '';
    const entry = plates.get(plate) ?? { plate, force: [-1, -1, -1], point: [-1, -1, -1], torque: [-1, -1, -1] };
    const axis = 'xyz'.indexOf(m[4].slice(-1));
    if (m[2] === 'torque') entry.torque[axis] = i; else if (m[4][0] === 'p') entry.point[axis] = i; else entry.force[axis] = i;
    plates.set(plate, entry);
  });
  const trial = newTrial(table.header.DataType ? 'sto' : 'mot', 'y', warnings);
  trial.analogs = newAnalogData(labels, labels.map((l) => unitOf(l, table.inDegrees)), rate, channels);
  trial.metadata.extra = { startTime: start, name: table.name, inDegrees: table.inDegrees, grf: [...plates.values()] };
  return trial;
}

/** Parse MOT/STO text or bytes straight into a Trial. */
export function motToTrial(input: string | Uint8Array | MotTable): Trial {
  return motTableToTrial(typeof input === 'string' || input instanceof Uint8Array ? readMot(input) : input);
}
