// The landing controller, run every step after touchdown: yielding extensor springs (landingStrategy.ts) whose
// strength rises with activation, then a hold of the posture reached once the fall is nearly arrested.
import type { BodyModel } from './bodyModel.js';
import { setJointFlexionTarget, setJointMotor, setJointTarget, type BodyWorld } from './bodyWorld.js';
import { legPose, REFERENCE_STATURE_M, type StrategyParams } from './landingStrategy.js';

const R2D = 180 / Math.PI;
/** m/s: CoM sinking speed below which the subject stops yielding and holds the posture reached. */
export const HOLD_SPEED = 0.3;

export interface LandingControl {
  params: StrategyParams;
  pose: Float64Array; // joints × 3, deg: pre-landing angles (their adduction and rotation stay the targets)
  legs: number[]; // hip, knee, ankle joints
  target: Float64Array; // joints, deg: current flexion target (yield ratchet)
  strength: number; // × of the strategy's torque caps for this impact speed
  dampingCap: number; // N·m, damping torque cap of the leg joints at full activation
  stiffness: number; // N·m/rad, hip and knee springs
  bottomed: boolean;
}

/** Controller state for a body about to land at v0 (m/s) with `params`; `pose`: its pre-landing angles (deg). */
export function createLandingControl(model: BodyModel, params: StrategyParams, pose: Float64Array, v0: number): LandingControl {
  const scale = model.mass * (model.stature / REFERENCE_STATURE_M); // torques ∝ m·g·H
  const strength = Math.pow(Math.max(v0, 0.5) / Math.sqrt(2 * 9.81 * 0.45), params.velocityGain);
  const legs: number[] = [];
  model.joints.forEach((j, i) => { if (/^(hip|knee|ankle)_/.test(j.name)) legs.push(i); });
  return {
    params, pose, legs,
    target: new Float64Array(model.joints.length), strength, dampingCap: strength * params.maxDampingTorquePerKg * scale,
    stiffness: params.stiffnessPerKg * scale, bottomed: false,
  };
}

/** At touchdown: the leg and lumbar motors switch from holding the pre-landing pose to the strategy. */
export function engageLanding(bw: BodyWorld, c: LandingControl): void {
  const targets = legPose(bw.model, c.params);
  const lumbar = bw.model.joints.findIndex((j) => j.name === 'lumbar');
  for (const i of [...c.legs, lumbar]) {
    const ankle = bw.model.joints[i].name.startsWith('ankle');
    setJointMotor(bw, i, ankle ? (c.stiffness * c.params.ankleStiffnessPerKg) / c.params.stiffnessPerKg : c.stiffness, 200);
    setJointTarget(bw, i, targets[i * 3], c.pose[i * 3 + 1], c.pose[i * 3 + 2]);
    c.target[i] = targets[i * 3];
  }
}

/** One control step, t s after touchdown, from bw.jointAngles (rad) and the CoM velocity com[3..5] (m/s). Allocation-free. */
export function controlLanding(bw: BodyWorld, c: LandingControl, com: Float64Array, t: number): void {
  const p = c.params;
  const A = bw.jointAngles;
  const bottom = !c.bottomed && t > 0 && com[4] > -HOLD_SPEED;
  if (bottom) c.bottomed = true;
  const act = Math.min(1, p.preActivation + ((1 - p.preActivation) * t) / p.activationS);
  for (let j = 0; j < c.legs.length; j++) {
    const i = c.legs[j];
    bw.dampingTorqueMax[i] = act * c.dampingCap;
    const lag = A[i * 3] * R2D - (bottom ? 0 : act * c.strength * p.yieldDeg);
    if (bottom || (!c.bottomed && lag > c.target[i])) { c.target[i] = lag; setJointFlexionTarget(bw, i, lag); }
  }
}
