// Countermovement jump from a torque-driven controller: quiet stance, a countermovement (joint motors drive the
// hips, knees and ankles into a squat), then propulsion by hip, knee and ankle extensor torques (peak values
// per kg body mass, ramped in over 50 ms), flight, and a soft landing. Jump height by impulse–momentum
// (v_takeoff² / 2g, McMahon et al. 2018) and from the CoM apex; phases as in REFERENCE.md §3.
import { KinetwinError } from '../../errors.js';
import type { AmmoModule } from '../ammo.js';
import { CounterRandom } from '../random.js';
import { buildBodyModel, jointIndex, type Anthropometrics } from './bodyModel.js';
import { centreOfMass, createBodyWorld, destroyBodyWorld, readJointAngles, readState, setJointMotor, setJointTarget, stepBodyWorld, useCompliantFeet } from './bodyWorld.js';
import { legPose } from './landing.js';

export interface JumpOptions extends Anthropometrics {
  depthDeg?: number; // knee flexion target of the countermovement (default 80)
  strength?: number; // scales the extensor torques (default 1: hip 3.5, knee 3.2, ankle 2.4 N·m/kg)
  seed?: number; // jitters the extensor torques by up to ±3 % each (default 0: none)
  dt?: number; // s (default 1/1000)
  substeps?: number;
  onProgress?: (fraction: number) => void;
}

export interface JumpResult {
  jumpHeightM: number; // impulse–momentum: v_takeoff² / (2 g)
  jumpHeightApexM: number; // CoM rise from take-off to apex, simulated
  takeoffVelocityMs: number;
  countermovementDepthM: number; // lowest CoM below standing
  peakVerticalGrfBw: number; // before take-off
  flightTimeS: number; // take-off → first ground contact (the body rotates backwards in flight: not a height estimate)
  peakPowerWPerKg: number; // max F·v / m during propulsion
  timeToTakeoffS: number; // from movement onset
  rsiModified: number; // jump height / time to take-off
  impulseMomentumErrorPct: number; // |∫(F − mg)dt − m·v_to| / (m·v_to) × 100, onset → take-off
  kneeFlexionPeakDeg: number;
  hipFlexionPeakDeg: number;
  bodyWeightN: number;
  sampleRate: number; // Hz of the series
  time: Float64Array; // s
  grfVerticalBw: Float64Array;
  comHeightM: Float64Array;
  kneeFlexionDeg: Float64Array; // right knee
  hipFlexionDeg: Float64Array; // right hip
  ankleFlexionDeg: Float64Array; // right ankle
}

const EXTENSORS = { hip: 3.5, knee: 3.2, ankle: 2.4 }; // N·m/kg, peak CMJ extensor moments (order of Vanezis & Lees 2005)

/** Simulates one countermovement jump. */
export function simulateJump(ammo: AmmoModule, options: JumpOptions): JumpResult {
  const depth = options.depthDeg ?? 80;
  if (!(depth >= 20 && depth <= 120)) throw new KinetwinError(`countermovement depth must be 20–120° of knee flexion, got ${depth}`);
  const strength = options.strength ?? 1;
  if (!(strength > 0 && strength <= 3)) throw new KinetwinError(`strength must be in (0, 3], got ${strength}`);
  const model = buildBodyModel(options);
  const g = 9.81;
  const M = model.mass;
  const BW = M * g;
  const jitter = [1, 1, 1];
  if (options.seed) { const r = new CounterRandom(options.seed, 1); for (let i = 0; i < 3; i++) jitter[i] = 1 + r.uniform(-0.03, 0.03); }
  const bw = createBodyWorld(ammo, model, { dt: options.dt, substeps: options.substeps });
  try {
    const dt = bw.pw.dt;
    const maxSteps = Math.round(3 / dt);
    const series = { time: new Float64Array(maxSteps), grf: new Float64Array(maxSteps), com: new Float64Array(maxSteps), knee: new Float64Array(maxSteps), hip: new Float64Array(maxSteps), ankle: new Float64Array(maxSteps) };
    const idx = { hip: [jointIndex(model, 'hip_r'), jointIndex(model, 'hip_l')], knee: [jointIndex(model, 'knee_r'), jointIndex(model, 'knee_l')], ankle: [jointIndex(model, 'ankle_r'), jointIndex(model, 'ankle_l')], lumbar: jointIndex(model, 'lumbar') };
    const legJoints = [...idx.hip, ...idx.knee, ...idx.ankle];
    const com = new Float64Array(6);
    readState(bw);
    centreOfMass(bw, com);
    const standY = com[1];
    const squat = legPose(model, { hip: depth * 0.75, knee: depth, ankle: depth * 0.3, lumbar: depth * 0.3 });
    const landing = legPose(model, { hip: 40, knee: 60, ankle: 20, lumbar: 10 });
    const R2D = 180 / Math.PI;
    let phase: 'stance' | 'countermovement' | 'propulsion' | 'flight' | 'landing' = 'stance';
    let onset = -1, takeoffStep = -1, landStep = -1, propStart = -1;
    let impulse = 0, vTo = 0, yTo = 0, apex = -Infinity, low = Infinity, peakGrf = 0, peakPower = 0, kneeMax = 0, hipMax = 0;
    let n = 0, airborneSince = -1, impulseAtTo = 0;
    for (let s = 0; s < maxSteps; s++) {
      const t = s * dt;
      readState(bw);
      readJointAngles(bw);
      centreOfMass(bw, com);
      const kneeNow = bw.jointAngles[idx.knee[0] * 3] * R2D;
      if (phase === 'stance' && t >= 0.3) {
        phase = 'countermovement';
        onset = s;
        for (const j of [...legJoints, idx.lumbar]) { setJointMotor(bw, j, 6 * M, 2.5); setJointTarget(bw, j, squat[j * 3]); }
      } else if (phase === 'countermovement' && (kneeNow >= depth - 8 || com[4] > 0 && s - onset > 100 || s - onset > 1500)) {
        phase = 'propulsion';
        propStart = s;
        for (const j of legJoints) setJointMotor(bw, j, 0, 0, [0]); // flexion motors off: the extensor torques drive
        setJointTarget(bw, idx.lumbar, 0);
      }
      if (phase === 'propulsion') {
        const ramp = Math.min(1, (s - propStart) * dt / 0.05);
        const hipA = bw.jointAngles[idx.hip[0] * 3] * R2D, ankA = bw.jointAngles[idx.ankle[0] * 3] * R2D;
        // extensor torques fade out near full extension (hip 0°, knee 0°, ankle −40°)
        const fade = (x: number, end: number, span: number): number => Math.max(0, Math.min(1, (x - end) / span));
        // hips also keep the pelvis upright: PD on its pitch (rotation about lab Z, backward +) — balance of the trunk
        const pitch = 2 * Math.asin(Math.max(-1, Math.min(1, bw.state[5]))), pitchRate = bw.state[12];
        const upright = 8 * M * pitch + 0.4 * M * pitchRate;
        for (const j of idx.hip) bw.flexionTorque[j] = -EXTENSORS.hip * M * strength * jitter[0] * ramp * fade(hipA, 0, 15) + upright / 2;
        for (const j of idx.knee) bw.flexionTorque[j] = -EXTENSORS.knee * M * strength * jitter[1] * ramp * fade(kneeNow, 0, 15);
        for (const j of idx.ankle) bw.flexionTorque[j] = -EXTENSORS.ankle * M * strength * jitter[2] * ramp * fade(ankA, -45, 15);
      }
      stepBodyWorld(bw);
      let fy = 0;
      for (let i = 1; i < bw.contactForce.length; i += 3) fy += bw.contactForce[i];
      readState(bw);
      centreOfMass(bw, com);
      if (onset >= 0 && phase !== 'flight' && phase !== 'landing') impulse += (fy - BW) * dt;
      if (phase === 'countermovement' || phase === 'propulsion') {
        peakGrf = Math.max(peakGrf, fy / BW);
        low = Math.min(low, com[1]);
        peakPower = Math.max(peakPower, (fy * com[4]) / M);
      }
      // Take-off: force below 10 N (REFERENCE.md §3) for 20 ms in a row; values taken at the first of those samples.
      if (phase === 'propulsion' && fy < 10) {
        if (airborneSince < 0) { airborneSince = s; vTo = com[4]; yTo = com[1]; impulseAtTo = impulse; }
      } else if (phase === 'propulsion') airborneSince = -1;
      if (phase === 'propulsion' && airborneSince >= 0 && s - airborneSince >= 20 && vTo > 0) {
        phase = 'flight';
        takeoffStep = airborneSince;
        apex = com[1];
        useCompliantFeet(bw);
        bw.flexionTorque.fill(0);
        for (const j of legJoints) { setJointMotor(bw, j, 8 * M, 200); setJointTarget(bw, j, landing[j * 3]); }
      } else if (phase === 'flight') {
        apex = Math.max(apex, com[1]);
        if (fy > 10) { phase = 'landing'; landStep = s; }
      }
      readJointAngles(bw);
      series.time[s] = t + dt;
      series.grf[s] = fy / BW;
      series.com[s] = com[1];
      series.knee[s] = bw.jointAngles[idx.knee[0] * 3] * R2D;
      series.hip[s] = bw.jointAngles[idx.hip[0] * 3] * R2D;
      series.ankle[s] = bw.jointAngles[idx.ankle[0] * 3] * R2D;
      kneeMax = Math.max(kneeMax, series.knee[s]);
      hipMax = Math.max(hipMax, series.hip[s]);
      n = s + 1;
      if (landStep >= 0) break; // the touchdown sample ends the jump: landings are simulateLanding's job
      if (options.onProgress && s % 100 === 0) options.onProgress(s / maxSteps);
    }
    if (takeoffStep < 0) throw new KinetwinError('the jump never left the ground (extensor torques too weak for this body)');
    if (landStep < 0) throw new KinetwinError('the jump did not land within 3 s');
    const height = (vTo * vTo) / (2 * g);
    const flight = (landStep - takeoffStep) * dt;
    const tTo = (takeoffStep - onset) * dt;
    return {
      jumpHeightM: height, jumpHeightApexM: apex - yTo, takeoffVelocityMs: vTo, countermovementDepthM: standY - low,
      peakVerticalGrfBw: peakGrf, flightTimeS: flight, peakPowerWPerKg: peakPower, timeToTakeoffS: tTo,
      rsiModified: height / tTo, impulseMomentumErrorPct: (Math.abs(impulseAtTo - M * vTo) / (M * Math.abs(vTo))) * 100,
      kneeFlexionPeakDeg: kneeMax, hipFlexionPeakDeg: hipMax, bodyWeightN: BW, sampleRate: 1 / dt,
      time: series.time.slice(0, n), grfVerticalBw: series.grf.slice(0, n), comHeightM: series.com.slice(0, n),
      kneeFlexionDeg: series.knee.slice(0, n), hipFlexionDeg: series.hip.slice(0, n), ankleFlexionDeg: series.ankle.slice(0, n),
    };
  } finally {
    destroyBodyWorld(bw);
  }
}
