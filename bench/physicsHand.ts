// Hand pose samples per second (uniform sampling, full hand, Ammo self-collision checks), and grasp samples per second
// (a 30 mm cylinder or a sphere drawn 20–45 mm resting on the palm, every digit closed onto it with Ammo contact
// queries) — part of bench/physics.ts.
import { loadAmmo } from '../src/backend/services/ammo.js';
import type { GraspOptions } from '../src/core/physics/hand/graspObject.js';
import { buildHandModel } from '../src/core/physics/hand/handModel.js';
import { createHandSampler } from '../src/core/physics/hand/handSampler.js';

/** Best-of-5 rate of `window`-sample windows after a warm-up of `warm` samples. */
async function bestRate(grasp: GraspOptions | null, warm: number, window: number): Promise<number> {
  const ammo = await loadAmmo();
  const sampler = createHandSampler(ammo, buildHandModel(0.19), { seed: 1, grasp });
  let i = 0;
  for (; i < warm; i++) sampler.sample(i);
  let best = 0;
  for (let w = 0; w < 5; w++) {
    const t0 = performance.now();
    for (let k = 0; k < window; k++) sampler.sample(i++);
    best = Math.max(best, window / ((performance.now() - t0) / 1000));
  }
  sampler.destroy();
  return best;
}

/** Plain sampling: best-of-5 rate of 4,000-sample windows after a 2,000-sample warm-up. */
export function benchHandSampling(): Promise<number> {
  return bestRate(null, 2000, 4000);
}

/** Grasp sampling (cylinder r = 30 mm, length drawn 0.12–0.2 m): best-of-5 rate of 400-sample windows. */
export function benchHandGraspSampling(object: GraspOptions = { object: 'cylinder', radius: 0.03 }): Promise<number> {
  return bestRate(object, 200, 400);
}
