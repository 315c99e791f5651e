// Contact queries between a posed hand and a grasped primitive with Ammo (btCollisionWorld::contactPairTest), in a
// world of its own. Two traps of Bullet 2.82, both checked against analytic geometry in tests/core/physics/handGrasp.test.ts:
// - btCapsuleShape keeps the default 0.04 m margin (not its radius) and its setMargin shifts radius and half-height, so
//   GJK against a sphere reports phantom penetrations (28 mm for a tangent 8 mm capsule). Each bone here is the convex
//   hull of its two axis end points with margin = radius: the same capsule, exact in GJK.
// - GJK is tuned for metre-sized bodies (its simplex solver treats support points closer than 1 cm, squared threshold
//   1e-4, as equal): on finger-sized ones it answers millimetres off, e.g. a sphere touching a cylinder reads 3 mm apart.
//   This world is therefore built in centimetres (SCALE = 100), which turns that 1 cm into 0.1 mm. Even so, separated
//   distances to a cylinder beyond ~0.5 mm read long (by up to ~0.7 mm); touching and penetrating ones are exact.
// Objects: btSphereShape (its margin is its radius) and btCylinderShapeX with a 0.2 mm margin (setMargin keeps the outer
// size; the margin only rounds the rims). An inflated copy (+INFLATE on every side) finds near-contacts (gaps ≤ INFLATE).
import type { AmmoModule } from '../ammo.js';
import { createWorld, destroyWorld, type PhysicsWorld } from '../world.js';
import { segmentDistanceSq } from './handCollision.js';
import type { GraspObjectSize } from './graspObject.js';
import type { HandModel } from './handModel.js';
import type { HandPose } from './handPose.js';

type Ammo = AmmoModule;
type RigidBody = InstanceType<Ammo['btRigidBody']>;
type Shape = InstanceType<Ammo['btCollisionShape']>;

export const SCALE = 100; // contact-world units per metre
export const INFLATE = 0.002; // m, near-contact band: gaps up to this count as touching
const CYLINDER_MARGIN = 0.0002; // m

export interface GraspContactWorld {
  pw: PhysicsWorld;
  model: HandModel;
  bones: (RigidBody | null)[]; // per bone, null when absent
  heap: Int32Array; // per bone: HEAPF32 index of its world transform (−1 absent)
  seg: Float64Array; // bones × 6: capsule axis start and direction (m, hand frame), as in the Ammo hull
  object: RigidBody;
  inflated: RigidBody;
  objectHeap: number;
  inflatedHeap: number;
  shapes: Shape[]; // current object and inflated shapes (replaced when the size changes)
  size: GraspObjectSize; // current object size
  rotation: Float64Array; // 9, row-major, object → hand frame
  centre: Float64Array; // 3, m, hand frame
  callback: InstanceType<Ammo['ConcreteContactResultCallback']>;
  hit: Float64Array; // last query's closest point: distance (m, < 0 penetrating), point on the object (3, m), outward normal (3)
  found: boolean; // whether the last query reported a point
  queries: number; // Ammo narrow-phase queries so far
}

/** A static, never-stepped collision body for `shape` (identity transform). */
function staticBody(pw: PhysicsWorld, shape: Shape): RigidBody {
  const { ammo } = pw;
  pw.t.setIdentity();
  const motion = new ammo.btDefaultMotionState(pw.t);
  pw.v.setValue(0, 0, 0);
  const info = new ammo.btRigidBodyConstructionInfo(0, motion, shape, pw.v);
  const body = new ammo.btRigidBody(info);
  pw.world.addCollisionObject(body, 1, 0); // queried explicitly only
  pw.owned.push(motion, info, body);
  return body;
}

/** A capsule as the hull of two points ±half along Y with margin = radius (inputs in m). */
function hullCapsule(ammo: Ammo, pw: PhysicsWorld, radius: number, half: number): Shape {
  const s = new ammo.btConvexHullShape();
  pw.v.setValue(0, -half * SCALE, 0);
  s.addPoint(pw.v, false);
  pw.v.setValue(0, half * SCALE, 0);
  s.addPoint(pw.v, true);
  s.setMargin(radius * SCALE);
  return s;
}

/** Object shape in contact-world units, grown by `grow` m on every side. */
function objectShape(ammo: Ammo, pw: PhysicsWorld, size: GraspObjectSize, grow: number): Shape {
  if (size.type === 'sphere') return new ammo.btSphereShape((size.radius + grow) * SCALE);
  pw.v.setValue((size.length / 2 + grow) * SCALE, (size.radius + grow) * SCALE, (size.radius + grow) * SCALE);
  const s = new ammo.btCylinderShapeX(pw.v);
  s.setMargin(CYLINDER_MARGIN * SCALE);
  return s;
}

export function createGraspContactWorld(ammo: Ammo, model: HandModel, size: GraspObjectSize): GraspContactWorld {
  const pw = createWorld(ammo, { ground: null, gravity: 0 });
  const bones: (RigidBody | null)[] = [];
  const heap = new Int32Array(model.bones.length).fill(-1);
  model.bones.forEach((b, i) => {
    if (!b.present) { bones.push(null); return; }
    const shape = hullCapsule(ammo, pw, b.radius, Math.max(b.length - b.radius, 1e-4) / 2);
    pw.owned.push(shape);
    const body = staticBody(pw, shape);
    bones.push(body);
    heap[i] = ammo.getPointer(body.getWorldTransform()) >> 2;
  });
  const shapes = [objectShape(ammo, pw, size, 0), objectShape(ammo, pw, size, INFLATE)];
  const object = staticBody(pw, shapes[0]);
  const inflated = staticBody(pw, shapes[1]);
  const callback = new ammo.ConcreteContactResultCallback();
  pw.owned.push(callback);
  const gw: GraspContactWorld = {
    pw, model, bones, heap, seg: new Float64Array(model.bones.length * 6), object, inflated,
    objectHeap: ammo.getPointer(object.getWorldTransform()) >> 2, inflatedHeap: ammo.getPointer(inflated.getWorldTransform()) >> 2,
    shapes, size: { ...size }, rotation: new Float64Array([1, 0, 0, 0, 1, 0, 0, 0, 1]), centre: new Float64Array(3),
    callback, hit: new Float64Array(7), found: false, queries: 0,
  };
  // btManifoldPoint floats: positionWorldOnB at 8, normalWorldOnB at 16 (from B towards A), distance at 20.
  callback.addSingleResult = (cp: number): number => {
    const H = ammo.HEAPF32, p = cp >> 2, d = H[p + 20] / SCALE;
    if (gw.found && d >= gw.hit[0]) return 0;
    gw.found = true;
    const h = gw.hit;
    h[0] = d;
    h[1] = H[p + 8] / SCALE; h[2] = H[p + 9] / SCALE; h[3] = H[p + 10] / SCALE;
    h[4] = H[p + 16]; h[5] = H[p + 17]; h[6] = H[p + 18];
    return 0;
  };
  return gw;
}

/** Replaces the object's shapes when the size differs from the current one. */
export function setGraspObjectSize(gw: GraspContactWorld, size: GraspObjectSize): void {
  const c = gw.size;
  if (c.type === size.type && c.radius === size.radius && c.length === size.length) return;
  const { ammo } = gw.pw;
  const next = [objectShape(ammo, gw.pw, size, 0), objectShape(ammo, gw.pw, size, INFLATE)];
  gw.object.setCollisionShape(next[0]);
  gw.inflated.setCollisionShape(next[1]);
  for (const s of gw.shapes) ammo.destroy(s);
  gw.shapes = next;
  gw.size = { ...size };
}

/** Writes a row-major rotation R (9) and origin o (3, m) into the transform at HEAPF32 index t. */
function writeTransform(H: Float32Array, t: number, R: ArrayLike<number>, r: number, x: number, y: number, z: number): void {
  H[t] = R[r]; H[t + 1] = R[r + 1]; H[t + 2] = R[r + 2];
  H[t + 4] = R[r + 3]; H[t + 5] = R[r + 4]; H[t + 6] = R[r + 5];
  H[t + 8] = R[r + 6]; H[t + 9] = R[r + 7]; H[t + 10] = R[r + 8];
  H[t + 12] = x * SCALE; H[t + 13] = y * SCALE; H[t + 14] = z * SCALE;
}

/** Places the object: rotation R (9, row-major, object → hand) and centre c (3, m, hand frame). */
export function placeGraspObject(gw: GraspContactWorld, R: ArrayLike<number>, c: ArrayLike<number>): void {
  for (let k = 0; k < 9; k++) gw.rotation[k] = R[k];
  gw.centre[0] = c[0]; gw.centre[1] = c[1]; gw.centre[2] = c[2];
  const H = gw.pw.ammo.HEAPF32;
  writeTransform(H, gw.objectHeap, R, 0, c[0], c[1], c[2]);
  writeTransform(H, gw.inflatedHeap, R, 0, c[0], c[1], c[2]);
}

/** Places the hull capsule of bone i from a pose (centre at mid-bone), and its axis segment. Allocation-free. */
export function placeContactBone(gw: GraspContactWorld, pose: HandPose, i: number): void {
  const t = gw.heap[i];
  if (t < 0) return;
  const b = gw.model.bones[i];
  const R = pose.rotation, O = pose.origin, r = i * 9, half = b.length / 2;
  const ex = R[r + 1] * half, ey = R[r + 4] * half, ez = R[r + 7] * half; // half the bone axis (Y column)
  const cx = O[i * 3] + ex, cy = O[i * 3 + 1] + ey, cz = O[i * 3 + 2] + ez;
  writeTransform(gw.pw.ammo.HEAPF32, t, R, r, cx, cy, cz);
  const k = Math.max(b.length - b.radius, 1e-4) / b.length;
  const sg = gw.seg, o = i * 6;
  sg[o] = cx - ex * k; sg[o + 1] = cy - ey * k; sg[o + 2] = cz - ez * k;
  sg[o + 3] = 2 * ex * k; sg[o + 4] = 2 * ey * k; sg[o + 5] = 2 * ez * k;
}

/**
 * A lower bound (m) of the distance between bone i's capsule and the object, from the bone axis against the object's
 * centre (sphere: exact) or axis segment (cylinder: the capsule around its axis encloses it). Allocation-free.
 */
export function objectDistanceBound(gw: GraspContactWorld, i: number): number {
  const sg = gw.seg, o = i * 6, c = gw.centre, size = gw.size;
  const rb = gw.model.bones[i].radius;
  const px = sg[o], py = sg[o + 1], pz = sg[o + 2], dx = sg[o + 3], dy = sg[o + 4], dz = sg[o + 5];
  if (size.type === 'sphere') {
    const dd = dx * dx + dy * dy + dz * dz;
    const s = dd > 0 ? Math.min(1, Math.max(0, ((c[0] - px) * dx + (c[1] - py) * dy + (c[2] - pz) * dz) / dd)) : 0;
    return Math.hypot(px + dx * s - c[0], py + dy * s - c[1], pz + dz * s - c[2]) - rb - size.radius;
  }
  const h = size.length / 2, R = gw.rotation; // axis = object X = column 0 of R
  const ax = R[0] * h, ay = R[3] * h, az = R[6] * h;
  return Math.sqrt(segmentDistanceSq(px, py, pz, dx, dy, dz, c[0] - ax, c[1] - ay, c[2] - az, 2 * ax, 2 * ay, 2 * az)) - rb - size.radius;
}

/** Clamps a point outside the object (m, hand frame, in place) onto its surface: cylinder axial extent and radius. */
export function clampToObject(gw: GraspContactWorld, p: number[]): void {
  const size = gw.size;
  if (size.type !== 'cylinder') return;
  const R = gw.rotation, c = gw.centre;
  const vx = p[0] - c[0], vy = p[1] - c[1], vz = p[2] - c[2];
  const lx = R[0] * vx + R[3] * vy + R[6] * vz, ly = R[1] * vx + R[4] * vy + R[7] * vz, lz = R[2] * vx + R[5] * vy + R[8] * vz;
  const h = size.length / 2, rad = Math.hypot(ly, lz), k = rad > size.radius ? size.radius / rad : 1;
  const ax = Math.min(h, Math.max(-h, lx)), ry = ly * k, rz = lz * k;
  for (let i = 0; i < 3; i++) p[i] = c[i] + R[i * 3] * ax + R[i * 3 + 1] * ry + R[i * 3 + 2] * rz;
}

/**
 * Ammo's distance (m, < 0 penetrating) between bone i and the object (or its inflated copy), with the closest point on
 * that surface and its outward normal in `gw.hit`; +Infinity when Bullet reports no point (apart by more than its
 * contact-breaking threshold).
 */
export function boneObjectDistance(gw: GraspContactWorld, i: number, inflated = false): number {
  const body = gw.bones[i];
  if (!body) return Infinity;
  gw.found = false;
  gw.queries++;
  gw.pw.world.contactPairTest(body, inflated ? gw.inflated : gw.object, gw.callback as unknown as InstanceType<Ammo['ContactResultCallback']>);
  return gw.found ? gw.hit[0] : Infinity;
}

/** Frees the contact world's Ammo objects. */
export function destroyGraspContactWorld(gw: GraspContactWorld): void {
  if (gw.pw.owned.length === 0) return;
  for (const b of gw.bones) if (b) gw.pw.world.removeCollisionObject(b);
  gw.pw.world.removeCollisionObject(gw.object);
  gw.pw.world.removeCollisionObject(gw.inflated);
  for (const s of gw.shapes) gw.pw.ammo.destroy(s);
  gw.shapes = [];
  destroyWorld(gw.pw);
}
