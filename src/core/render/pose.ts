// Random body poses within the model's anatomical range of motion, reproducible from (seed, i).
import type { RandomStream } from '../random/stream';
import type { BodyModel } from '../twin/model';

export interface PoseOptions {
  romFraction?: number; // each joint coordinate uniform in [fraction·min, fraction·max] (default 0.6: keeps poses plausible)
  maxTiltRad?: number; // pelvis tilt / list uniform in ±this (default 0.15 rad)
}

/**
 * Coordinates (rad / m) for one random pose: the pelvis stands at the neutral pose's position with a uniform heading
 * (pelvis_rotation in [0, 2π)) and small tilt/list; every other coordinate is uniform within its ROM, shrunk toward
 * the neutral pose by `romFraction` (so it always stays inside [min, max] because min ≤ 0 ≤ max).
 */
export function samplePose(model: BodyModel, neutral: ArrayLike<number>, rng: RandomStream, options: PoseOptions = {}): Float64Array {
  const k = options.romFraction ?? 0.6;
  const tilt = options.maxTiltRad ?? 0.15;
  const q = Float64Array.from(neutral);
  const root = model.segments[0].coordinates;
  for (let j = 0; j < model.coordinates.length; j++) {
    const c = model.coordinates[j];
    if (c.segment === 0 || root.includes(j)) {
      if (c.kind === 'translation') continue; // keep the neutral standing position
      q[j] = c.name.endsWith('rotation') ? rng.nextUniform(0, 2 * Math.PI) : rng.nextUniform(-tilt, tilt);
      continue;
    }
    const lo = Number.isFinite(c.min) ? Math.min(0, c.min) * k : -Math.PI * k;
    const hi = Number.isFinite(c.max) ? Math.max(0, c.max) * k : Math.PI * k;
    q[j] = rng.nextUniform(lo, hi);
  }
  return q;
}
