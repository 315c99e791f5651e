import type { ComKinematics } from './comKinematics';
import type { PhaseRange } from './asymmetry';
import type { JumpType } from './types';

/** What detection found in the recording (indices into the force arrays). */
export interface JumpContext {
  total: Float64Array; // N, sum of the plates
  rate: number; // Hz
  threshold: number; // N, take-off / landing level
  contact: number; // first loaded sample (0 when the recording starts loaded)
  takeoff: number; // first unloaded sample of the flight
  landing: number | null; // first loaded sample after the flight
  warnings: string[];
}

/** What one analysis path (standing jump or drop jump) derives from the context. */
export interface JumpCore {
  type: JumpType;
  bodyWeight: number; // N
  weighing: { start: number; end: number; sd: number } | null; // quiet-standing window [start, end)
  onsetThreshold: number | null; // N
  movementStart: number; // onset (cmj/sj) or first contact (dj)
  onset: number | null;
  kin: ComKinematics; // covers [movementStart, n)
  takeoffVelocity: number; // m/s
  method: 'takeoff-velocity' | 'drop-height' | 'landing-velocity';
  touchdownVelocity: number | null; // m/s, dj only
  phases: PhaseRange[]; // indices, in time order
  peakNegativeVelocity: number | null; // index
  lowestPosition: number | null; // index
  landingEnd: number | null; // index
}

// Braking/propulsion boundary: COM velocity above 0.01 m/s (McMahon et al. 2018).
export const PROPULSION_VELOCITY = 0.01; // m/s

/** Velocity at recording index i. */
export function velocityAt(kin: ComKinematics, i: number): number {
  return kin.velocity[i - kin.from];
}

/** Index of the minimum velocity in [from, to). */
export function argMinVelocity(kin: ComKinematics, from: number, to: number): number {
  let best = from;
  for (let i = from; i < to; i++) if (velocityAt(kin, i) < velocityAt(kin, best)) best = i;
  return best;
}

/** First index in [from, to) with velocity above `level`, or −1. */
export function firstVelocityAbove(kin: ComKinematics, from: number, to: number, level: number): number {
  for (let i = from; i < to; i++) if (velocityAt(kin, i) > level) return i;
  return -1;
}

// Flight and landing phases; landing ends when COM velocity returns to zero (McMahon et al. 2018).
export function flightAndLanding(ctx: JumpContext, kin: ComKinematics): { phases: PhaseRange[]; landingEnd: number | null } {
  const n = ctx.total.length;
  if (ctx.landing === null) return { phases: [], landingEnd: null };
  let landingEnd = -1;
  for (let i = ctx.landing; i < n; i++)
    if (velocityAt(kin, i) >= 0) {
      landingEnd = i;
      break;
    }
  if (landingEnd < 0) {
    ctx.warnings.push('COM velocity never returned to zero after landing; landing phase runs to the end of the recording');
    landingEnd = n - 1;
  }
  return {
    phases: [
      { name: 'flight', start: ctx.takeoff, end: ctx.landing },
      { name: 'landing', start: ctx.landing, end: landingEnd },
    ],
    landingEnd,
  };
}
