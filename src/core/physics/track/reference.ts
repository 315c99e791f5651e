// The reference a tracking simulation follows, precomputed once per motion: segment poses and velocities per frame,
// joint angle rates, and the whole-body external force the motion needs, F_req = Σ mᵢ(aᵢ − g) = M(a_CoM − g)
// (Newton's second law for the whole body), from central differences of the (already low-passed) frames.
// Between frames, sampleReference interpolates C¹-smoothly (cubic Hermite) so the PD velocity targets have no steps.
import type { BodyModel } from '../body/bodyModel.js';
import { poseSegments } from '../body/pose.js';
import type { MotionInput } from '../body/tracking.js';

const G = 9.81; // m/s²

export interface Reference {
  frames: number;
  rate: number; // Hz
  pose: Float64Array; // frames × segments × 7: CoM (m) and quaternion (x, y, z, w), lab frame
  linVel: Float64Array; // frames × segments × 3, m/s, segment CoM velocity
  angVel: Float64Array; // frames × segments × 3, rad/s, lab frame
  angleRate: Float64Array; // frames × joints × 3, deg/s, clinical sense
  com: Float64Array; // frames × 3, m, whole-body CoM
  requiredForce: Float64Array; // frames × 3, N: external force the motion needs, M(a_CoM − g)
  requiredMoment: Float64Array; // frames × 3, N·m: external moment about the CoM the motion needs, dL_CoM/dt
}

/** Angular momentum (kg·m²/s, lab) of segment s about point c: R·I·Rᵀ·ω + m (p − c) × v, added into out[0..2]. */
function addAngularMomentum(model: BodyModel, ref: { pose: Float64Array; linVel: Float64Array; angVel: Float64Array }, f: number, s: number, c: Float64Array, co: number, out: Float64Array, o: number): void {
  const ns = model.segments.length, seg = model.segments[s];
  const p = (f * ns + s) * 7, v = (f * ns + s) * 3;
  const x = ref.pose[p + 3], y = ref.pose[p + 4], z = ref.pose[p + 5], w = ref.pose[p + 6];
  // rotation matrix rows of q
  const R = [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w), 2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w), 2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)];
  const wl = [ref.angVel[v], ref.angVel[v + 1], ref.angVel[v + 2]];
  const wb = [0, 1, 2].map((i) => (R[i] * wl[0] + R[3 + i] * wl[1] + R[6 + i] * wl[2]) * seg.inertia[i]); // I·Rᵀω
  const d = [ref.pose[p] - c[co], ref.pose[p + 1] - c[co + 1], ref.pose[p + 2] - c[co + 2]];
  const lv = [ref.linVel[v], ref.linVel[v + 1], ref.linVel[v + 2]];
  for (let i = 0; i < 3; i++) out[o + i] += R[3 * i] * wb[0] + R[3 * i + 1] * wb[1] + R[3 * i + 2] * wb[2];
  out[o] += seg.mass * (d[1] * lv[2] - d[2] * lv[1]);
  out[o + 1] += seg.mass * (d[2] * lv[0] - d[0] * lv[2]);
  out[o + 2] += seg.mass * (d[0] * lv[1] - d[1] * lv[0]);
}

/** Angular velocity (rad/s, lab) taking unit quaternion a to b in dt s: 2·vec(b ⊗ conj(a)) / dt, short arc. */
function angularVelocity(q: Float64Array, a: number, b: number, dt: number, out: Float64Array, o: number): void {
  const ax = q[a], ay = q[a + 1], az = q[a + 2], aw = q[a + 3];
  const bx = q[b], by = q[b + 1], bz = q[b + 2], bw = q[b + 3];
  // r = b ⊗ conj(a)
  const rw = bw * aw + bx * ax + by * ay + bz * az;
  const rx = -bw * ax + bx * aw - by * az + bz * ay;
  const ry = -bw * ay + by * aw - bz * ax + bx * az;
  const rz = -bw * az + bz * aw - bx * ay + by * ax;
  const s = rw < 0 ? -2 / dt : 2 / dt;
  out[o] = s * rx; out[o + 1] = s * ry; out[o + 2] = s * rz;
}

/** Central difference (one-sided at the ends) of channel k of a frames × w array, per second. */
function rate(x: Float64Array, w: number, k: number, f: number, n: number, hz: number): number {
  const a = Math.max(f - 1, 0), b = Math.min(f + 1, n - 1);
  return ((x[b * w + k] - x[a * w + k]) * hz) / (b - a);
}

/** Precomputes the reference of a checked motion (see MotionInput) for a body model. */
export function buildReference(model: BodyModel, m: MotionInput): Reference {
  const n = m.frames, ns = model.segments.length, J = model.joints.length, hz = m.rate;
  const pose = new Float64Array(n * ns * 7);
  for (let f = 0; f < n; f++) {
    poseSegments(model, m.jointAnglesDeg.subarray(f * J * 3, (f + 1) * J * 3), m.rootPosition.subarray(f * 3, f * 3 + 3),
      m.rootQuaternion.subarray(f * 4, f * 4 + 4), pose.subarray(f * ns * 7, (f + 1) * ns * 7));
  }
  // keep every segment's quaternion sign-continuous so interpolation takes the short arc
  for (let f = 1; f < n; f++) {
    for (let s = 0; s < ns; s++) {
      const o = (f * ns + s) * 7 + 3, p = o - ns * 7;
      if (pose[o] * pose[p] + pose[o + 1] * pose[p + 1] + pose[o + 2] * pose[p + 2] + pose[o + 3] * pose[p + 3] < 0) for (let k = 0; k < 4; k++) pose[o + k] = -pose[o + k];
    }
  }
  const linVel = new Float64Array(n * ns * 3), angVel = new Float64Array(n * ns * 3);
  for (let f = 0; f < n; f++) {
    const a = Math.max(f - 1, 0), b = Math.min(f + 1, n - 1);
    for (let s = 0; s < ns; s++) {
      for (let k = 0; k < 3; k++) linVel[(f * ns + s) * 3 + k] = ((pose[(b * ns + s) * 7 + k] - pose[(a * ns + s) * 7 + k]) * hz) / (b - a);
      angularVelocity(pose, (a * ns + s) * 7 + 3, (b * ns + s) * 7 + 3, (b - a) / hz, angVel, (f * ns + s) * 3);
    }
  }
  const angleRate = new Float64Array(n * J * 3);
  for (let f = 0; f < n; f++) for (let k = 0; k < J * 3; k++) angleRate[f * J * 3 + k] = rate(m.jointAnglesDeg, J * 3, k, f, n, hz);
  const com = new Float64Array(n * 3);
  for (let f = 0; f < n; f++) {
    for (let s = 0; s < ns; s++) for (let k = 0; k < 3; k++) com[f * 3 + k] += model.segments[s].mass * pose[(f * ns + s) * 7 + k];
    for (let k = 0; k < 3; k++) com[f * 3 + k] /= model.mass;
  }
  const requiredForce = new Float64Array(n * 3);
  for (let f = 0; f < n; f++) {
    const c = Math.min(Math.max(f, 1), n - 2); // second difference centred inside the record
    for (let k = 0; k < 3; k++) {
      const acc = n >= 3 ? (com[(c + 1) * 3 + k] - 2 * com[c * 3 + k] + com[(c - 1) * 3 + k]) * hz * hz : 0;
      requiredForce[f * 3 + k] = model.mass * (acc + (k === 1 ? G : 0));
    }
  }
  const L = new Float64Array(n * 3); // frames × 3, kg·m²/s, whole-body angular momentum about the CoM
  for (let f = 0; f < n; f++) for (let s = 0; s < ns; s++) addAngularMomentum(model, { pose, linVel, angVel }, f, s, com, f * 3, L, f * 3);
  const requiredMoment = new Float64Array(n * 3);
  for (let f = 0; f < n; f++) for (let k = 0; k < 3; k++) requiredMoment[f * 3 + k] = rate(L, 3, k, f, n, hz);
  return { frames: n, rate: hz, pose, linVel, angVel, angleRate, com, requiredForce, requiredMoment };
}

/** Cubic Hermite between p0 and p1 with slopes v0, v1 (per second) over h s at u ∈ [0, 1]. */
export function hermite(p0: number, v0: number, p1: number, v1: number, h: number, u: number): number {
  const u2 = u * u, u3 = u2 * u;
  return (2 * u3 - 3 * u2 + 1) * p0 + (u3 - 2 * u2 + u) * h * v0 + (-2 * u3 + 3 * u2) * p1 + (u3 - u2) * h * v1;
}

/** Frame index f0 and fraction u ∈ [0, 1) of time t (s), clamped to the record. */
export function frameAt(ref: Reference, t: number): [number, number] {
  const x = Math.min(Math.max(t * ref.rate, 0), ref.frames - 1 - 1e-9);
  const f0 = Math.floor(x);
  return [f0, x - f0];
}

/**
 * Joint-angle targets (deg, joints × 3) and their rates (deg/s) at time t from the motion frames, Hermite-smooth.
 * Allocation-free.
 */
export function sampleAngles(ref: Reference, m: MotionInput, t: number, angles: Float64Array, rates: Float64Array): void {
  const [f0, u] = frameAt(ref, t);
  const w = angles.length, h = 1 / ref.rate, A = m.jointAnglesDeg, R = ref.angleRate;
  for (let k = 0; k < w; k++) {
    const a = f0 * w + k, b = a + w;
    angles[k] = hermite(A[a], R[a], A[b], R[b], h, u);
    rates[k] = (1 - u) * R[a] + u * R[b];
  }
}

/**
 * Segment s of the reference at time t: CoM (m) and velocity (m/s) Hermite-smooth, orientation by normalised lerp,
 * angular velocity (rad/s) linear; into out[0..12] laid out like BodyWorld.state. Allocation-free.
 */
export function sampleSegment(ref: Reference, s: number, t: number, out: Float64Array): void {
  const [f0, u] = frameAt(ref, t);
  const ns = ref.pose.length / (ref.frames * 7), h = 1 / ref.rate;
  const pa = (f0 * ns + s) * 7, pb = pa + ns * 7, va = (f0 * ns + s) * 3, vb = va + ns * 3;
  for (let k = 0; k < 3; k++) {
    out[k] = hermite(ref.pose[pa + k], ref.linVel[va + k], ref.pose[pb + k], ref.linVel[vb + k], h, u);
    out[7 + k] = (1 - u) * ref.linVel[va + k] + u * ref.linVel[vb + k];
    out[10 + k] = (1 - u) * ref.angVel[va + k] + u * ref.angVel[vb + k];
  }
  let nq = 0;
  for (let k = 0; k < 4; k++) { out[3 + k] = (1 - u) * ref.pose[pa + 3 + k] + u * ref.pose[pb + 3 + k]; nq += out[3 + k] * out[3 + k]; }
  nq = 1 / Math.sqrt(nq);
  for (let k = 0; k < 4; k++) out[3 + k] *= nq;
}

/** Required whole-body force (N, 3) at time t, linear between frames, into out[0..2]. */
export function sampleRequiredForce(ref: Reference, t: number, out: Float64Array): void {
  const [f0, u] = frameAt(ref, t);
  for (let k = 0; k < 3; k++) out[k] = (1 - u) * ref.requiredForce[f0 * 3 + k] + u * ref.requiredForce[(f0 + 1) * 3 + k];
}
