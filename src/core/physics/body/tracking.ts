// Motion tracking for physics consistency: the body follows a kinematic solution (root pose + joint angles per
// frame) with joint motors, plus a weak root "residual" actuator (PD force and moment on the pelvis). The
// residual the pelvis needs, simulated vs measured GRF, penetration and limit violations measure how physically
// consistent the motion is (the residual-reduction idea of Delp et al. 2007, IEEE TBME 54:1940).
import { KinetwinError } from '../../errors.js';
import type { AmmoModule } from '../ammo.js';
import type { BodyModel } from './bodyModel.js';
import { createBodyWorld, destroyBodyWorld, readJointAngles, readState, setJointMotor, setJointTarget, stepBodyWorld } from './bodyWorld.js';
import { limitViolationDeg } from './limits.js';
import { poseSegments } from './pose.js';

export interface MotionInput {
  rate: number; // Hz of the frames
  frames: number;
  rootPosition: Float64Array; // frames × 3, m, pelvis CoM in the lab (Y up)
  rootQuaternion: Float64Array; // frames × 4 (x, y, z, w), pelvis orientation
  jointAnglesDeg: Float64Array; // frames × joints × 3, clinical sense (flexion, adduction, internal rotation)
  measuredGrfN?: Float64Array; // frames, measured total vertical GRF (force plates), N; NaN where unknown
}

export interface TrackingOptions {
  dt?: number; // s (default 1/1000)
  residualStiffness?: number; // N/m per kg body mass of the root actuator (default 50: weak compared with the motors)
  jointStiffness?: number; // N·m/rad per kg for the joint motors (default 30)
}

export interface TrackingReport {
  frames: number;
  residualForceBw: Float64Array; // frames, |root residual force| / BW
  residualMomentPct: Float64Array; // frames, |root residual moment| / (BW × stature) × 100
  simulatedGrfBw: Float64Array; // frames, simulated total vertical GRF / BW
  grfRmseBw: number; // RMSE simulated vs measured vertical GRF, BW (NaN without measurements)
  meanResidualForceBw: number;
  meanResidualMomentPct: number;
  penetrationMaxM: number;
  jointLimitViolationMaxDeg: number;
  trackingErrorRmsDeg: number; // RMS joint angle error, deg
  consistencyScore: number; // 100 / (1 + 10·meanResidualForceBw + meanResidualMomentPct / 5 + 5·grfRmseBw): 100 = perfectly consistent
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
}

/** Tracks the motion and reports residuals and contact consistency. */
export function trackMotion(ammo: AmmoModule, model: BodyModel, motion: MotionInput, options: TrackingOptions = {}): TrackingReport {
  checkMotion(model, motion);
  const J = model.joints.length;
  const BW = model.mass * 9.81;
  const first = poseSegments(model, motion.jointAnglesDeg.subarray(0, J * 3), motion.rootPosition.subarray(0, 3), motion.rootQuaternion.subarray(0, 4));
  const bw = createBodyWorld(ammo, model, { pose: first, dt: options.dt, contactModel: 'compliant' });
  try {
    const kj = (options.jointStiffness ?? 30) * model.mass;
    for (let j = 0; j < J; j++) setJointMotor(bw, j, kj, 200);
    const kp = (options.residualStiffness ?? 50) * model.mass;
    const kd = 2 * Math.sqrt(kp * model.mass); // critically damped on the whole-body mass
    const kr = kp * 0.05, kdr = 2 * Math.sqrt(kr * 5); // rotational: ≈ 5 kg·m² whole-body pitch inertia about the pelvis
    const dt = bw.pw.dt;
    const duration = (motion.frames - 1) / motion.rate;
    const steps = Math.floor(duration / dt);
    const out = { force: new Float64Array(motion.frames), moment: new Float64Array(motion.frames), grf: new Float64Array(motion.frames) };
    const target = new Float64Array(J * 3);
    const tp = new Float64Array(3), tv = new Float64Array(3), tq = new Float64Array(4);
    let pen = 0, viol = 0, err2 = 0, errN = 0;
    let frameGrf = 0, frameF = 0, frameM = 0, count = 0, frame = 0;
    const pelvis = bw.bodies[0];
    for (let s = 0; s <= steps; s++) {
      const t = s * dt;
      const x = Math.min(t * motion.rate, motion.frames - 1.000001);
      const f0 = Math.floor(x), a = x - f0;
      for (let k = 0; k < J * 3; k++) target[k] = (1 - a) * motion.jointAnglesDeg[f0 * J * 3 + k] + a * motion.jointAnglesDeg[(f0 + 1) * J * 3 + k];
      for (let k = 0; k < 3; k++) {
        tp[k] = (1 - a) * motion.rootPosition[f0 * 3 + k] + a * motion.rootPosition[(f0 + 1) * 3 + k];
        tv[k] = (motion.rootPosition[(f0 + 1) * 3 + k] - motion.rootPosition[f0 * 3 + k]) * motion.rate;
      }
      // normalised lerp of the root quaternion (short arc)
      let dot = 0;
      for (let k = 0; k < 4; k++) dot += motion.rootQuaternion[f0 * 4 + k] * motion.rootQuaternion[(f0 + 1) * 4 + k];
      const sg = dot < 0 ? -1 : 1;
      let nq = 0;
      for (let k = 0; k < 4; k++) { tq[k] = (1 - a) * motion.rootQuaternion[f0 * 4 + k] + a * sg * motion.rootQuaternion[(f0 + 1) * 4 + k]; nq += tq[k] * tq[k]; }
      nq = Math.sqrt(nq);
      for (let k = 0; k < 4; k++) tq[k] /= nq;
      for (let j = 0; j < J; j++) setJointTarget(bw, j, target[j * 3], target[j * 3 + 1], target[j * 3 + 2]);
      readState(bw);
      const st = bw.state;
      // Residual force: PD to the target root position/velocity. Residual moment: PD on the orientation error.
      const fx = kp * (tp[0] - st[0]) + kd * (tv[0] - st[7]);
      const fy = kp * (tp[1] - st[1]) + kd * (tv[1] - st[8]);
      const fz = kp * (tp[2] - st[2]) + kd * (tv[2] - st[9]);
      // q_err = q_target ⊗ conj(q): rotation vector ≈ 2·sign(w)·(x, y, z)
      const qx = st[3], qy = st[4], qz = st[5], qw = st[6];
      const ew = tq[3] * qw + tq[0] * qx + tq[1] * qy + tq[2] * qz;
      const ex = -tq[3] * qx + tq[0] * qw - tq[1] * qz + tq[2] * qy;
      const ey = -tq[3] * qy + tq[1] * qw - tq[2] * qx + tq[0] * qz;
      const ez = -tq[3] * qz + tq[2] * qw - tq[0] * qy + tq[1] * qx;
      const es = ew < 0 ? -2 : 2;
      const mx = kr * es * ex - kdr * st[10], my = kr * es * ey - kdr * st[11], mz = kr * es * ez - kdr * st[12];
      bw.pw.v.setValue(fx, fy, fz);
      pelvis.applyCentralForce(bw.pw.v);
      bw.pw.v.setValue(mx, my, mz);
      pelvis.applyTorque(bw.pw.v);
      stepBodyWorld(bw);
      let gy = 0;
      for (let i = 1; i < bw.contactForce.length; i += 3) gy += bw.contactForce[i];
      pen = Math.max(pen, bw.penetration);
      frameGrf += gy; frameF += Math.hypot(fx, fy, fz); frameM += Math.hypot(mx, my, mz); count++;
      const nextFrame = Math.min(Math.floor((t + dt) * motion.rate + 1e-9), motion.frames - 1);
      if (nextFrame > frame || s === steps) {
        readState(bw);
        const A = readJointAngles(bw);
        viol = Math.max(viol, limitViolationDeg(model, A));
        for (let k = 0; k < J * 3; k++) { const d = (A[k] * 180) / Math.PI - target[k]; err2 += d * d; errN++; }
        out.grf[frame] = frameGrf / count / BW;
        out.force[frame] = frameF / count / BW;
        out.moment[frame] = (frameM / count / (BW * model.stature)) * 100;
        frameGrf = frameF = frameM = count = 0;
        frame = Math.max(frame + 1, nextFrame);
        if (frame >= motion.frames) break;
      }
    }
    const n = Math.min(frame, motion.frames);
    let se = 0, ne = 0, sf = 0, sm = 0;
    for (let f = 0; f < n; f++) {
      sf += out.force[f]; sm += out.moment[f];
      const m = motion.measuredGrfN?.[f];
      if (m !== undefined && Number.isFinite(m)) { se += (out.grf[f] - m / BW) ** 2; ne++; }
    }
    const meanF = sf / n, meanM = sm / n, rmse = ne > 0 ? Math.sqrt(se / ne) : NaN;
    return {
      frames: n, residualForceBw: out.force.slice(0, n), residualMomentPct: out.moment.slice(0, n), simulatedGrfBw: out.grf.slice(0, n),
      grfRmseBw: rmse, meanResidualForceBw: meanF, meanResidualMomentPct: meanM, penetrationMaxM: pen, jointLimitViolationMaxDeg: viol,
      trackingErrorRmsDeg: Math.sqrt(err2 / Math.max(errN, 1)),
      consistencyScore: 100 / (1 + 10 * meanF + meanM / 5 + (Number.isFinite(rmse) ? 5 * rmse : 0)),
    };
  } finally {
    destroyBodyWorld(bw);
  }
}
