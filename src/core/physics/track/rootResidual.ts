// The root residual of a reference motion: the force and moment a "hand of God" at the pelvis must add to the ground
// reaction for the body to follow the motion — inverse dynamics at the root, what OpenSim's residual reduction
// (Delp et al. 2007, IEEE TBME 54:1940) drives down. F_res = M(a_CoM − g) − F_ground, M_res = dL_CoM/dt − M_ground
// (about the CoM). The ground reaction is the measured one when force plates cover the motion; otherwise the best the
// floor can do: when a foot is on it, the required force projected onto the friction cone (with any moment, the
// centre of pressure being free within the feet), nothing in flight.
import type { BodyModel } from '../body/bodyModel.js';
import { footSpheres } from '../body/footContact.js';
import { qrot } from '../body/pose.js';
import { projectFrictionCone } from './frictionCone.js';
import type { Reference } from './reference.js';

export interface GroundWrench {
  forceN: Float64Array; // frames × 3, N, total ground reaction on the body, motion lab frame (Y up); NaN where unknown
  momentNm: Float64Array; // frames × 3, N·m, its total moment about the lab origin (COP × F + free moments)
}

export interface RootResidual {
  force: Float64Array; // frames × 3, N
  moment: Float64Array; // frames × 3, N·m about the CoM
  footOnGround: Uint8Array; // frames, 1 when a reference foot contact point is within `contactToleranceM` of the floor
}

/** Height (m) of the lowest foot contact point (sphere bottom) of each reference frame. */
export function lowestFootPoint(model: BodyModel, ref: Reference): Float64Array {
  const sp = footSpheres(model), ns = model.segments.length, v = new Float64Array(3), out = new Float64Array(ref.frames).fill(Infinity);
  for (let f = 0; f < ref.frames; f++) {
    for (const s of sp) {
      const o = (f * ns + s.segment) * 7;
      qrot(ref.pose, o + 3, s.local[0], s.local[1], s.local[2], v);
      out[f] = Math.min(out[f], ref.pose[o + 1] + v[1] - s.radius);
    }
  }
  return out;
}

/** Root residual per frame (see the file comment); `mu`: floor friction coefficient. */
export function rootResidual(model: BodyModel, ref: Reference, ground: GroundWrench | undefined, mu: number, contactToleranceM = 0.01): RootResidual {
  const n = ref.frames, force = new Float64Array(n * 3), moment = new Float64Array(n * 3), footOnGround = new Uint8Array(n);
  const low = lowestFootPoint(model, ref), proj = new Float64Array(3);
  for (let f = 0; f < n; f++) {
    const o = f * 3, F = ref.requiredForce, M = ref.requiredMoment, c = ref.com;
    footOnGround[f] = low[f] <= contactToleranceM ? 1 : 0;
    const g = ground?.forceN, gm = ground?.momentNm;
    if (g && gm && Number.isFinite(g[o]) && Number.isFinite(g[o + 1]) && Number.isFinite(g[o + 2])) {
      // ground moment about the CoM: M_O − c × F
      const mx = gm[o] - (c[o + 1] * g[o + 2] - c[o + 2] * g[o + 1]);
      const my = gm[o + 1] - (c[o + 2] * g[o] - c[o] * g[o + 2]);
      const mz = gm[o + 2] - (c[o] * g[o + 1] - c[o + 1] * g[o]);
      for (let k = 0; k < 3; k++) force[o + k] = F[o + k] - g[o + k];
      moment[o] = M[o] - mx; moment[o + 1] = M[o + 1] - my; moment[o + 2] = M[o + 2] - mz;
    } else if (footOnGround[f]) {
      projectFrictionCone(F[o], F[o + 1], F[o + 2], mu, proj);
      for (let k = 0; k < 3; k++) force[o + k] = F[o + k] - proj[k];
    } else {
      for (let k = 0; k < 3; k++) { force[o + k] = F[o + k]; moment[o + k] = M[o + k]; }
    }
  }
  return { force, moment, footOnGround };
}
