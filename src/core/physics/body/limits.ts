// Joint-limit excursions of a body pose against the model's ISB ranges.
import type { BodyModel } from './bodyModel.js';

const R2D = 180 / Math.PI;

/** Largest excursion (deg, ≥ 0) of any joint axis beyond its limit; `angles`: joints × 3, rad, clinical sense. Allocation-free. */
export function limitViolationDeg(model: BodyModel, angles: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < model.joints.length; i++) {
    const L = model.joints[i].limitsDeg;
    for (let a = 0; a < 3; a++) {
      const r = a === 0 ? L.flexion : a === 1 ? L.adduction : L.rotation;
      const lo = a === 1 ? Math.max(r[0], -85) : r[0];
      const hi = a === 1 ? Math.min(r[1], 85) : r[1];
      const x = angles[i * 3 + a] * R2D;
      if (x < lo) worst = Math.max(worst, lo - x);
      else if (x > hi) worst = Math.max(worst, x - hi);
    }
  }
  return worst;
}
