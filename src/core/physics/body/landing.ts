// Drop landing: the body leaves a box of height h (arrives at the ground with v = √(2gh)) in a pre-landing pose and
// lands with a strategy: joint-motor flexion targets and stiffness from stiff (small flexion, stiff joints) to soft
// (deep hip/knee flexion, compliant joints). Reported: vertical GRF (BW), joint angles, penetration, limit violations.
import { KinetwinError } from '../../errors.js';
import type { AmmoModule } from '../ammo.js';
import { CounterRandom } from '../random.js';
import { buildBodyModel, jointIndex, type Anthropometrics, type BodyModel } from './bodyModel.js';
import { centreOfMass, createBodyWorld, destroyBodyWorld, readJointAngles, readState, setJointMotor, setJointTarget, stepBodyWorld } from './bodyWorld.js';
import type { FootContactParams } from './footContact.js';
import { limitViolationDeg } from './limits.js';
import { lowestPoint, poseSegments } from './pose.js';

export type LandingStrategy = 'soft' | 'stiff';

export interface LandingOptions extends Anthropometrics {
  height: number; // m, drop height (box top to ground), 0–1.5
  strategy?: LandingStrategy; // default 'soft'
  seed?: number; // jitters the pre-landing pose by up to ±1° per joint axis (default 0: no jitter)
  dt?: number; // s (default 1/1000)
  substeps?: number; // default 1
  duration?: number; // s simulated after touchdown (default 0.5)
  footContact?: Partial<FootContactParams>; // override the compliant foot contact (defaults DEFAULT_FOOT_CONTACT)
  onProgress?: (fraction: number) => void;
}

export interface LandingResult {
  peakVerticalGrfBw: number; // peak total vertical GRF / body weight
  timeToPeakS: number; // s from touchdown to the peak
  loadingRateBwPerS: number; // peak / time to peak
  kneeFlexionPeakDeg: number; // max of right and left
  hipFlexionPeakDeg: number;
  ankleDorsiflexionPeakDeg: number;
  penetrationMaxM: number; // deepest ground penetration (m)
  jointLimitViolationMaxDeg: number; // worst excursion beyond any joint limit (deg)
  impulseMomentumErrorPct: number; // |∫(F − mg)dt − mΔv| / (m·v_touchdown) × 100 over the contact phase
  touchdownVelocityMs: number; // m/s
  fellAtS: number | null; // s after touchdown when a segment other than the feet touched the ground (the recording stops there)
  bodyWeightN: number;
  strategy: LandingStrategy;
  sampleRate: number; // Hz of the series (1/dt)
  time: Float64Array; // s from touchdown
  grfVerticalBw: Float64Array; // total vertical GRF / BW
  kneeFlexionDeg: Float64Array; // right knee
  hipFlexionDeg: Float64Array; // right hip
  ankleFlexionDeg: Float64Array; // right ankle (dorsiflexion +)
  comHeightM: Float64Array; // whole-body CoM height
}

interface StrategyParams { hip: number; knee: number; ankle: number; lumbar: number; stiffnessPerKg: number }

/** Landing strategies: joint-motor targets (deg, flexion +) and stiffness (N·m/rad per kg body mass). */
export const LANDING_STRATEGIES: Record<LandingStrategy, StrategyParams> = {
  stiff: { hip: 35, knee: 60, ankle: 20, lumbar: 5, stiffnessPerKg: 8 },
  soft: { hip: 65, knee: 100, ankle: 30, lumbar: 25, stiffnessPerKg: 5 },
};

/** Pre-landing pose (deg): slight hip/knee flexion, plantarflexed ankles, as observed before touchdown. */
const PRE_LANDING = { hip: 10, knee: 10, ankle: -15, lumbar: 5 };

/** Joint angle array (joints × 3, deg) with hip/knee/ankle/lumbar flexion set on both sides. */
export function legPose(model: BodyModel, p: { hip: number; knee: number; ankle: number; lumbar: number }): Float64Array {
  const a = new Float64Array(model.joints.length * 3);
  a[jointIndex(model, 'lumbar') * 3] = p.lumbar;
  for (const s of ['r', 'l']) {
    a[jointIndex(model, `hip_${s}`) * 3] = p.hip;
    a[jointIndex(model, `knee_${s}`) * 3] = p.knee;
    a[jointIndex(model, `ankle_${s}`) * 3] = p.ankle;
  }
  return a;
}

/** Runs a drop landing and returns its GRF, kinematics and physics checks. */
export function simulateLanding(ammo: AmmoModule, options: LandingOptions): LandingResult {
  const h = options.height;
  if (!Number.isFinite(h) || h < 0) throw new KinetwinError(`drop height must be ≥ 0 m, got ${h}`);
  if (h > 1.5) throw new KinetwinError(`drop height ${h} m is beyond the 1.5 m the landing model is meant for`);
  const strategy = options.strategy ?? 'soft';
  const params = LANDING_STRATEGIES[strategy];
  if (!params) throw new KinetwinError(`unknown landing strategy '${String(strategy)}' (soft or stiff)`);
  const model = buildBodyModel(options);
  const duration = options.duration ?? 0.5;
  if (!(duration > 0 && duration <= 10)) throw new KinetwinError(`duration must be in (0, 10] s, got ${duration}`);
  const g = 9.81;
  const BW = model.mass * g;

  const angles = legPose(model, PRE_LANDING);
  if (options.seed !== undefined && options.seed !== 0) {
    const rng = new CounterRandom(options.seed, 0);
    for (let i = 0; i < angles.length; i++) angles[i] += rng.uniform(-1, 1);
  }
  const pose = poseSegments(model, angles, model.segments[0].com, [0, 0, 0, 1]);
  const clearance = 0.002; // m: first contact after ~0.2 ms
  const lift = clearance - lowestPoint(model, pose);
  for (let i = 0; i < model.segments.length; i++) pose[i * 7 + 1] += lift;
  const v0 = Math.sqrt(2 * g * Math.max(h - clearance, 0));
  const bw = createBodyWorld(ammo, model, { pose, initialVelocity: [0, -v0, 0], dt: options.dt, substeps: options.substeps, contactModel: 'compliant', footContact: options.footContact });
  try {
    const k = params.stiffnessPerKg * model.mass;
    const targets = legPose(model, params);
    for (let i = 0; i < model.joints.length; i++) {
      const legJoint = /^(hip|knee|ankle|lumbar)/.test(model.joints[i].name);
      setJointMotor(bw, i, legJoint ? k : 20 * model.mass, 200);
      setJointTarget(bw, i, targets[i * 3], targets[i * 3 + 1], targets[i * 3 + 2]);
    }
    const dt = bw.pw.dt;
    const n = Math.round(duration / dt);
    const out = {
      time: new Float64Array(n), grf: new Float64Array(n), knee: new Float64Array(n), hip: new Float64Array(n),
      ankle: new Float64Array(n), com: new Float64Array(n),
    };
    const kr = jointIndex(model, 'knee_r'), kl = jointIndex(model, 'knee_l');
    const hr = jointIndex(model, 'hip_r'), hl = jointIndex(model, 'hip_l');
    const ar = jointIndex(model, 'ankle_r'), al = jointIndex(model, 'ankle_l');
    const com = new Float64Array(6);
    let peak = 0, tPeak = 0, kneeMax = 0, hipMax = 0, ankleMax = -Infinity, pen = 0, viol = 0;
    let impulse = 0, vStart = 0, touchdown = -1, fell: number | null = null;
    const notFoot = model.segments.map((sg) => !sg.name.startsWith('foot'));
    const R2D = 180 / Math.PI;
    // Step until touchdown (bounded), then record `n` steps.
    for (let s = 0, rec = 0; rec < n; s++) {
      if (touchdown < 0 && s > 1000) throw new KinetwinError('landing never touched the ground within 1 s');
      if (touchdown < 0) { readState(bw); centreOfMass(bw, com); vStart = com[4]; }
      stepBodyWorld(bw);
      let fy = 0;
      for (let i = 1; i < bw.contactForce.length; i += 3) fy += bw.contactForce[i];
      if (touchdown < 0) { if (fy <= 0) continue; touchdown = s; }
      let other = false;
      for (let i = 0; i < notFoot.length; i++) if (notFoot[i] && bw.contactForce[i * 3 + 1] > 0) other = true;
      if (other) { fell = rec * dt; break; } // the body fell over: its impacts are not landing loads
      impulse += (fy - BW) * dt;
      readState(bw);
      readJointAngles(bw);
      centreOfMass(bw, com);
      const A = bw.jointAngles;
      out.time[rec] = rec * dt;
      out.grf[rec] = fy / BW;
      out.knee[rec] = A[kr * 3] * R2D;
      out.hip[rec] = A[hr * 3] * R2D;
      out.ankle[rec] = A[ar * 3] * R2D;
      out.com[rec] = com[1];
      if (fy / BW > peak) { peak = fy / BW; tPeak = rec * dt; }
      kneeMax = Math.max(kneeMax, A[kr * 3] * R2D, A[kl * 3] * R2D);
      hipMax = Math.max(hipMax, A[hr * 3] * R2D, A[hl * 3] * R2D);
      ankleMax = Math.max(ankleMax, A[ar * 3] * R2D, A[al * 3] * R2D);
      pen = Math.max(pen, bw.penetration);
      viol = Math.max(viol, limitViolationDeg(model, A));
      rec++;
      if (options.onProgress && rec % 100 === 0) options.onProgress(rec / n);
    }
    const vEnd = com[4];
    const m = fell === null ? n : Math.max(Math.round(fell / dt), 1);
    const imErr = (Math.abs(impulse - model.mass * (vEnd - vStart)) / (model.mass * Math.max(v0, 0.1))) * 100;
    return {
      peakVerticalGrfBw: peak, timeToPeakS: tPeak, loadingRateBwPerS: tPeak > 0 ? peak / tPeak : 0,
      kneeFlexionPeakDeg: kneeMax, hipFlexionPeakDeg: hipMax, ankleDorsiflexionPeakDeg: ankleMax,
      penetrationMaxM: pen, jointLimitViolationMaxDeg: viol, impulseMomentumErrorPct: imErr,
      touchdownVelocityMs: v0, fellAtS: fell, bodyWeightN: BW, strategy, sampleRate: 1 / dt,
      time: out.time.slice(0, m), grfVerticalBw: out.grf.slice(0, m), kneeFlexionDeg: out.knee.slice(0, m), hipFlexionDeg: out.hip.slice(0, m),
      ankleFlexionDeg: out.ankle.slice(0, m), comHeightM: out.com.slice(0, m),
    };
  } finally {
    destroyBodyWorld(bw);
  }
}
