// Inverse dynamics by the recursive Newton–Euler method, from the leaves to the root (bottom-up from the
// force plates for the legs; Winter 2009, Biomechanics and Motor Control of Human Movement, ch. 5):
// for each segment, F = m(a − g) + Σ F_children − F_ext and
// M = I·α + ω × I·ω − (p − c) × F + Σ [M_k + (p_k − c) × F_k] − (r_ext − c) × F_ext − T_ext,
// F and M being what the parent exerts on the segment at its joint centre p. Kinematics come from the
// coordinates low-pass filtered (zero-lag Butterworth) and differentiated (segmentMotion.ts).
import { KinetwinError } from '../errors';
import { butterworthFiltFilt } from '../signal';
import type { BodyModel } from './model';
import { segmentMotion } from './segmentMotion';
import type { Vec3 } from './mat3';

export interface ExternalLoad {
  segment: string; // segment the load acts on, e.g. 'foot_r'
  force: Float64Array; // frames × 3, N, model lab frame (Y up)
  point?: Float64Array; // frames × 3, m, point of application (e.g. centre of pressure); lab origin if absent
  moment?: Float64Array; // frames × 3, N·m, free moment (plus any moment about `point`)
}

export interface InverseDynamicsOptions {
  loads: ExternalLoad[]; // sampled at the coordinates' frames
  cutoffHz?: number | null; // low-pass of coordinates and loads before differentiation, default 6; null = none
  gravity?: Vec3; // m/s², default [0, −9.81, 0]
  normalise?: boolean; // divide moments, forces and powers by body mass, default true
}

export interface InverseDynamicsResult {
  frames: number;
  unitsPerKg: boolean;
  jointNames: string[]; // non-root joints, model segment order
  moments: Float64Array; // frames × joints × 3, N·m(/kg): net moment of the proximal on the distal segment, proximal segment axes
  forces: Float64Array; // frames × joints × 3, N(/kg): joint reaction force on the distal segment, proximal segment axes
  powers: Float64Array; // frames × joints, W(/kg): M · (ω_distal − ω_proximal)
  coordinateNames: string[];
  generalizedForces: Float64Array; // frames × coordinates, N·m(/kg) or N(/kg) along each coordinate (root: residuals)
  warnings: string[];
}

function filterColumns(src: Float64Array, width: number, rate: number, cutoff: number): Float64Array {
  const frames = src.length / width, out = new Float64Array(src.length), col = new Float64Array(frames);
  for (let k = 0; k < width; k++) {
    for (let f = 0; f < frames; f++) col[f] = src[f * width + k];
    const y = butterworthFiltFilt(col, rate, cutoff);
    for (let f = 0; f < frames; f++) out[f * width + k] = y[f];
  }
  return out;
}

const cross = (a: Float64Array | number[], b: Float64Array | number[], out: Float64Array, o: number, sign = 1) => {
  out[o] += sign * (a[1] * b[2] - a[2] * b[1]);
  out[o + 1] += sign * (a[2] * b[0] - a[0] * b[2]);
  out[o + 2] += sign * (a[0] * b[1] - a[1] * b[0]);
};

export function inverseDynamics(model: BodyModel, coordinates: Float64Array, rate: number, options: InverseDynamicsOptions): InverseDynamicsResult {
  const n = model.coordinates.length, ns = model.segments.length;
  if (coordinates.length % n !== 0) throw new KinetwinError(`coordinates must be frames × ${n}`);
  if (!(rate > 0)) throw new KinetwinError(`rate must be positive, got ${rate}`);
  const frames = coordinates.length / n;
  if (frames < 3) throw new KinetwinError('inverse dynamics needs at least 3 frames');
  const cutoff = options.cutoffHz === undefined ? 6 : options.cutoffHz;
  if (cutoff !== null && !(cutoff > 0 && cutoff < rate / 2)) throw new KinetwinError(`cutoff must be between 0 and ${rate / 2} Hz`);
  const g = options.gravity ?? [0, -9.81, 0];
  const per = options.normalise === false ? 1 : 1 / model.massKg;
  const loads = options.loads.map((l) => {
    const s = model.segments.findIndex((x) => x.name === l.segment);
    if (s < 0) throw new KinetwinError(`external load on unknown segment ${l.segment}`);
    for (const [name, a] of [['force', l.force], ['point', l.point], ['moment', l.moment]] as const)
      if (a && a.length !== frames * 3) throw new KinetwinError(`external load ${name} on ${l.segment} must be frames × 3 (${frames * 3} values)`);
    const smooth = (a: Float64Array | undefined) => (a && cutoff !== null ? filterColumns(a, 3, rate, cutoff) : a);
    return { s, force: smooth(l.force)!, point: smooth(l.point), moment: smooth(l.moment) };
  });
  // Coordinates never determined (e.g. wrists without hand markers) are held at 0 so their segments still
  // count as rigidly attached masses.
  const warnings: string[] = [];
  const held: string[] = [];
  let input = coordinates;
  for (let c = 0; c < n; c++) {
    let any = false;
    for (let f = 0; f < frames && !any; f++) any = Number.isFinite(coordinates[f * n + c]);
    if (any) continue;
    if (input === coordinates) input = Float64Array.from(coordinates);
    for (let f = 0; f < frames; f++) input[f * n + c] = 0;
    held.push(model.coordinates[c].name);
  }
  if (held.length) warnings.push(`coordinates with no value in any frame held at 0: ${held.join(', ')}`);
  const q = cutoff !== null ? filterColumns(input, n, rate, cutoff) : input;
  const mo = segmentMotion(model, q, rate);
  const joints = model.segments.map((_, i) => i).filter((i) => i > 0);
  const nj = joints.length;
  const moments = new Float64Array(frames * nj * 3), forces = new Float64Array(frames * nj * 3), powers = new Float64Array(frames * nj);
  const gen = new Float64Array(frames * n);
  const F = new Float64Array(ns * 3), M = new Float64Array(ns * 3);
  const Iw = new Float64Array(9), Iomega = new Float64Array(3), tmp = new Float64Array(3), r = new Float64Array(3);
  for (let f = 0; f < frames; f++) {
    F.fill(0);
    M.fill(0);
    for (let s = ns - 1; s >= 0; s--) {
      const seg = model.segments[s], b = (f * ns + s) * 3, R = mo.R.subarray((f * ns + s) * 9, (f * ns + s) * 9 + 9);
      const c = mo.com.subarray(b, b + 3), p = mo.origin.subarray(b, b + 3), w = mo.omega.subarray(b, b + 3);
      // Children's joint loads were accumulated into F[s], M[s] (about the lab origin) below.
      for (let k = 0; k < 3; k++) F[s * 3 + k] += seg.massKg * (mo.acc[b + k] - g[k]);
      // I in the lab: R·diag(I)·Rᵀ
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) Iw[i * 3 + j] = R[i * 3] * seg.inertia[0] * R[j * 3] + R[i * 3 + 1] * seg.inertia[1] * R[j * 3 + 1] + R[i * 3 + 2] * seg.inertia[2] * R[j * 3 + 2];
      for (let i = 0; i < 3; i++) Iomega[i] = Iw[i * 3] * w[0] + Iw[i * 3 + 1] * w[1] + Iw[i * 3 + 2] * w[2];
      // Moment about the lab origin needed: d/dt H_c + c × m(a − g)
      tmp.fill(0);
      cross(w, Iomega, tmp, 0);
      for (let i = 0; i < 3; i++) M[s * 3 + i] += Iw[i * 3] * mo.alpha[b] + Iw[i * 3 + 1] * mo.alpha[b + 1] + Iw[i * 3 + 2] * mo.alpha[b + 2] + tmp[i];
      for (let k = 0; k < 3; k++) r[k] = seg.massKg * (mo.acc[b + k] - g[k]);
      cross(c, r, M, s * 3);
      for (const l of loads) {
        if (l.s !== s) continue;
        const fx = l.force.subarray(f * 3, f * 3 + 3);
        for (let k = 0; k < 3; k++) F[s * 3 + k] -= fx[k];
        if (l.point) cross(l.point.subarray(f * 3, f * 3 + 3), fx, M, s * 3, -1);
        if (l.moment) for (let k = 0; k < 3; k++) M[s * 3 + k] -= l.moment[f * 3 + k];
      }
      // F[s], M[s] (about the origin) are now what the parent exerts; pass them on to the parent.
      const parent = seg.parent;
      if (parent >= 0) for (let k = 0; k < 3; k++) { F[parent * 3 + k] += F[s * 3 + k]; M[parent * 3 + k] += M[s * 3 + k]; }
      // Moment about the joint centre p: M_p = M_O − p × F
      const Mp = [M[s * 3], M[s * 3 + 1], M[s * 3 + 2]];
      Mp[0] -= p[1] * F[s * 3 + 2] - p[2] * F[s * 3 + 1];
      Mp[1] -= p[2] * F[s * 3] - p[0] * F[s * 3 + 2];
      Mp[2] -= p[0] * F[s * 3 + 1] - p[1] * F[s * 3];
      if (s > 0) {
        const j = s - 1, pr = model.segments[s].parent, Rp = mo.R.subarray((f * ns + pr) * 9, (f * ns + pr) * 9 + 9);
        const o = (f * nj + j) * 3;
        for (let i = 0; i < 3; i++) {
          moments[o + i] = (Rp[i] * Mp[0] + Rp[3 + i] * Mp[1] + Rp[6 + i] * Mp[2]) * per;
          forces[o + i] = (Rp[i] * F[s * 3] + Rp[3 + i] * F[s * 3 + 1] + Rp[6 + i] * F[s * 3 + 2]) * per;
        }
        const bp = (f * ns + pr) * 3;
        powers[f * nj + j] = (Mp[0] * (w[0] - mo.omega[bp]) + Mp[1] * (w[1] - mo.omega[bp + 1]) + Mp[2] * (w[2] - mo.omega[bp + 2])) * per;
      }
      // Generalized force of each DOF: its lab axis · joint moment (rotation) or · joint force (translation).
      for (const ci of seg.coordinates) {
        const a = (f * n + ci) * 3, load = model.coordKind[ci] === 0 ? Mp : [F[s * 3], F[s * 3 + 1], F[s * 3 + 2]];
        gen[f * n + ci] = (mo.dofAxis[a] * load[0] + mo.dofAxis[a + 1] * load[1] + mo.dofAxis[a + 2] * load[2]) * per;
      }
    }
  }
  return {
    frames, unitsPerKg: per !== 1, jointNames: joints.map((s) => model.segments[s].joint), moments, forces, powers,
    coordinateNames: model.coordinates.map((c) => c.name), generalizedForces: gen, warnings,
  };
}
