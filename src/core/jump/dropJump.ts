import { KinetwinError } from '../errors';
import { comKinematics } from './comKinematics';
import { argMinVelocity, firstVelocityAbove, flightAndLanding, PROPULSION_VELOCITY, velocityAt, type JumpContext, type JumpCore } from './context';
import { quietWindow } from './quietWindow';
import { GRAVITY } from './types';
import type { PhaseRange } from './asymmetry';

// Drop jump: the plate is empty until the first contact, so the jumper is weighed in quiet standing
// after landing (quietWindow; or given `bodyMassKg`). The COM velocity at first contact is unknown
// without the drop height, so the take-off velocity comes
//  – with `dropHeight`: v_td = −√(2 g h), then v_to = v_td + ∫(F − BW)/m dt over the contact;
//  – without it: from the landing impulse, integrating backward from rest in the quiet window to the
//    landing (v_land), and v_to = −v_land (take-off and landing at the same COM height, the same
//    assumption the flight-time method makes).
export function analyzeDropJump(ctx: JumpContext, options: { dropHeight?: number; bodyMassKg?: number }): JumpCore {
  const { total, rate, takeoff, landing, contact, warnings } = ctx;
  const n = total.length;
  let bodyWeight: number;
  let weighing: JumpCore['weighing'] = null;
  if (landing !== null) {
    const w = quietWindow(total, rate, landing, n);
    if (w) {
      weighing = { start: w.start, end: w.end, sd: w.sd };
      if (w.end - w.start < Math.round(rate)) warnings.push(`body weight from ${((w.end - w.start) / rate).toFixed(2)} s of standing (1 s recommended)`);
    }
  }
  if (options.bodyMassKg !== undefined) {
    if (!Number.isFinite(options.bodyMassKg) || options.bodyMassKg <= 0) throw new KinetwinError(`body mass must be positive, got ${options.bodyMassKg}`);
    bodyWeight = options.bodyMassKg * GRAVITY;
  } else if (weighing) {
    bodyWeight = mean(total, weighing.start, weighing.end);
  } else {
    throw new KinetwinError('drop jump: no quiet standing after landing to weigh the jumper (record ≥ 1 s after landing, or give the body mass)');
  }
  if (bodyWeight < 2 * ctx.threshold) throw new KinetwinError(`body weight ${bodyWeight.toFixed(1)} N is too small to analyse`);

  let kin;
  let method: JumpCore['method'];
  if (options.dropHeight !== undefined) {
    if (!Number.isFinite(options.dropHeight) || options.dropHeight < 0) throw new KinetwinError(`drop height must be ≥ 0 m, got ${options.dropHeight}`);
    kin = comKinematics(total, rate, bodyWeight, contact, n, contact, -Math.sqrt(2 * GRAVITY * options.dropHeight));
    method = 'drop-height' as const;
  } else {
    if (landing === null || !weighing) throw new KinetwinError('drop jump: need a landing and quiet standing after it, or the drop height, to find the take-off velocity');
    const tail = comKinematics(total, rate, bodyWeight, landing, weighing.start + 1, weighing.start, 0);
    kin = comKinematics(total, rate, bodyWeight, contact, n, takeoff, -tail.velocity[0]);
    method = 'landing-velocity' as const;
  }
  const takeoffVelocity = velocityAt(kin, takeoff);
  const touchdownVelocity = velocityAt(kin, contact);
  if (touchdownVelocity > 0) warnings.push('COM velocity at first contact comes out upward: check the drop height or the landing');

  const phases: PhaseRange[] = [];
  if (contact > 0) phases.push({ name: 'drop', start: 0, end: contact });
  const pnv = argMinVelocity(kin, contact, takeoff);
  const lowest = firstVelocityAbove(kin, pnv, takeoff, PROPULSION_VELOCITY);
  if (lowest < 0) throw new KinetwinError('COM velocity never turned upward during ground contact');
  phases.push({ name: 'braking', start: contact, end: lowest }, { name: 'propulsion', start: lowest, end: takeoff });
  const after = flightAndLanding(ctx, kin);
  phases.push(...after.phases);
  if (weighing) phases.push({ name: 'weighing', start: weighing.start, end: weighing.end - 1 });
  return {
    type: 'dj',
    bodyWeight,
    weighing,
    onsetThreshold: null,
    movementStart: contact,
    onset: null,
    kin,
    takeoffVelocity,
    method,
    touchdownVelocity,
    phases,
    peakNegativeVelocity: pnv,
    lowestPosition: lowest,
    landingEnd: after.landingEnd,
  };
}

function mean(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i];
  return s / (to - from);
}
