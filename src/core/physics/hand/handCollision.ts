// Self-collision queries for a posed hand with Ammo: one capsule per present bone (a static
// body never stepped), a JS bounding-box prefilter over the candidate pairs, then Bullet's narrow phase
// (btCollisionWorld::contactPairTest). Transforms are written straight into the wasm heap.
import type { AmmoModule } from '../ammo.js';
import { createWorld, destroyWorld, type PhysicsWorld } from '../world.js';
import type { HandModel } from './handModel.js';
import type { HandPose } from './handPose.js';

type Ammo = AmmoModule;
type RigidBody = InstanceType<Ammo['btRigidBody']>;

export interface HandCollider {
  pw: PhysicsWorld;
  model: HandModel;
  bodies: (RigidBody | null)[]; // per bone, null when absent
  heap: Int32Array; // per bone: HEAPF32 index of its world transform (−1 absent)
  pairs: Int32Array; // candidate pairs × 2 (bone indices)
  box: Float64Array; // bones × 6 AABB scratch
  seg: Float64Array; // bones × 6: capsule axis start (m) and direction (m), the cylinder part Bullet uses
  callback: InstanceType<Ammo['ConcreteContactResultCallback']>;
  deepest: number; // m, deepest penetration reported by the last query (≥ 0)
  tolerance: number; // m, penetrations shallower than this are not collisions
  queries: number; // narrow-phase queries run so far
}

/** Whether bones a and b may touch in a healthy hand (adjacent, both metacarpals, or fused digits). */
function excluded(model: HandModel, a: number, b: number, fusedDigits: Set<string>): boolean {
  const A = model.bones[a], B = model.bones[b];
  if (A.parent === b || B.parent === a) return true;
  if (A.kind === 'metacarpal' && B.kind === 'metacarpal') return true;
  if (A.digit !== B.digit && fusedDigits.has(`${Math.min(A.digit, B.digit)}:${Math.max(A.digit, B.digit)}`)) return true;
  // the thumb metacarpal lies against the index metacarpal's base and the carpus: its proximal neighbours are allowed
  if (A.digit === B.digit && (A.kind === 'metacarpal' || B.kind === 'metacarpal') && (A.kind === 'proximal' || B.kind === 'proximal')) return true;
  return false;
}

export function createHandCollider(ammo: Ammo, model: HandModel, tolerance = 2e-4): HandCollider {
  const pw = createWorld(ammo, { ground: null, gravity: 0 });
  const fused = new Set((model.variant.fused ?? []).map(([a, b]) => `${Math.min(a, b)}:${Math.max(a, b)}`));
  const bodies: (RigidBody | null)[] = [];
  const heap = new Int32Array(model.bones.length).fill(-1);
  for (let i = 0; i < model.bones.length; i++) {
    const b = model.bones[i];
    if (!b.present) { bodies.push(null); continue; }
    const shape = new ammo.btCapsuleShape(b.radius, Math.max(b.length - b.radius, 1e-4));
    pw.t.setIdentity();
    const motion = new ammo.btDefaultMotionState(pw.t);
    pw.v.setValue(0, 0, 0);
    const info = new ammo.btRigidBodyConstructionInfo(0, motion, shape, pw.v);
    const body = new ammo.btRigidBody(info);
    body.setUserIndex(i);
    pw.world.addCollisionObject(body, 1, 0); // collides with nothing during steps: queried explicitly only
    pw.owned.push(shape, motion, info, body);
    bodies.push(body);
    heap[i] = ammo.getPointer(body.getWorldTransform()) >> 2;
  }
  const pairs: number[] = [];
  for (let a = 0; a < model.bones.length; a++) for (let b = a + 1; b < model.bones.length; b++) {
    if (bodies[a] && bodies[b] && !excluded(model, a, b, fused)) pairs.push(a, b);
  }
  const callback = new ammo.ConcreteContactResultCallback();
  const hc: HandCollider = {
    pw, model, bodies, heap, pairs: Int32Array.from(pairs), box: new Float64Array(model.bones.length * 6), seg: new Float64Array(model.bones.length * 6), callback,
    deepest: 0, tolerance, queries: 0,
  };
  callback.addSingleResult = (cp: number): number => {
    const d = ammo.wrapPointer(cp, ammo.btManifoldPoint).getDistance();
    if (-d > hc.deepest) hc.deepest = -d;
    return 0;
  };
  pw.owned.push(callback);
  return hc;
}

/** Writes bone capsule transforms (centre at mid-bone) and AABBs from a pose. Allocation-free. */
export function placeBones(hc: HandCollider, pose: HandPose): void {
  for (let i = 0; i < hc.model.bones.length; i++) placeBone(hc, pose, i);
}

/** Writes bone i's capsule transform, axis segment and AABB from a pose (nothing when absent). Allocation-free. */
export function placeBone(hc: HandCollider, pose: HandPose, i: number): void {
  const t = hc.heap[i];
  if (t < 0) return;
  const H = hc.pw.ammo.HEAPF32;
  const R = pose.rotation, O = pose.origin, box = hc.box;
  const b = hc.model.bones[i];
  const r = i * 9, half = b.length / 2;
  const ex = R[r + 1] * half, ey = R[r + 4] * half, ez = R[r + 7] * half; // half the bone axis (Y column)
  const cx = O[i * 3] + ex, cy = O[i * 3 + 1] + ey, cz = O[i * 3 + 2] + ez;
  H[t] = R[r]; H[t + 1] = R[r + 1]; H[t + 2] = R[r + 2];
  H[t + 4] = R[r + 3]; H[t + 5] = R[r + 4]; H[t + 6] = R[r + 5];
  H[t + 8] = R[r + 6]; H[t + 9] = R[r + 7]; H[t + 10] = R[r + 8];
  H[t + 12] = cx; H[t + 13] = cy; H[t + 14] = cz;
  const rad = b.radius;
  const k = Math.max(b.length - rad, 1e-4) / b.length; // cylinder part / bone length
  const sg = hc.seg;
  sg[i * 6] = cx - ex * k; sg[i * 6 + 1] = cy - ey * k; sg[i * 6 + 2] = cz - ez * k;
  sg[i * 6 + 3] = 2 * ex * k; sg[i * 6 + 4] = 2 * ey * k; sg[i * 6 + 5] = 2 * ez * k;
  box[i * 6] = cx - Math.abs(ex) - rad; box[i * 6 + 3] = cx + Math.abs(ex) + rad;
  box[i * 6 + 1] = cy - Math.abs(ey) - rad; box[i * 6 + 4] = cy + Math.abs(ey) + rad;
  box[i * 6 + 2] = cz - Math.abs(ez) - rad; box[i * 6 + 5] = cz + Math.abs(ez) + rad;
}

/**
 * Squared distance between segments p1→q1 and p2→q2 given as origin + direction (Ericson 2005, Real-Time Collision
 * Detection §5.1.9). Allocation-free.
 */
export function segmentDistanceSq(
  px: number, py: number, pz: number, dx: number, dy: number, dz: number,
  qx: number, qy: number, qz: number, ex: number, ey: number, ez: number,
): number {
  const rx = px - qx, ry = py - qy, rz = pz - qz;
  const a = dx * dx + dy * dy + dz * dz, e = ex * ex + ey * ey + ez * ez;
  const f = ex * rx + ey * ry + ez * rz;
  const c = dx * rx + dy * ry + dz * rz;
  const b = dx * ex + dy * ey + dz * ez;
  const denom = a * e - b * b;
  let s = denom > 1e-18 ? Math.min(1, Math.max(0, (b * f - c * e) / denom)) : 0;
  let t = (b * s + f) / e;
  if (t < 0) { t = 0; s = Math.min(1, Math.max(0, -c / a)); } else if (t > 1) { t = 1; s = Math.min(1, Math.max(0, (b - c) / a)); }
  const x = rx + dx * s - ex * t, y = ry + dy * s - ey * t, z = rz + dz * s - ez * t;
  return x * x + y * y + z * z;
}

/** The candidate pairs (× 2, bone indices) with at least one bone in `moving` (per bone, 1 = moving). */
export function pairsInvolving(hc: HandCollider, moving: Uint8Array): Int32Array {
  const out: number[] = [];
  for (let p = 0; p < hc.pairs.length; p += 2) if (moving[hc.pairs[p]] || moving[hc.pairs[p + 1]]) out.push(hc.pairs[p], hc.pairs[p + 1]);
  return Int32Array.from(out);
}

/** First colliding bone pair of the placed pose (among `pairs`, default all) as a·65536 + b, or −1 when collision-free. */
export function findSelfCollision(hc: HandCollider, pairs: Int32Array = hc.pairs): number {
  const { box } = hc;
  for (let p = 0; p < pairs.length; p += 2) {
    const a = pairs[p] * 6, b = pairs[p + 1] * 6;
    if (box[a] > box[b + 3] || box[b] > box[a + 3] || box[a + 1] > box[b + 4] || box[b + 1] > box[a + 4] || box[a + 2] > box[b + 5] || box[b + 2] > box[a + 5]) continue;
    // Capsule axes (with the half-shrunk cylinder Bullet uses) farther apart than the radii: no contact possible.
    const ia = pairs[p], ib = pairs[p + 1];
    const A = hc.model.bones[ia], B = hc.model.bones[ib];
    const sa = hc.seg, o = ia * 6, q = ib * 6;
    const reach = A.radius + B.radius + hc.tolerance;
    if (segmentDistanceSq(sa[o], sa[o + 1], sa[o + 2], sa[o + 3], sa[o + 4], sa[o + 5], sa[q], sa[q + 1], sa[q + 2], sa[q + 3], sa[q + 4], sa[q + 5]) > reach * reach) continue;
    hc.deepest = 0;
    hc.queries++;
    hc.pw.world.contactPairTest(hc.bodies[pairs[p]]!, hc.bodies[pairs[p + 1]]!, hc.callback as unknown as InstanceType<Ammo['ContactResultCallback']>);
    if (hc.deepest > hc.tolerance) return pairs[p] * 65536 + pairs[p + 1];
  }
  return -1;
}

/** Frees the collider's Ammo objects. */
export function destroyHandCollider(hc: HandCollider): void {
  if (hc.pw.owned.length === 0) return;
  for (const b of hc.bodies) if (b) hc.pw.world.removeCollisionObject(b);
  destroyWorld(hc.pw);
}
