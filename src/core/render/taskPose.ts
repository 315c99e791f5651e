// The pose a rendered cohort sample shows: for drop-landing and CMJ, the instant of peak vertical GRF in the
// sample's series (MOT columns ground_force_vy_bw, hip_flexion_r, knee_angle_r, ankle_angle_r, degrees, flexion
// and dorsiflexion positive; *_l and lumbar_flexion used when present), applied to both sides of the full-body
// model (the physics series hold the right side only and no lumbar angle today); the body is then set on the ground.
// For gait, the sample's MOT holds every model coordinate: the pose at any time is read (interpolated) from it.
import { KinetwinError } from '../errors';
import { motColumn, type MotTable } from '../formats/mot/table';
import type { BodyModel } from '../twin/model';
import { bodyGeometry, type BodyGeometry } from './body';

export interface LegAngles {
  time: number; // s, within the series
  grfBw: number; // vertical GRF at that instant, body weights
  hipDeg: number; // flexion +
  kneeDeg: number; // flexion +
  ankleDeg: number; // dorsiflexion +
  left?: { hipDeg: number; kneeDeg: number; ankleDeg: number }; // when the series has left-side columns (else mirrored)
  lumbarDeg?: number; // trunk flexion + (column lumbar_flexion), when the series has it (else neutral)
}

const DEG = Math.PI / 180;

/** Leg angles (deg, also from a radian MOT) at the row of maximal vertical GRF (first one on ties); throws when a column is missing. */
export function peakGrfAngles(t: MotTable): LegAngles {
  const n = t.columns.length;
  const idx = ['time', 'ground_force_vy_bw', 'hip_flexion_r', 'knee_angle_r', 'ankle_angle_r'].map((c) => {
    const i = motColumn(t, c);
    if (i < 0) throw new KinetwinError(`sample series has no ${c} column: cannot pose the rendered body`);
    return i;
  });
  if (t.rows < 1) throw new KinetwinError('sample series is empty: cannot pose the rendered body');
  let best = -1, peak = -Infinity;
  for (let r = 0; r < t.rows; r++) {
    const f = t.data[r * n + idx[1]];
    if (f > peak) { peak = f; best = r; }
  }
  if (best < 0) throw new KinetwinError('sample series has no finite vertical GRF');
  const at = (c: number) => t.data[best * n + idx[c]];
  const deg = t.inDegrees ? 1 : 180 / Math.PI;
  const opt = (name: string) => { const c = motColumn(t, name); return c < 0 ? undefined : t.data[best * n + c] * deg; };
  const out: LegAngles = { time: at(0), grfBw: peak, hipDeg: at(2) * deg, kneeDeg: at(3) * deg, ankleDeg: at(4) * deg };
  const [hl, kl, al, lumbar] = ['hip_flexion_l', 'knee_angle_l', 'ankle_angle_l', 'lumbar_flexion'].map(opt);
  if (hl !== undefined && kl !== undefined && al !== undefined) out.left = { hipDeg: hl, kneeDeg: kl, ankleDeg: al };
  if (lumbar !== undefined) out.lumbarDeg = lumbar;
  return out;
}

/** Coordinates with hip/knee/ankle flexion set on both sides and lumbar flexion when known (others as `neutral`), clamped to the ROM. */
export function legPose(model: BodyModel, neutral: ArrayLike<number>, a: LegAngles): Float64Array {
  const q = Float64Array.from(neutral);
  const set = (name: string, deg: number) => {
    const j = model.coordinates.findIndex((c) => c.name === name);
    if (j < 0) throw new KinetwinError(`body model has no coordinate ${name}`);
    const c = model.coordinates[j];
    q[j] = Math.min(c.max, Math.max(c.min, deg * DEG));
  };
  for (const side of ['r', 'l']) {
    const leg = side === 'l' && a.left ? a.left : a;
    set(`hip_flexion_${side}`, leg.hipDeg);
    set(`knee_flexion_${side}`, leg.kneeDeg);
    set(`ankle_dorsiflexion_${side}`, leg.ankleDeg);
  }
  if (a.lumbarDeg !== undefined) set('lumbar_extension', -a.lumbarDeg); // the model's lumbar coordinate is extension +
  return q;
}

/** Lowers or raises the pelvis (pelvis_ty, m) so the lowest capsule surface touches y = 0; returns the geometry there. */
export function groundBody(model: BodyModel, q: Float64Array, heightM: number, girth = 1): BodyGeometry {
  const ty = model.coordinates.findIndex((c) => c.name === 'pelvis_ty');
  if (ty < 0) throw new KinetwinError('body model has no pelvis_ty coordinate');
  let lowest = Infinity;
  for (const c of bodyGeometry(model, q, heightM, undefined, girth).capsules) lowest = Math.min(lowest, c.a[1] - c.radius, c.b[1] - c.radius);
  q[ty] -= lowest;
  return bodyGeometry(model, q, heightM, undefined, girth);
}

/**
 * Coordinates at time `t` (s) from a MOT holding model coordinates by name (OpenSim `analyze kinematics` columns:
 * rotations in degrees when inDegrees, translations in m), linear between rows, clamped to the series' ends;
 * coordinates the MOT lacks keep `neutral`.
 */
export function motPose(model: BodyModel, neutral: ArrayLike<number>, t: MotTable, time: number): Float64Array {
  const n = t.columns.length, tc = motColumn(t, 'time');
  if (tc < 0 || t.rows < 1) throw new KinetwinError('joint-angle series has no time column or no rows');
  let r = 0;
  while (r + 1 < t.rows && t.data[(r + 1) * n + tc] <= time) r++;
  const r1 = Math.min(t.rows - 1, r + 1), t0 = t.data[r * n + tc], t1 = t.data[r1 * n + tc];
  const w = r1 > r && t1 > t0 ? Math.min(1, Math.max(0, (time - t0) / (t1 - t0))) : 0;
  const q = Float64Array.from(neutral);
  model.coordinates.forEach((c, j) => {
    const col = motColumn(t, c.name);
    if (col < 0) return;
    const v = t.data[r * n + col] * (1 - w) + t.data[r1 * n + col] * w;
    q[j] = c.kind === 'rotation' && t.inDegrees ? v * DEG : v;
  });
  return q;
}

/** Times (s) of the frames a series of `duration` s shows at `fps`: 0, 1/fps, … up to `cap` frames. */
export function frameTimes(duration: number, fps: number, cap: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < cap && i / fps <= duration + 1e-9; i++) out.push(i / fps);
  return out;
}
