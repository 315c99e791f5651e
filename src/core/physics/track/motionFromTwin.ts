// The adapter from the twin's inverse kinematics to the physics body's MotionInput. Both labs are Y up, X anterior,
// Z right (OpenSim / ISB), so no axis swap: each physics segment takes the orientation of the twin segment of the
// same name relative to its neutral standing frame (R_s(q)·R_s(0)ᵀ), and each physics joint angle is the ISB Z-X-Y
// Cardan decomposition of child relative to parent (Wu et al. 2002 J Biomech 35:543) turned into the physics
// clinical sense (flexionSign, left-side mirroring). Going through segment orientations instead of coordinate
// names makes every twin sign convention (e.g. lumbar_extension about −Z) come out right by construction.
import { KinetwinError } from '../../errors.js';
import { butterworthFiltFilt } from '../../signal/butterworthFiltFilt.js';
import { createKinematicsData, forwardKinematics } from '../../twin/forwardKinematics.js';
import type { BodyModel as TwinModel } from '../../twin/model.js';
import type { BodyModel } from '../body/bodyModel.js';
import { DEFAULT_FOOT_CONTACT } from '../body/footContact.js';
import { cardanZXY, matrixToQuat } from '../body/jointAngles.js';
import { lowestPoint, poseSegments, qrot } from '../body/pose.js';
import type { MotionInput } from '../body/tracking.js';
import type { GroundWrench } from './rootResidual.js';
import { fillGaps } from './fillGaps.js';

const DEG = 180 / Math.PI;

export interface TwinMotionOptions {
  firstFrame?: number; // 0-based, default 0 (with neither bound: the longest stretch with the pelvis determined)
  lastFrame?: number; // 0-based inclusive, default the last
  cutoffHz?: number; // zero-lag Butterworth low-pass of angles and root pose (default 6 Hz; 0 = none)
  sinkM?: number; // m the median lowest point is put below the ground (default the pads' static deflection under 1 BW)
  measuredGrfN?: Float64Array; // IK frames, total vertical GRF, N (NaN where unknown); cut to the same frames
  measuredGrf?: GroundWrench; // IK frames × 3, twin lab: total ground force and moment about the origin; cut and moved with the motion
}

export interface TwinMotion {
  motion: MotionInput;
  firstFrame: number; // 0-based trial frame of motion frame 0
  groundOffsetM: number; // m subtracted from the root height so the median lowest body point is on the ground
  warnings: string[];
}

/** Twin segment index for each physics segment (names compared case-insensitively: upperArm_r ↔ upperarm_r). */
function segmentMap(twin: TwinModel, body: BodyModel): Int32Array {
  return Int32Array.from(body.segments, (s) => {
    const i = twin.segments.findIndex((t) => t.name.toLowerCase() === s.name.toLowerCase());
    if (i < 0) throw new KinetwinError(`twin model has no segment '${s.name}' for the physics body`);
    return i;
  });
}

/** [first, last] frames of the longest run where every root (pelvis) coordinate is finite; [0, −1] if none. */
function longestRootRun(twin: TwinModel, q: Float64Array, nc: number, frames: number): [number, number] {
  const root = twin.coordinates.map((c, i) => (c.segment === 0 ? i : -1)).filter((i) => i >= 0);
  let best: [number, number] = [0, -1], start = -1;
  for (let f = 0; f <= frames; f++) {
    const ok = f < frames && root.every((c) => Number.isFinite(q[f * nc + c]));
    if (ok && start < 0) start = f;
    if (!ok && start >= 0) {
      if (f - 1 - start > best[1] - best[0]) best = [start, f - 1];
      start = -1;
    }
  }
  return best;
}

/** Median of the finite values (NaN when none). */
function median(v: Float64Array): number {
  const s = Array.from(v).filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Median horizontal (x, z) velocity, m/s, of the lower foot over frames where the same foot stays lower. */
function stanceVelocity(pos: Float64Array, side: Int8Array, n: number, rate: number): [number, number] {
  const vx = new Float64Array(n), vz = new Float64Array(n).fill(NaN);
  vx.fill(NaN);
  for (let f = 1; f < n - 1; f++) {
    if (side[f] === 0 || side[f - 1] !== side[f] || side[f + 1] !== side[f]) continue;
    vx[f] = ((pos[(f + 1) * 2] - pos[(f - 1) * 2]) * rate) / 2;
    vz[f] = ((pos[(f + 1) * 2 + 1] - pos[(f - 1) * 2 + 1]) * rate) / 2;
  }
  const x = median(vx), z = median(vz);
  return [Number.isFinite(x) ? x : 0, Number.isFinite(z) ? z : 0];
}

/** Removes ±360° jumps of an angle channel (deg) with stride `w` starting at `o`, in place. */
function unwrapDeg(a: Float64Array, o: number, w: number, n: number): void {
  for (let f = 1; f < n; f++) {
    const d = a[f * w + o] - a[(f - 1) * w + o];
    if (d > 180) a[f * w + o] -= 360 * Math.round(d / 360);
    else if (d < -180) a[f * w + o] += 360 * Math.round(-d / 360);
  }
}

/** Low-passes channel `o` of a frames × w array in place. */
function lowPass(a: Float64Array, o: number, w: number, n: number, rate: number, cutoff: number): void {
  const x = new Float64Array(n);
  for (let f = 0; f < n; f++) x[f] = a[f * w + o];
  const y = butterworthFiltFilt(x, rate, cutoff);
  for (let f = 0; f < n; f++) a[f * w + o] = y[f];
}

/**
 * MotionInput for `body` from twin IK `coordinates` (frames × twin coordinates, rad / m, model lab Y up, NaN
 * where undetermined) at `rate` Hz. Gaps are interpolated per coordinate; coordinates never determined stay at 0
 * (neutral) with a warning.
 */
export function motionFromTwin(twin: TwinModel, coordinates: Float64Array, rate: number, body: BodyModel, options: TwinMotionOptions = {}): TwinMotion {
  const nc = twin.coordinates.length;
  if (nc === 0 || coordinates.length % nc !== 0) throw new KinetwinError(`coordinates (${coordinates.length}) are not frames × ${nc} twin coordinates`);
  if (!(rate > 0)) throw new KinetwinError(`rate must be positive, got ${rate}`);
  const total = coordinates.length / nc;
  const warnings: string[] = [];
  let first = options.firstFrame ?? 0, last = options.lastFrame ?? total - 1;
  if (options.firstFrame === undefined && options.lastFrame === undefined) {
    const [a, b] = longestRootRun(twin, coordinates, nc, total);
    if (b - a < 1) throw new KinetwinError('the pelvis pose is determined in fewer than 2 consecutive frames: nothing to track');
    if (b - a + 1 < total) warnings.push(`tracking frames ${a}–${b}, the longest stretch with the pelvis determined (${total} frames in the trial)`);
    first = a; last = b;
  }
  if (!Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last >= total || last - first < 1) {
    throw new KinetwinError(`frames ${first}–${last} are not a range of at least 2 of the trial's ${total} frames`);
  }
  const n = last - first + 1;
  const q = coordinates.slice(first * nc, (last + 1) * nc); // frames × nc, gaps filled below
  const never = fillGaps(q, nc, n);
  const rootNever = never.filter((c) => twin.coordinates[c].segment === 0);
  if (rootNever.length > 0) throw new KinetwinError('the pelvis pose is undetermined in every frame: nothing to track');
  if (never.length > 0) warnings.push(`${never.map((c) => twin.coordinates[c].name).join(', ')} undetermined in every frame: held at 0 (neutral)`);

  const map = segmentMap(twin, body);
  const ns = body.segments.length, J = body.joints.length;
  const kd = createKinematicsData(twin);
  forwardKinematics(twin, new Float64Array(nc), kd);
  const neutral = kd.segR.slice(); // twin segments × 9, segment frames at q = 0
  const quats = new Float64Array(ns * 4); // physics segments × 4, this frame
  const rootPosition = new Float64Array(n * 3), rootQuaternion = new Float64Array(n * 4), jointAnglesDeg = new Float64Array(n * J * 3);
  const hipR = body.joints.findIndex((j) => j.name === 'hip_r'), hipL = body.joints.findIndex((j) => j.name === 'hip_l');
  const tr = twin.segments.findIndex((s) => s.name === 'thigh_r'), tl = twin.segments.findIndex((s) => s.name === 'thigh_l');
  if (hipR < 0 || hipL < 0 || tr < 0 || tl < 0) throw new KinetwinError('both models need hip_r/hip_l (thigh_r/thigh_l) to place the pelvis');
  // pelvis CoM relative to the hip-centre midpoint, physics neutral pose (lab-aligned), m
  const pc = body.segments[0].com, hr = body.joints[hipR].position, hl = body.joints[hipL].position;
  const off = [pc[0] - (hr[0] + hl[0]) / 2, pc[1] - (hr[1] + hl[1]) / 2, pc[2] - (hr[2] + hl[2]) / 2];
  const v = new Float64Array(3), ang = new Float64Array(3);
  for (let f = 0; f < n; f++) {
    forwardKinematics(twin, q.subarray(f * nc, (f + 1) * nc), kd);
    for (let s = 0; s < ns; s++) {
      const R = kd.segR, o = map[s] * 9, N = neutral;
      // M = R · Nᵀ (row-major): M[i][k] = Σ_j R[i][j] N[k][j]
      const m = (i: number, k: number): number => R[o + 3 * i] * N[o + 3 * k] + R[o + 3 * i + 1] * N[o + 3 * k + 1] + R[o + 3 * i + 2] * N[o + 3 * k + 2];
      matrixToQuat(m(0, 0), m(0, 1), m(0, 2), m(1, 0), m(1, 1), m(1, 2), m(2, 0), m(2, 1), m(2, 2), quats, s * 4);
    }
    for (let j = 0; j < J; j++) {
      const jt = body.joints[j], p = jt.parent * 4, c = jt.child * 4, side = jt.side === 'left' ? -1 : 1;
      cardanZXY(quats[p], quats[p + 1], quats[p + 2], quats[p + 3], quats[c], quats[c + 1], quats[c + 2], quats[c + 3], ang, 0);
      const o = (f * J + j) * 3;
      jointAnglesDeg[o] = jt.flexionSign * ang[0] * DEG;
      jointAnglesDeg[o + 1] = side * ang[1] * DEG;
      jointAnglesDeg[o + 2] = side * ang[2] * DEG;
    }
    // root quaternion, sign-continuous with the previous frame
    let dot = 0;
    for (let k = 0; k < 4; k++) dot += f > 0 ? quats[k] * rootQuaternion[(f - 1) * 4 + k] : quats[k];
    const sg = f > 0 && dot < 0 ? -1 : 1;
    for (let k = 0; k < 4; k++) rootQuaternion[f * 4 + k] = sg * quats[k];
    qrot(quats, 0, off[0], off[1], off[2], v);
    for (let k = 0; k < 3; k++) rootPosition[f * 3 + k] = (kd.segP[tr * 3 + k] + kd.segP[tl * 3 + k]) / 2 + v[k];
  }
  for (let k = 0; k < J * 3; k++) unwrapDeg(jointAnglesDeg, k, J * 3, n);
  const cutoff = options.cutoffHz ?? 6;
  if (!(cutoff >= 0)) throw new KinetwinError(`cutoff must be ≥ 0 Hz, got ${cutoff}`);
  if (cutoff > 0 && cutoff < rate / 2) {
    for (let k = 0; k < J * 3; k++) lowPass(jointAnglesDeg, k, J * 3, n, rate, cutoff);
    for (let k = 0; k < 3; k++) lowPass(rootPosition, k, 3, n, rate, cutoff);
    for (let k = 0; k < 4; k++) lowPass(rootQuaternion, k, 4, n, rate, cutoff);
    for (let f = 0; f < n; f++) {
      const o = f * 4, r = Math.hypot(rootQuaternion[o], rootQuaternion[o + 1], rootQuaternion[o + 2], rootQuaternion[o + 3]);
      for (let k = 0; k < 4; k++) rootQuaternion[o + k] /= r;
    }
  } else if (cutoff > 0) warnings.push(`cutoff ${cutoff} Hz is not below the Nyquist frequency ${rate / 2} Hz: angles not filtered`);
  // Ground: the physics feet are not the twin's feet, so put the median per-frame lowest point on the floor.
  const low = new Float64Array(n), pose = new Float64Array(ns * 7);
  const fr = body.segments.findIndex((s) => s.name === 'foot_r'), fl = body.segments.findIndex((s) => s.name === 'foot_l');
  const stance = new Float64Array(n * 2); // frames × (x, z), m: CoM of the lower foot
  const stanceSide = new Int8Array(n);
  for (let f = 0; f < n; f++) {
    poseSegments(body, jointAnglesDeg.subarray(f * J * 3, (f + 1) * J * 3), rootPosition.subarray(f * 3, f * 3 + 3), rootQuaternion.subarray(f * 4, f * 4 + 4), pose);
    low[f] = lowestPoint(body, pose);
    if (fr >= 0 && fl >= 0) {
      const s = pose[fr * 7 + 1] <= pose[fl * 7 + 1] ? fr : fl;
      stanceSide[f] = s === fr ? 1 : 2;
      stance[f * 2] = pose[s * 7]; stance[f * 2 + 1] = pose[s * 7 + 2];
    }
  }
  // Treadmill: a stance foot moving at the belt velocity cannot be carried by a fixed floor. The median velocity of
  // the lower foot (≈ 0 overground) is removed from the whole motion — a Galilean shift, same dynamics.
  const belt = stanceVelocity(stance, stanceSide, n, rate);
  const treadmill = Math.hypot(belt[0], belt[1]) > 0.3;
  if (treadmill) { // overground stance feet: |v| ≲ 0.15 m/s (heel-strike/toe-off roll); belts run ≥ 0.5 m/s
    for (let f = 0; f < n; f++) { rootPosition[f * 3] -= (belt[0] * f) / rate; rootPosition[f * 3 + 2] -= (belt[1] * f) / rate; }
    warnings.push(`stance feet move at ${Math.hypot(belt[0], belt[1]).toFixed(2)} m/s (treadmill?): that velocity is removed so the feet stand on a fixed floor`);
  }
  // The compliant pads carry body weight only when compressed: sink the motion by the static deflection of one
  // foot's heel (or forefoot) pair of Hunt–Crossley spheres under 1 BW, δ = (BW / 2k)^(2/3) (≈ 2.3 cm at 73 kg).
  const deflection = options.sinkM ?? Math.pow((body.mass * 9.81) / (2 * DEFAULT_FOOT_CONTACT.stiffness), 2 / 3);
  const groundOffsetM = median(low) + deflection;
  for (let f = 0; f < n; f++) rootPosition[f * 3 + 1] -= groundOffsetM;
  if (Math.abs(groundOffsetM - deflection) > 0.05) warnings.push(`the physics body stood ${((groundOffsetM - deflection) * 100).toFixed(1)} cm off the ground in the median frame: shifted (check the lab's vertical axis and the static trial)`);
  let measuredGrfN: Float64Array | undefined;
  if (options.measuredGrfN) {
    if (options.measuredGrfN.length !== total) throw new KinetwinError(`measured GRF has ${options.measuredGrfN.length} frames, the motion ${total}`);
    measuredGrfN = options.measuredGrfN.slice(first, last + 1);
  }
  let measuredGrf: GroundWrench | undefined;
  if (options.measuredGrf) {
    const g = options.measuredGrf;
    if (g.forceN.length !== total * 3 || g.momentNm.length !== total * 3) throw new KinetwinError(`measured ground wrench has ${g.forceN.length / 3} frames, the motion ${total}`);
    const forceN = g.forceN.slice(first * 3, (last + 1) * 3), momentNm = g.momentNm.slice(first * 3, (last + 1) * 3);
    // the lab origin moved by s(f) = (belt·t, ground offset, belt·t): M' = M − s × F
    for (let f = 0; f < n; f++) {
      const o = f * 3, sx = treadmill ? (belt[0] * f) / rate : 0, sz = treadmill ? (belt[1] * f) / rate : 0, sy = groundOffsetM;
      const F = forceN;
      momentNm[o] -= sy * F[o + 2] - sz * F[o + 1];
      momentNm[o + 1] -= sz * F[o] - sx * F[o + 2];
      momentNm[o + 2] -= sx * F[o + 1] - sy * F[o];
    }
    // the same zero-lag low-pass as the kinematics, so the residual compares like with like (Kristianslund et al.
    // 2012, J Biomech 45:666: mismatched cutoffs make artefacts at impacts)
    if (cutoff > 0 && cutoff < rate / 2 && forceN.every(Number.isFinite) && momentNm.every(Number.isFinite)) {
      for (let k = 0; k < 3; k++) { lowPass(forceN, k, 3, n, rate, cutoff); lowPass(momentNm, k, 3, n, rate, cutoff); }
    }
    measuredGrf = { forceN, momentNm };
  }
  return { motion: { rate, frames: n, rootPosition, rootQuaternion, jointAnglesDeg, measuredGrfN, measuredGrf }, firstFrame: first, groundOffsetM, warnings };
}
