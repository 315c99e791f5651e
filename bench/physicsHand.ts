// Hand pose samples per second (uniform sampling, full hand, Ammo self-collision checks) — part of bench/physics.ts.
import { loadAmmo } from '../src/backend/services/ammo.js';
import { buildHandModel } from '../src/core/physics/hand/handModel.js';
import { createHandSampler } from '../src/core/physics/hand/handSampler.js';

/** Best-of-5 rate of 4,000-sample windows after a 2,000-sample warm-up. */
export async function benchHandSampling(): Promise<number> {
  const ammo = await loadAmmo();
  const sampler = createHandSampler(ammo, buildHandModel(0.19), { seed: 1 });
  let i = 0;
  for (; i < 2000; i++) sampler.sample(i);
  let best = 0;
  for (let w = 0; w < 5; w++) {
    const t0 = performance.now();
    for (let k = 0; k < 4000; k++) sampler.sample(i++);
    best = Math.max(best, 4000 / ((performance.now() - t0) / 1000));
  }
  sampler.destroy();
  return best;
}
