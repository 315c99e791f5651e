import { loadAmmo } from '../src/backend/services/ammo.js';
import { buildHandModel } from '../src/core/physics/hand/handModel.js';
import { createHandSampler } from '../src/core/physics/hand/handSampler.js';
const A = await loadAmmo();
for (const [kind, r] of [['cylinder', 0.02], ['sphere', 0.035]] as const) {
  const s = createHandSampler(A, buildHandModel(0.19, { absent: [5] }), { seed: 2, grasp: { kind, radius: r } });
  for (let i = 0; i < 40; i++) { const x = s.sample(i); if (!x.collisionFree || x.attempts > 5) console.log(kind, i, x.attempts, x.collisionFree, x.grasp!.contact); }
  s.destroy();
}
