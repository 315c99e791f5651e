// Force, moment, centre of pressure and free moment of a C3D force plate, in the lab frame, for plate types
// 1 (Fx Fy Fz COPx COPy Tz), 2 (Fx Fy Fz Mx My Mz), 3 (Kistler 8-channel) and 4 (6 channels × CAL_MATRIX).
// Conventions follow ezc3d's ForcePlatforms (pyomeca/ezc3d): moments are taken about the centre of the plate
// surface; ORIGIN is the vector from the plate centre to the sensor origin, in plate axes, with its z made ≤ 0
// (Vicon/AMTI files store it positive, c3d.org sample02/26/27 readmes). Type 3 uses Kistler's formulas
// (Kistler "Multicomponent force plate" manual: Mx = b(fz1+fz2−fz3−fz4), My = a(−fz1+fz2+fz3−fz4), …).
import type { Trial } from '../model/trial';
import { KinetwinError } from '../errors';
import { plateFrame } from './plateFrame';
import { forceFactor, lengthFactor, momentFactor } from './channelUnits';
import { lengthUnitsPerMetre } from '../formats/c3d/units';

export interface ForcePlateOutputs {
  rate: number; // Hz (analog rate)
  samples: number;
  force: Float64Array; // samples × 3, N, lab frame: R · F_plate (for C3D corner order, the ground reaction)
  moment: Float64Array; // samples × 3, N·m, lab frame, about the centre of the plate surface
  cop: Float64Array; // samples × 3, m, lab frame; NaN while |Fz| < threshold
  freeMoment: Float64Array; // samples, N·m, about the plate normal at the COP; NaN while |Fz| < threshold
}

export interface ForcePlateOptions {
  copThreshold?: number; // N of vertical (plate z) force below which COP and free moment are NaN; default 10
}

export function forcePlateOutputs(trial: Trial, plateIndex: number, options: ForcePlateOptions = {}): ForcePlateOutputs {
  const plate = trial.forcePlates[plateIndex];
  if (!plate) throw new KinetwinError(`no force plate ${plateIndex} (the trial has ${trial.forcePlates.length})`);
  const analogs = trial.analogs;
  if (!analogs) throw new KinetwinError('force plate outputs need analog channels');
  const needed = plate.type === 3 ? 8 : 6;
  if (plate.channels.length < needed || plate.channels.some((c) => c < 0 || c >= analogs.channels.length)) {
    throw new KinetwinError(`force plate ${plateIndex + 1} refers to missing analog channels`);
  }
  if (plate.type === 4 && !plate.calMatrix) throw new KinetwinError(`type-4 force plate ${plateIndex + 1} has no CAL_MATRIX`);
  const threshold = options.copThreshold ?? 10;
  const lengthPerMetre = lengthUnitsPerMetre(trial.points?.originalUnits ?? 'mm') ?? 1000;
  const { rotation: R, centre } = plateFrame(plate.corners);
  const o = Array.from(plate.origin);
  if (o[2] > 0) for (let k = 0; k < 3; k++) o[k] = -o[k];
  const ch = plate.channels.map((c) => analogs.channels[c]);
  const units = plate.channels.map((c) => analogs.units[c] ?? '');
  const factor = channelFactors(plate.type, units, lengthPerMetre);
  const n = analogs.samples;
  const out: ForcePlateOutputs = {
    rate: analogs.rate,
    samples: n,
    force: new Float64Array(n * 3),
    moment: new Float64Array(n * 3),
    cop: new Float64Array(n * 3),
    freeMoment: new Float64Array(n),
  };
  const raw = new Float64Array(8);
  const F = new Float64Array(3); // plate frame, N
  const M = new Float64Array(3); // plate frame, N·m, about the surface centre
  const cal = plate.calMatrix;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < needed; k++) raw[k] = ch[k][i] * factor[k];
    if (plate.type === 1) {
      // COP (x, y) on the surface relative to the centre, free moment Tz: M = p × F + Tz·ẑ
      F[0] = raw[0];
      F[1] = raw[1];
      F[2] = raw[2];
      const px = raw[3];
      const py = raw[4];
      M[0] = py * F[2];
      M[1] = -px * F[2];
      M[2] = px * F[1] - py * F[0] + raw[5];
    } else if (plate.type === 3) {
      // Kistler: fx12 fx34 fy14 fy23 fz1 fz2 fz3 fz4; a, b sensor offsets and az0 from ORIGIN
      const a = o[0];
      const b = o[1];
      F[0] = raw[0] + raw[1];
      F[1] = raw[2] + raw[3];
      F[2] = raw[4] + raw[5] + raw[6] + raw[7];
      M[0] = b * (raw[4] + raw[5] - raw[6] - raw[7]) + F[1] * o[2];
      M[1] = a * (-raw[4] + raw[5] + raw[6] - raw[7]) - F[0] * o[2];
      M[2] = b * (raw[1] - raw[0]) + a * (raw[2] - raw[3]);
    } else {
      if (plate.type === 4 && cal) {
        for (let r = 0; r < 6; r++) {
          let s = 0;
          for (let c = 0; c < 6; c++) s += cal[r * 6 + c] * raw[c];
          if (r < 3) F[r] = s;
          else M[r - 3] = s / lengthPerMetre; // CAL_MATRIX moments come out in N·(point units)
        }
      } else {
        F[0] = raw[0];
        F[1] = raw[1];
        F[2] = raw[2];
        M[0] = raw[3];
        M[1] = raw[4];
        M[2] = raw[5];
      }
      // moment about the surface centre: M_c = M_o + F × o (o: centre → sensor origin, z ≤ 0)
      const mx = M[0] + F[1] * o[2] - F[2] * o[1];
      const my = M[1] + F[2] * o[0] - F[0] * o[2];
      const mz = M[2] + F[0] * o[1] - F[1] * o[0];
      M[0] = mx;
      M[1] = my;
      M[2] = mz;
    }
    let px = NaN;
    let py = NaN;
    let tz = NaN;
    if (Math.abs(F[2]) >= threshold) {
      px = -M[1] / F[2];
      py = M[0] / F[2];
      tz = M[2] - (px * F[1] - py * F[0]);
    }
    for (let r = 0; r < 3; r++) {
      out.force[i * 3 + r] = R[r * 3] * F[0] + R[r * 3 + 1] * F[1] + R[r * 3 + 2] * F[2];
      out.moment[i * 3 + r] = R[r * 3] * M[0] + R[r * 3 + 1] * M[1] + R[r * 3 + 2] * M[2];
      out.cop[i * 3 + r] = centre[r] + R[r * 3] * px + R[r * 3 + 1] * py;
    }
    out.freeMoment[i] = tz;
  }
  return out;
}

/** Per-channel factor to SI (N, N·m, m) for the plate type's channel meanings. */
function channelFactors(type: number, units: string[], lengthPerMetre: number): number[] {
  if (type === 3) return units.map((u) => forceFactor(u));
  if (type === 4) return units.map(() => 1); // CAL_MATRIX maps the channels as stored
  if (type === 1) return [forceFactor(units[0]), forceFactor(units[1]), forceFactor(units[2]), lengthFactor(units[3], lengthPerMetre), lengthFactor(units[4], lengthPerMetre), momentFactor(units[5], lengthPerMetre)];
  return [forceFactor(units[0]), forceFactor(units[1]), forceFactor(units[2]), momentFactor(units[3], lengthPerMetre), momentFactor(units[4], lengthPerMetre), momentFactor(units[5], lengthPerMetre)];
}
