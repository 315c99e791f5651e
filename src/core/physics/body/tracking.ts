// Physics consistency of a motion (root pose + joint angles per frame). Two parts:
// 1. Root residual (track/rootResidual.ts): the force and moment the pelvis must get on top of the ground reaction for
//    the body to follow the motion — inverse dynamics at the root as in OpenSim's residual reduction (Delp et al.
//    2007, IEEE TBME 54:1940), from the measured GRF when given, else from what a floor can supply.
// 2. Forward simulation in Ammo: joint motors track the angles while the feet stand on compliant ground and a root
//    actuator on the pelvis feeds forward the part of the required force M(a_CoM − g) the ground cannot supply
//    (outside the friction cone, or no foot touching) plus PD feedback on the pelvis pose (gains from the whole-body
//    mass and inertia, critically damped: weak vertically so the pads carry the weight). It gives the simulated GRF
//    (vs measured), penetration, joint-limit violations and tracking errors.
// Everything is summarised as a consistency score (track/consistencyScore.ts).
import { KinetwinError } from '../../errors.js';
import type { AmmoModule } from '../ammo.js';
import { consistencyScore } from '../track/consistencyScore.js';
import { projectFrictionCone } from '../track/frictionCone.js';
import { buildReference, sampleAngles, sampleRequiredForce, sampleSegment } from '../track/reference.js';
import { rootResidual, type GroundWrench } from '../track/rootResidual.js';
import type { BodyModel } from './bodyModel.js';
import { createBodyWorld, destroyBodyWorld, readJointAngles, readState, setJointMotor, setJointTarget, stepBodyWorld } from './bodyWorld.js';
import { limitViolationDeg } from './limits.js';

const G = 9.81; // m/s²
const R2D = 180 / Math.PI;

export interface MotionInput {
  rate: number; // Hz of the frames
  frames: number;
  rootPosition: Float64Array; // frames × 3, m, pelvis CoM in the lab (Y up)
  rootQuaternion: Float64Array; // frames × 4 (x, y, z, w), pelvis orientation
  jointAnglesDeg: Float64Array; // frames × joints × 3, clinical sense (flexion, adduction, internal rotation)
  measuredGrfN?: Float64Array; // frames, measured total vertical GRF (force plates), N; NaN where unknown
  measuredGrf?: GroundWrench; // frames × 3: measured total ground force and its moment about the lab origin (for the residual)
}

export interface TrackingOptions {
  dt?: number; // s (default 1/1000)
  rootFrequencyHz?: number; // natural frequency of the root residual PD, vertical (default 1 Hz: weak, so the feet carry the body)
  horizontalFrequencyHz?: number; // … horizontal (default 4 Hz: foot placement must not drift)
  rotationFrequencyHz?: number; // … pelvis orientation (default 2 Hz)
  jointStiffness?: number; // N·m/rad per kg for the joint motors (default 30: a stance knee holds 1.5 N·m/kg within 3°)
  settleS?: number; // s at the start left out of the summary values (default 0.1)
}

export interface TrackingReport {
  frames: number;
  settleFrames: number; // first frames left out of the summary values
  residualSource: 'measured GRF' | 'friction cone'; // ground reaction the residual is computed against
  residualForceBw: Float64Array; // frames, |root residual force| / BW
  residualMomentPct: Float64Array; // frames, |root residual moment about the CoM| / (BW × stature) × 100
  residualForceN: Float64Array; // frames × 3, N, lab: root residual force
  simulationRootForceBw: Float64Array; // frames, |root actuator force| of the forward simulation / BW (feed-forward + PD, mean over the frame's steps)
  requiredForceBw: Float64Array; // frames × 3, the whole-body force the reference needs, M(a_CoM − g) / BW
  simulatedGrfBw: Float64Array; // frames, simulated total vertical GRF / BW
  rootErrorM: Float64Array; // frames, |pelvis CoM − reference|, m
  trackingErrorDeg: Float64Array; // frames, RMS joint-angle error over the joints' axes, deg
  penetrationM: Float64Array; // frames, deepest foot penetration, m
  grfRmseBw: number; // RMSE simulated vs measured vertical GRF, BW (NaN without measurements)
  simulationRootForceRmsPctBw: number; // RMS of simulationRootForceBw, % BW
  meanResidualForceBw: number;
  rmsResidualForcePctBw: number;
  meanResidualMomentPct: number;
  rmsResidualMomentPct: number;
  penetrationMaxM: number;
  staticDeflectionM: number; // m, pad compression under 1 BW on two spheres (what penetration is compared with)
  jointLimitViolationMaxDeg: number;
  trackingErrorRmsDeg: number; // RMS joint angle error, deg
  rootErrorRmsM: number;
  consistencyScore: number; // 0–100, see track/consistencyScore.ts
}

/** Checks the motion arrays against the model and frame count. */
function checkMotion(model: BodyModel, m: MotionInput): void {
  if (!(m.rate > 0 && m.rate <= 10000)) throw new KinetwinError(`motion rate must be in (0, 10000] Hz, got ${m.rate}`);
  if (!Number.isInteger(m.frames) || m.frames < 2) throw new KinetwinError(`motion needs at least 2 frames, got ${m.frames}`);
  const J = model.joints.length;
  if (m.rootPosition.length !== m.frames * 3 || m.rootQuaternion.length !== m.frames * 4 || m.jointAnglesDeg.length !== m.frames * J * 3) {
    throw new KinetwinError(`motion arrays do not match ${m.frames} frames × ${J} joints`);
  }
  if (m.measuredGrfN && m.measuredGrfN.length !== m.frames) throw new KinetwinError('measured GRF must have one value per frame');
  for (const a of [m.rootPosition, m.rootQuaternion, m.jointAnglesDeg]) for (const v of a) if (!Number.isFinite(v)) throw new KinetwinError('motion has non-finite root or joint values (fill gaps first)');
  if (m.measuredGrf && (m.measuredGrf.forceN.length !== m.frames * 3 || m.measuredGrf.momentNm.length !== m.frames * 3)) throw new KinetwinError('measured ground wrench must be frames × 3 force and moment');
}

/** Whole-body principal moments (kg·m²) about the CoM along the lab axes, neutral standing pose. */
function wholeBodyInertia(model: BodyModel): [number, number, number] {
  const c = [0, 0, 0];
  for (const s of model.segments) for (let k = 0; k < 3; k++) c[k] += (s.mass * s.com[k]) / model.mass;
  const I: [number, number, number] = [0, 0, 0];
  for (const s of model.segments) {
    const d = [s.com[0] - c[0], s.com[1] - c[1], s.com[2] - c[2]];
    I[0] += s.inertia[0] + s.mass * (d[1] * d[1] + d[2] * d[2]);
    I[1] += s.inertia[1] + s.mass * (d[0] * d[0] + d[2] * d[2]);
    I[2] += s.inertia[2] + s.mass * (d[0] * d[0] + d[1] * d[1]);
  }
  return I;
}

function rms(a: Float64Array, from: number, scale = 1): number {
  let s = 0;
  for (let i = from; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s / Math.max(1, a.length - from)) * scale;
}

function mean(a: Float64Array, from: number): number {
  let s = 0;
  for (let i = from; i < a.length; i++) s += a[i];
  return s / Math.max(1, a.length - from);
}

/** Tracks the motion and reports residuals and contact consistency. */
export function trackMotion(ammo: AmmoModule, model: BodyModel, motion: MotionInput, options: TrackingOptions = {}): TrackingReport {
  checkMotion(model, motion);
  for (const [name, v] of [['root', options.rootFrequencyHz], ['horizontal', options.horizontalFrequencyHz], ['rotation', options.rotationFrequencyHz]] as const) {
    if (v !== undefined && !(v > 0 && v < 50)) throw new KinetwinError(`${name} frequency must be in (0, 50) Hz, got ${v}`);
  }
  const wn = 2 * Math.PI * (options.rootFrequencyHz ?? 1);
  const settle = options.settleS ?? 0.1;
  if (!(settle >= 0)) throw new KinetwinError(`settle time must be ≥ 0 s, got ${settle}`);
  const J = model.joints.length, ns = model.segments.length, n = motion.frames;
  const BW = model.mass * G;
  const ref = buildReference(model, motion);
  const bw = createBodyWorld(ammo, model, { pose: ref.pose.subarray(0, ns * 7), dt: options.dt, contactModel: 'compliant' });
  try {
    const kj = (options.jointStiffness ?? 30) * model.mass, servoRate = 200; // 1/s: the motor drives at servoRate × angle error
    for (let j = 0; j < J; j++) setJointMotor(bw, j, kj, servoRate);
    // start moving with the reference: every segment's velocity from frame 0
    for (let s = 0; s < ns; s++) {
      const o = s * 3;
      bw.pw.v.setValue(ref.linVel[o], ref.linVel[o + 1], ref.linVel[o + 2]);
      bw.bodies[s].setLinearVelocity(bw.pw.v);
      bw.pw.v.setValue(ref.angVel[o], ref.angVel[o + 1], ref.angVel[o + 2]);
      bw.bodies[s].setAngularVelocity(bw.pw.v);
    }
    const wh = 2 * Math.PI * (options.horizontalFrequencyHz ?? 4), wr = 2 * Math.PI * (options.rotationFrequencyHz ?? 2);
    // critically damped on the whole-body mass: weak vertically (the pads carry the weight), firmer horizontally
    const kp = model.mass * wn * wn, kd = 2 * model.mass * wn, kph = model.mass * wh * wh, kdh = 2 * model.mass * wh;
    const I = wholeBodyInertia(model);
    const kr = I.map((i) => i * wr * wr);
    // explicit damping on the pelvis alone: capped at 0.8·I_pelvis/dt per axis to stay stable (the rest of the body's
    // inertia reaches the pelvis only through the joint constraints)
    const Ip = model.segments[0].inertia, h = bw.pw.dt / bw.pw.substeps;
    const kdr = I.map((i, a) => Math.min(2 * i * wr, (0.8 * Ip[a]) / h));
    const mu = bw.contact.friction;
    const dt = bw.pw.dt;
    const steps = Math.max(1, Math.round((n - 1) / motion.rate / dt));
    const from = Math.min(Math.round(settle * motion.rate), Math.floor(n / 2)); // first frame of the summary values
    const out = {
      force: new Float64Array(n * 3), moment: new Float64Array(n * 3), grf: new Float64Array(n), rootErr: new Float64Array(n),
      trackErr: new Float64Array(n), pen: new Float64Array(n), count: new Float64Array(n),
    };
    const target = new Float64Array(J * 3), targetRate = new Float64Array(J * 3);
    const rs = new Float64Array(13), req = new Float64Array(3), feasible = new Float64Array(3);
    const pelvis = bw.bodies[0];
    let viol = 0, grfPrev = 0;
    for (let s = 0; s <= steps; s++) {
      const t = s * dt;
      const f = Math.min(n - 1, Math.round(t * motion.rate));
      sampleAngles(ref, motion, t, target, targetRate);
      // velocity feed-forward: a target led by ω_ref / servoRate makes the servo move at ω_ref + servoRate·(θ_ref − θ)
      for (let j = 0; j < J; j++) {
        const o = j * 3;
        setJointTarget(bw, j, target[o] + targetRate[o] / servoRate, target[o + 1] + targetRate[o + 1] / servoRate, target[o + 2] + targetRate[o + 2] / servoRate);
      }
      sampleSegment(ref, 0, t, rs);
      sampleRequiredForce(ref, t, req);
      readState(bw);
      const st = bw.state;
      // feed-forward: what of the required force the ground cannot give (no contact: all of it)
      if (grfPrev > 0) projectFrictionCone(req[0], req[1], req[2], mu, feasible);
      else feasible.fill(0);
      const fx = req[0] - feasible[0] + kph * (rs[0] - st[0]) + kdh * (rs[7] - st[7]);
      const fy = req[1] - feasible[1] + kp * (rs[1] - st[1]) + kd * (rs[8] - st[8]);
      const fz = req[2] - feasible[2] + kph * (rs[2] - st[2]) + kdh * (rs[9] - st[9]);
      // orientation error q_err = q_ref ⊗ conj(q) as a rotation vector ≈ 2·sign(w)·vec(q_err), lab frame
      const qx = st[3], qy = st[4], qz = st[5], qw = st[6];
      const ew = rs[6] * qw + rs[3] * qx + rs[4] * qy + rs[5] * qz;
      const ex = -rs[6] * qx + rs[3] * qw - rs[4] * qz + rs[5] * qy;
      const ey = -rs[6] * qy + rs[4] * qw - rs[5] * qx + rs[3] * qz;
      const ez = -rs[6] * qz + rs[5] * qw - rs[3] * qy + rs[4] * qx;
      const es = ew < 0 ? -2 : 2;
      const mx = kr[0] * es * ex + kdr[0] * (rs[10] - st[10]);
      const my = kr[1] * es * ey + kdr[1] * (rs[11] - st[11]);
      const mz = kr[2] * es * ez + kdr[2] * (rs[12] - st[12]);
      bw.pw.v.setValue(fx, fy, fz);
      pelvis.applyCentralForce(bw.pw.v);
      bw.pw.v.setValue(mx, my, mz);
      pelvis.applyTorque(bw.pw.v);
      stepBodyWorld(bw);
      let gy = 0;
      for (let i = 1; i < bw.contactForce.length; i += 3) gy += bw.contactForce[i];
      grfPrev = gy;
      // per-frame bookkeeping: steps nearest each frame time are averaged into it
      readState(bw);
      const A = readJointAngles(bw);
      if (f >= from) viol = Math.max(viol, limitViolationDeg(model, A));
      let e2 = 0;
      for (let k = 0; k < J * 3; k++) { const d = A[k] * R2D - target[k]; e2 += d * d; }
      out.force[f * 3] += fx; out.force[f * 3 + 1] += fy; out.force[f * 3 + 2] += fz;
      out.moment[f * 3] += mx; out.moment[f * 3 + 1] += my; out.moment[f * 3 + 2] += mz;
      out.grf[f] += gy;
      out.rootErr[f] += Math.hypot(rs[0] - st[0], rs[1] - st[1], rs[2] - st[2]);
      out.trackErr[f] += e2 / (J * 3);
      out.pen[f] = Math.max(out.pen[f], bw.penetration);
      out.count[f]++;
    }
    const res = rootResidual(model, ref, motion.measuredGrf, mu);
    const residualForceBw = new Float64Array(n), residualMomentPct = new Float64Array(n), simulatedGrfBw = new Float64Array(n), simulationRootForceBw = new Float64Array(n);
    const rootErrorM = new Float64Array(n), trackingErrorDeg = new Float64Array(n), requiredForceBw = new Float64Array(n * 3);
    for (let f = 0; f < n; f++) {
      const c = Math.max(out.count[f], 1);
      simulationRootForceBw[f] = Math.hypot(out.force[f * 3], out.force[f * 3 + 1], out.force[f * 3 + 2]) / c / BW;
      residualForceBw[f] = Math.hypot(res.force[f * 3], res.force[f * 3 + 1], res.force[f * 3 + 2]) / BW;
      residualMomentPct[f] = (Math.hypot(res.moment[f * 3], res.moment[f * 3 + 1], res.moment[f * 3 + 2]) / (BW * model.stature)) * 100;
      simulatedGrfBw[f] = out.grf[f] / c / BW;
      rootErrorM[f] = out.rootErr[f] / c;
      trackingErrorDeg[f] = Math.sqrt(out.trackErr[f] / c);
      for (let k = 0; k < 3; k++) requiredForceBw[f * 3 + k] = ref.requiredForce[f * 3 + k] / BW;
    }
    let se = 0, ne = 0, pen = 0;
    for (let f = from; f < n; f++) {
      pen = Math.max(pen, out.pen[f]);
      const m = motion.measuredGrfN?.[f] ?? motion.measuredGrf?.forceN[f * 3 + 1];
      if (m !== undefined && Number.isFinite(m)) { se += (simulatedGrfBw[f] - m / BW) ** 2; ne++; }
    }
    const grfRmse = ne > 0 ? Math.sqrt(se / ne) : NaN;
    const staticDeflection = Math.pow(BW / (2 * bw.contact.stiffness), 2 / 3);
    const rmsF = rms(residualForceBw, from, 100), rmsM = rms(residualMomentPct, from), trackRms = rms(trackingErrorDeg, from);
    return {
      frames: n, settleFrames: from, residualSource: motion.measuredGrf ? 'measured GRF' : 'friction cone', residualForceBw, residualMomentPct, residualForceN: res.force,
      simulationRootForceBw, requiredForceBw, simulatedGrfBw, rootErrorM, trackingErrorDeg,
      penetrationM: out.pen, grfRmseBw: grfRmse, simulationRootForceRmsPctBw: rms(simulationRootForceBw, from, 100),
      meanResidualForceBw: mean(residualForceBw, from), rmsResidualForcePctBw: rmsF,
      meanResidualMomentPct: mean(residualMomentPct, from), rmsResidualMomentPct: rmsM,
      penetrationMaxM: pen, staticDeflectionM: staticDeflection, jointLimitViolationMaxDeg: viol, trackingErrorRmsDeg: trackRms, rootErrorRmsM: rms(rootErrorM, from),
      consistencyScore: consistencyScore({
        residualForcePctBw: rmsF, residualMomentPctBwH: rmsM, grfRmseBw: grfRmse, trackingErrorDeg: trackRms,
        jointLimitViolationDeg: viol, excessPenetrationM: pen - staticDeflection,
      }),
    };
  } finally {
    destroyBodyWorld(bw);
  }
}
