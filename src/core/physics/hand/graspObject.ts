// The primitive a sampled hand grasps: a cylinder (radius r, length l; axis = object X) or a sphere, its size fixed or
// drawn per sample from a seeded range, and its pose in the carpus (palm) frame: against the palmar surface, a cylinder's
// axis across the palm (Cutkosky 1989 power grasps: IEEE Trans Robot Autom 5:269).
import { KinetwinError } from '../../errors.js';
import type { CounterRandom } from '../random.js';

export type GraspPrimitive = 'cylinder' | 'sphere';

export interface GraspOptions {
  object: GraspPrimitive;
  radius?: number; // m; drawn per sample from RADIUS_RANGE when absent
  length?: number; // m, cylinder only; drawn per sample from LENGTH_RANGE when absent
}

export interface GraspObjectSize {
  type: GraspPrimitive;
  radius: number; // m
  length: number; // m (cylinder), 0 for a sphere
}

// Sizes drawn per sample (m): handles and balls of everyday power grasps.
export const RADIUS_RANGE: Record<GraspPrimitive, [number, number]> = { cylinder: [0.015, 0.04], sphere: [0.02, 0.045] };
export const LENGTH_RANGE: [number, number] = [0.12, 0.2];

/** Checks grasp options; throws a KinetwinError for unknown primitives and impossible sizes. */
export function checkGraspOptions(o: GraspOptions): GraspOptions {
  if (o === null || typeof o !== 'object') throw new KinetwinError('grasp options must be an object');
  if (o.object !== 'cylinder' && o.object !== 'sphere') throw new KinetwinError(`unknown grasp primitive '${String(o.object)}' (use cylinder or sphere)`);
  if (o.radius !== undefined && !(Number.isFinite(o.radius) && o.radius > 0)) throw new KinetwinError(`object radius must be a positive number of metres, got ${o.radius}`);
  if (o.radius !== undefined && (o.radius < 0.005 || o.radius > 0.1)) throw new KinetwinError(`object radius must be between 0.005 and 0.1 m, got ${o.radius}`);
  if (o.length !== undefined) {
    if (o.object !== 'cylinder') throw new KinetwinError('object length applies to a cylinder only');
    if (!(Number.isFinite(o.length) && o.length > 0)) throw new KinetwinError(`object length must be a positive number of metres, got ${o.length}`);
    if (o.length < 0.02 || o.length > 1) throw new KinetwinError(`object length must be between 0.02 and 1 m, got ${o.length}`);
  }
  return o;
}

/** The object's size for one sample: the given sizes, or draws from the ranges (always two draws: same stream layout). */
export function drawObjectSize(o: GraspOptions, rng: CounterRandom): GraspObjectSize {
  const [r0, r1] = RADIUS_RANGE[o.object];
  const r = rng.uniform(r0, r1), l = rng.uniform(LENGTH_RANGE[0], LENGTH_RANGE[1]);
  return { type: o.object, radius: o.radius ?? r, length: o.object === 'cylinder' ? o.length ?? l : 0 };
}

/**
 * Rotation (row-major 3 × 3, object → carpus frame) of a cylinder whose axis (object X) lies across the palm,
 * turned by `tiltDeg` about the palm normal (carpus Z). A sphere uses the same frame.
 */
export function objectRotation(tiltDeg: number, out: Float64Array): Float64Array {
  const t = (tiltDeg * Math.PI) / 180, c = Math.cos(t), s = Math.sin(t);
  out[0] = c; out[1] = -s; out[2] = 0;
  out[3] = s; out[4] = c; out[5] = 0;
  out[6] = 0; out[7] = 0; out[8] = 1;
  return out;
}
