// Drop landing: the body leaves a box of height h (arrives at the ground with v = √(2gh)) in a pre-landing pose, feet
// under its CoM and toes down, lands on compliant heel-pad contacts (landingStrategy.ts: LANDING_FOOT_CONTACT) and
// absorbs the fall with a strategy, stiff ↔ soft: yielding extensor springs and dampers (landingControl.ts).
// Reported: vertical GRF (BW), joint angles, penetration, limit violations. createLandingSimulator reuses one Bullet
// world for many subjects (cohorts), with results bit-identical to a fresh world. upperBody 'lumped' (lumpedBody.ts)
// freezes head and arms onto the torso in the pre-landing posture: 8 bodies instead of 15, ~28 % less time per landing.
import { KinetwinError } from '../../errors.js';
import type { AmmoModule } from '../ammo.js';
import { CounterRandom } from '../random.js';
import { buildBodyModel, jointIndex, type Anthropometrics, type BodyModel } from './bodyModel.js';
import { centreOfMass, createBodyWorld, type BodyWorld, destroyBodyWorld, readJointAngles, readState, setJointMotor, setJointTarget, stepBodyWorld } from './bodyWorld.js';
import type { FootContactParams } from './footContact.js';
import { limitViolationDeg } from './limits.js';
import { lowestPoint, poseSegments, segmentLowestY, segmentReach } from './pose.js';
import { LANDING_STRATEGIES, landingFootContact, legPose, PRE_LANDING, REFERENCE_STATURE_M, type LandingStrategy } from './landingStrategy.js';
import { controlLanding, createLandingControl, engageLanding } from './landingControl.js';
import { createWorld, destroyWorld, type PhysicsWorld } from '../world.js';
import { lumpUpperBody, type UpperBody } from './lumpedBody.js';

export { legPose, type LandingStrategy } from './landingStrategy.js';

export interface LandingOptions extends Anthropometrics {
  height: number; // m, drop height (box top to ground), 0–1.5
  strategy?: LandingStrategy; // default 'soft'
  seed?: number; // jitters the pre-landing pose by up to ±1° per joint axis (default 0: no jitter)
  dt?: number; // s (default 1/1000)
  substeps?: number; // default 1
  duration?: number; // s simulated after touchdown (default 0.5)
  footContact?: Partial<FootContactParams>; // override the compliant foot contact (defaults landingFootContact(mass))
  upperBody?: UpperBody; // 'articulated' (default: 15 segments) or 'lumped': head and arms frozen onto the torso in the pre-landing posture (8 segments, cohorts)
  onProgress?: (fraction: number) => void;
  onFrame?: (bw: BodyWorld, timeS: number) => void; // each recorded step, after readState/readJointAngles (live views)
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


/** Sequential-impulse iterations: 5 give the peaks of 10 within ~4 % at 3/4 of the cost (the joints converge fast). */
const SOLVER_ITERATIONS = 5;

/** A landing simulator that keeps one Bullet world (collision configuration, dispatcher, broadphase, solver) for
 * many subjects, e.g. one per cohort worker; each run gives the same result as simulateLanding. */
export interface LandingSimulator {
  run(options: LandingOptions): LandingResult;
  destroy(): void;
}

export function createLandingSimulator(ammo: AmmoModule): LandingSimulator {
  let pw: PhysicsWorld | null = createWorld(ammo);
  return {
    run: (options) => {
      if (!pw) throw new KinetwinError('the landing simulator was destroyed');
      return landingIn(ammo, options, pw);
    },
    destroy: () => { if (pw) destroyWorld(pw); pw = null; },
  };
}

/**
 * Segment poses (segments × 7) for joint angles (deg) with the whole body pitched about Z so that its CoM lies `ahead` m
 * in front of the feet's centres: subjects land with the feet under the body, not ahead of it.
 */
function balancedPose(model: BodyModel, angles: Float64Array, ahead: number): Float64Array {
  const upright = poseSegments(model, angles, model.segments[0].com, [0, 0, 0, 1]);
  let M = 0, cx = 0, cy = 0, fx = 0, fy = 0, feet = 0;
  model.segments.forEach((sg, i) => {
    M += sg.mass; cx += sg.mass * upright[i * 7]; cy += sg.mass * upright[i * 7 + 1];
    if (sg.name.startsWith('foot')) { fx += upright[i * 7]; fy += upright[i * 7 + 1]; feet++; }
  });
  const dx = fx / feet - cx / M, dy = fy / feet - cy / M; // m, feet relative to the CoM
  const r = Math.hypot(dx, dy);
  // rotation φ about +Z (negative: forward lean) putting the feet `ahead` m behind the CoM: x' = r·sin(α + φ) = −ahead
  const pitch = Math.asin(Math.max(-1, Math.min(1, -ahead / r))) - Math.atan2(dx, -dy);
  return poseSegments(model, angles, model.segments[0].com, [0, 0, Math.sin(pitch / 2), Math.cos(pitch / 2)]);
}

/** Runs a drop landing in a fresh world and returns its GRF, kinematics and physics checks. */
export function simulateLanding(ammo: AmmoModule, options: LandingOptions): LandingResult {
  return landingIn(ammo, options, null);
}

/** The landing in `world` (emptied first and after) or, when null, in a world of its own. */
function landingIn(ammo: AmmoModule, options: LandingOptions, world: PhysicsWorld | null): LandingResult {
  const h = options.height;
  if (!Number.isFinite(h) || h < 0) throw new KinetwinError(`drop height must be ≥ 0 m, got ${h}`);
  if (h > 1.5) throw new KinetwinError(`drop height ${h} m is beyond the 1.5 m the landing model is meant for`);
  const strategy = options.strategy ?? 'soft';
  const params = LANDING_STRATEGIES[strategy];
  if (!params) throw new KinetwinError(`unknown landing strategy '${String(strategy)}' (soft or stiff)`);
  const upperBody = options.upperBody ?? 'articulated';
  if (upperBody !== 'articulated' && upperBody !== 'lumped') throw new KinetwinError(`upperBody must be 'articulated' or 'lumped', got '${String(upperBody)}'`);
  const full = buildBodyModel(options);
  const duration = options.duration ?? 0.5;
  if (!(duration > 0 && duration <= 10)) throw new KinetwinError(`duration must be in (0, 10] s, got ${duration}`);
  const g = 9.81;
  const BW = full.mass * g;

  const fullAngles = legPose(full, PRE_LANDING);
  if (options.seed !== undefined && options.seed !== 0) {
    const rng = new CounterRandom(options.seed, 0);
    for (let i = 0; i < fullAngles.length; i++) fullAngles[i] += rng.uniform(-1, 1);
  }
  // lumped: the (jittered) arm and neck posture is frozen into the torso; the same draws as articulated
  const { model, angles } = upperBody === 'lumped' ? lumpUpperBody(full, fullAngles) : { model: full, angles: fullAngles };
  const pose = balancedPose(model, angles, params.comAheadM);
  const clearance = 0.002; // m: first contact after ~0.2 ms
  const lift = clearance - lowestPoint(model, pose);
  for (let i = 0; i < model.segments.length; i++) pose[i * 7 + 1] += lift;
  const v0 = Math.sqrt(2 * g * Math.max(h - clearance, 0));
  const bw = createBodyWorld(ammo, model, { pose, initialVelocity: [0, -v0, 0], dt: options.dt, substeps: options.substeps, contactModel: 'compliant', groundContact: false, solverIterations: SOLVER_ITERATIONS, footContact: landingFootContact(model.mass, options.footContact), world: world ?? undefined, damping: params.dampingPerKg * (model.stature / REFERENCE_STATURE_M) ** 1.5 });
  try {
    // In flight the motors hold the pre-landing pose; at touchdown the leg joints switch to the strategy.
    for (let i = 0; i < model.joints.length; i++) {
      setJointMotor(bw, i, 20 * model.mass, 200);
      setJointTarget(bw, i, angles[i * 3], angles[i * 3 + 1], angles[i * 3 + 2]);
    }
    const control = createLandingControl(model, params, angles, v0);
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
    const reach = model.segments.map((sg) => segmentReach(sg.shape)); // m: a segment whose CoM is higher cannot touch y = 0
    const R2D = 180 / Math.PI;
    // Step until touchdown (bounded), then record `n` steps.
    for (let s = 0, rec = 0; rec < n; s++) {
      if (touchdown < 0 && s > 1000) throw new KinetwinError('landing never touched the ground within 1 s');
      if (touchdown < 0) { readState(bw); centreOfMass(bw, com); vStart = com[4]; }
      stepBodyWorld(bw, true); // bw.state is current: read before the first step and after every step
      let fy = 0;
      for (let i = 1; i < bw.contactForce.length; i += 3) fy += bw.contactForce[i];
      if (touchdown < 0) { if (fy <= 0) continue; touchdown = s; engageLanding(bw, control); }
      readState(bw);
      let other = false;
      for (let i = 0; i < notFoot.length; i++) if (notFoot[i] && bw.state[i * 13 + 1] < reach[i] && segmentLowestY(model, bw.state, i) < 0) other = true;
      if (other) { fell = rec * dt; break; } // the body fell over: its impacts are not landing loads
      impulse += (fy - BW) * dt;
      readJointAngles(bw);
      options.onFrame?.(bw, rec * dt);
      centreOfMass(bw, com);
      const A = bw.jointAngles;
      controlLanding(bw, control, com, rec * dt);
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
