// Ankle-strategy standing balance: the ankle motors' dorsiflexion target follows the whole-body CoM relative to the
// feet with PD feedback (Winter 1995 Gait Posture 3:193: quiet stance is an ankle-controlled inverted pendulum).
import { centreOfMass, readState, setJointTarget, type BodyWorld } from './bodyWorld.js';

export interface BalanceController {
  ankles: [number, number]; // joint indices of the two ankles
  feet: [number, number]; // segment indices of the two feet
  offset: number; // m, CoM target ahead of the mean foot CoM (default 0)
  kp: number; // deg of dorsiflexion per m of CoM error
  kd: number; // deg per m/s of CoM velocity
  baseDeg: number; // deg, ankle dorsiflexion with the CoM on target
  com: Float64Array; // scratch: CoM position and velocity
}

/** A balance controller for the model's ankle joints and feet. */
export function createBalance(bw: BodyWorld, baseDeg = 0, offset = 0): BalanceController {
  const j = (n: string): number => bw.model.joints.findIndex((x) => x.name === n);
  const s = (n: string): number => bw.model.segments.findIndex((x) => x.name === n);
  return { ankles: [j('ankle_r'), j('ankle_l')], feet: [s('foot_r'), s('foot_l')], offset, kp: 400, kd: 80, baseDeg, com: new Float64Array(6) };
}

/** Updates the ankle targets from the current state (call once per step before stepBodyWorld). */
export function updateBalance(bw: BodyWorld, c: BalanceController): void {
  readState(bw);
  centreOfMass(bw, c.com);
  const footX = (bw.state[c.feet[0] * 13] + bw.state[c.feet[1] * 13]) / 2;
  const target = c.baseDeg + c.kp * (footX + c.offset - c.com[0]) - c.kd * c.com[3];
  const clamped = Math.max(-30, Math.min(25, target));
  setJointTarget(bw, c.ankles[0], clamped);
  setJointTarget(bw, c.ankles[1], clamped);
}
