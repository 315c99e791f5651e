// Compliant foot–ground contact: Hunt–Crossley spheres on each foot (Hunt & Crossley 1975, J Appl Mech 42:440),
// F_n = k·δ^{3/2}·(1 + 1.5·c·δ̇), with regularised Coulomb friction. Rigid Bullet contact makes a landing foot stop
// within one step and gives unphysical force spikes; the heel pad deforms about a centimetre in real landings.
// The forces are damped linearly-implicitly against each contact point's effective mass (a light foot's toe
// has ≈ 0.1 kg), so the penalty contact stays stable at a 1 ms step.
import type { BodyModel, Vec3 } from './bodyModel.js';

export interface ContactSphere {
  segment: number; // segment index (a foot)
  local: Vec3; // m, sphere centre relative to the segment CoM, segment axes
  radius: number; // m
  invMass: number; // 1/kg of the segment
  invInertia: Vec3; // 1/(kg·m²), principal, segment axes
}

export interface FootContactParams {
  stiffness: number; // N/m^1.5 (default 1e5: heel pad, shoe and soft tissue together, ≈ 1e5 N/m for the whole foot)
  dissipation: number; // s/m (default 2)
  friction: number; // Coulomb coefficient (default 0.8)
  slipVelocity: number; // m/s, friction regularisation (default 0.02)
  tangentialStiffness: number; // N/m, stiction spring to each sphere's anchor point (default 2e4)
  hallux?: number; // hallux sphere's place from heel (0) to toe tip (1) sphere centres (default 1: the toe tip)
}

export const DEFAULT_FOOT_CONTACT: FootContactParams = { stiffness: 1e5, dissipation: 2, friction: 0.8, slipVelocity: 0.02, tangentialStiffness: 2e4 };

/** Four spheres per foot: heel, first and fifth metatarsal heads, hallux; touching y = 0 in the neutral pose. */
export function footSpheres(model: BodyModel, hallux = 1): ContactSphere[] {
  const out: ContactSphere[] = [];
  model.segments.forEach((s, i) => {
    if (!s.name.startsWith('foot') || s.shape.kind !== 'box') return;
    const [hx, hy, hz] = s.shape.halfExtents;
    const r = Math.min(0.02 * (model.stature / 1.75), hy, hz / 2);
    const y = -hy + r; // box bottom + r, relative to the CoM (box centred on the CoM)
    const heel = -hx + r;
    const toe = hx - r;
    const base = { segment: i, radius: r, invMass: 1 / s.mass, invInertia: [1 / s.inertia[0], 1 / s.inertia[1], 1 / s.inertia[2]] as Vec3 };
    out.push({ ...base, local: [heel, y, 0] });
    out.push({ ...base, local: [heel + 0.72 * (toe - heel), y, hz - r] });
    out.push({ ...base, local: [heel + 0.72 * (toe - heel), y, -(hz - r)] });
    out.push({ ...base, local: [heel + hallux * (toe - heel), y, 0] });
  });
  return out;
}

/** 1 / effective mass along unit axis e (0 x, 1 y, 2 z) at offset (cx, cy, cz) from the CoM of a body oriented by q. */
function invEffMass(sp: ContactSphere, qx: number, qy: number, qz: number, qw: number, cx: number, cy: number, cz: number, e: number): number {
  // u = c × e (lab), then into body axes: u_b = conj(q) u
  const ux = e === 0 ? 0 : e === 1 ? -cz : cy;
  const uy = e === 0 ? cz : e === 1 ? 0 : -cx;
  const uz = e === 0 ? -cy : e === 1 ? cx : 0;
  const tx = 2 * (-qy * uz + qz * uy), ty = 2 * (-qz * ux + qx * uz), tz = 2 * (-qx * uy + qy * ux);
  const bx = ux + qw * tx + (-qy * tz + qz * ty);
  const by = uy + qw * ty + (-qz * tx + qx * tz);
  const bz = uz + qw * tz + (-qx * ty + qy * tx);
  const I = sp.invInertia;
  return sp.invMass + bx * bx * I[0] + by * by * I[1] + bz * bz * I[2];
}

/** Penetration (m, > 0 when touching the ground y = 0) of a sphere; `state`: segments × 13. */
function sphereDepth(sp: ContactSphere, state: Float64Array): number {
  const o = sp.segment * 13;
  const qx = state[o + 3], qy = state[o + 4], qz = state[o + 5], qw = state[o + 6];
  const [lx, ly, lz] = sp.local;
  const tx = 2 * (qy * lz - qz * ly), tz = 2 * (qx * ly - qy * lx);
  const ry = ly + qw * (2 * (qz * lx - qx * lz)) + (qz * tx - qx * tz);
  return sp.radius - (state[o + 1] + ry);
}

/** Per-sphere stiction anchors: spheres × 3 (x, z anchor in m; third slot 1 when anchored). */
export function createAnchors(spheres: readonly ContactSphere[]): Float64Array {
  return new Float64Array(spheres.length * 3);
}

/**
 * Contact wrench on each sphere's segment. Friction is a stiction spring to the point where the sphere touched down
 * (a "bristle" model) plus damping, capped at μ·F_n, the anchor sliding when the cap is hit. `state`: segments × 13 (position, quaternion, linear and angular
 * velocity), `force`/`torque`: segments × 3, accumulated (N, N·m, lab frame, torque about the CoM); h: step (s).
 * Returns the deepest penetration (m). Allocation-free.
 */
export function footContactWrench(
  spheres: readonly ContactSphere[], state: Float64Array, p: FootContactParams, h: number, force: Float64Array, torque: Float64Array,
  anchors: Float64Array,
): number {
  let deepest = 0;
  let runEnd = 0, touching = 1;
  for (let k = 0; k < spheres.length; k++) {
    const sp = spheres[k];
    if (k === runEnd) {
      // Spheres of one segment are contiguous: count those touching, because their implicit dampers act on the same
      // body together (each one's h·D/m_eff < 1 alone, so n of them must share the body's mass or they oscillate).
      touching = 0;
      while (runEnd < spheres.length && spheres[runEnd].segment === sp.segment) { if (sphereDepth(spheres[runEnd], state) > 0) touching++; runEnd++; }
      touching = Math.max(touching, 1);
    }
    const o = sp.segment * 13;
    const qx = state[o + 3], qy = state[o + 4], qz = state[o + 5], qw = state[o + 6];
    const [lx, ly, lz] = sp.local;
    const tx = 2 * (qy * lz - qz * ly), ty = 2 * (qz * lx - qx * lz), tz = 2 * (qx * ly - qy * lx);
    const rx = lx + qw * tx + (qy * tz - qz * ty);
    const ry = ly + qw * ty + (qz * tx - qx * tz);
    const rz = lz + qw * tz + (qx * ty - qy * tx);
    const depth = sp.radius - (state[o + 1] + ry);
    const a3 = k * 3;
    if (depth <= 0) { anchors[a3 + 2] = 0; continue; }
    if (depth > deepest) deepest = depth;
    // Contact point (bottom of the sphere) offset from the CoM and its velocity v + ω × c.
    const cx = rx, cy = ry - sp.radius, cz = rz;
    const wx = state[o + 10], wy = state[o + 11], wz = state[o + 12];
    const vx = state[o + 7] + (wy * cz - wz * cy);
    const vy = state[o + 8] + (wz * cx - wx * cz);
    const vz = state[o + 9] + (wx * cy - wy * cx);
    // Normal: F = kδ^1.5(1 + 1.5cδ̇), δ̇ = −vy; the elastic part explicit, the dissipative part (the stiff one on a
    // light foot) implicit over h against the contact point's effective mass.
    const elastic = p.stiffness * depth * Math.sqrt(depth);
    const C = 1.5 * p.dissipation * elastic; // ∂F/∂δ̇
    const fn = Math.max(0, elastic + (C * -vy) / (1 + C * h * touching * invEffMass(sp, qx, qy, qz, qw, cx, cy, cz, 1)));
    if (fn === 0) { anchors[a3 + 2] = 0; continue; }
    // Friction: stiction spring to the anchor plus implicit damping, capped at μ·F_n (then the anchor slides).
    const px = state[o] + cx, pz = state[o + 2] + cz;
    if (anchors[a3 + 2] === 0) { anchors[a3] = px; anchors[a3 + 1] = pz; anchors[a3 + 2] = 1; }
    const ct = (p.friction * fn) / p.slipVelocity;
    let fx = -p.tangentialStiffness * (px - anchors[a3]) - (ct * vx) / (1 + ct * h * touching * invEffMass(sp, qx, qy, qz, qw, cx, cy, cz, 0));
    let fz = -p.tangentialStiffness * (pz - anchors[a3 + 1]) - (ct * vz) / (1 + ct * h * touching * invEffMass(sp, qx, qy, qz, qw, cx, cy, cz, 2));
    const ft = Math.sqrt(fx * fx + fz * fz);
    const cap = p.friction * fn;
    if (ft > cap) {
      const s = cap / ft;
      fx *= s; fz *= s;
      // slide the anchor so the spring alone would carry the capped force
      anchors[a3] = px + fx / p.tangentialStiffness;
      anchors[a3 + 1] = pz + fz / p.tangentialStiffness;
    }
    const s3 = sp.segment * 3;
    force[s3] += fx; force[s3 + 1] += fn; force[s3 + 2] += fz;
    torque[s3] += cy * fz - cz * fn;
    torque[s3 + 1] += cz * fx - cx * fz;
    torque[s3 + 2] += cx * fn - cy * fx;
  }
  return deepest;
}
