// The body model as an Ammo world: one rigid body per segment (de Leva mass and inertia, capsule/box/sphere shape),
// one btGeneric6DofSpringConstraint per joint (linear axes locked, angular axes limited to the model's ISB ranges,
// springs as PD joint motors), a ground plane, gravity, fixed step. Body segments collide with the ground only.
import { KinetwinError } from '../../errors.js';
import type { AmmoModule } from '../ammo.js';
import { addBody, addConstraint, clearWorld, createWorld, destroyWorld, stepWorld, type PhysicsWorld, type WorldOptions } from '../world.js';
import type { BodyJoint, BodyModel, Vec3 } from './bodyModel.js';
import { cardanZXY, matrixToQuat } from './jointAngles.js';
import { createAnchors, DEFAULT_FOOT_CONTACT, footContactWrench, footSpheres, type ContactSphere, type FootContactParams } from './footContact.js';

type Ammo = AmmoModule;
type RigidBody = InstanceType<Ammo['btRigidBody']>;
type Spring6Dof = InstanceType<Ammo['btGeneric6DofSpringConstraint']>;

const DEG = Math.PI / 180;
const GROUP_GROUND = 2; // Bullet's StaticFilter: the ground plane's default group
const GROUP_BODY = 32; // Bullet's CharacterFilter

/**
 * Constraint frame in each segment: columns (−Y, X, Z) of the segment. Bullet 2.82's 6-DoF joint reads its Euler
 * angles (x, y, z) from the transposed relative basis, i.e. R_rel = Rz'(−z)·Ry'(−y)·Rx'(−x); with this frame that is
 * the ISB sequence Rz(a)·Rx(b)·Ry(c) with a = −z, b = −y, c = x.
 */
const ISB_FRAME_QUAT: [number, number, number, number] = [0, 0, -Math.SQRT1_2, Math.SQRT1_2];

/** Bullet angular axis (0 x, 1 y, 2 z) holding clinical axis 0 (flexion), 1 (adduction), 2 (rotation). */
const BULLET_AXIS = [2, 1, 0] as const;

/** Sign from the clinical angle of axis `axis` to the rotation about the segment's +Z (0), +X (1), +Y (2). */
export function anatomicalSign(j: BodyJoint, axis: number): number {
  return axis === 0 ? j.flexionSign : sideSign(j);
}

/** Range [lo, hi] (rad) of the rotation about the segment's +Z (0), +X (1) or +Y (2) allowed by joint j's limits. */
export function axisRange(j: BodyJoint, axis: number): [number, number] {
  let [lo, hi] = axis === 0 ? j.limitsDeg.flexion : axis === 1 ? j.limitsDeg.adduction : j.limitsDeg.rotation;
  if (axis === 1) { lo = Math.max(lo, -85); hi = Math.min(hi, 85); } // Bullet's middle Euler axis: |angle| < 90°
  return anatomicalSign(j, axis) > 0 ? [lo * DEG, hi * DEG] : [-hi * DEG, -lo * DEG];
}

/** Bullet-angle sign for clinical axis `axis` (a = −z, b = −y, c = +x). */
function bulletSign(j: BodyJoint, axis: number): number {
  return axis === 2 ? anatomicalSign(j, 2) : -anatomicalSign(j, axis);
}

export interface BodyWorldOptions extends WorldOptions {
  lift?: number; // m, raise the whole body by this much at the start (default 0; ignored when `pose` is given)
  pose?: Float64Array; // segments × 7: initial CoM (m) and quaternion (x, y, z, w), lab frame (default: standing)
  initialVelocity?: Vec3; // m/s, every segment's initial linear velocity (default 0)
  stiffness?: number; // N·m/rad per kg body mass for every joint motor (default 20; standing needs ankle k > m·g·h)
  convergenceRate?: number; // 1/s, a joint motor's velocity target is rate × angle error (default 200: nearly a pure spring)
  contactModel?: 'rigid' | 'compliant'; // feet: Bullet's rigid contact (default; stable stance) or Hunt–Crossley spheres (impacts)
  footContact?: Partial<FootContactParams>; // compliant foot–ground contact (defaults DEFAULT_FOOT_CONTACT)
  damping?: number; // N·m·s/rad per kg body mass, joint flexion damping (default 0.3; capped per joint for stability)
  world?: PhysicsWorld; // reuse this (emptied) world instead of creating one; destroyBodyWorld then only empties it
  groundContact?: boolean; // false: no Bullet ground contact for any segment (only the compliant feet touch; default true)
  implicitDamping?: boolean; // joint damping linearly implicit instead of capped (see setJointDamping; default false)
}

export interface BodyWorld {
  pw: PhysicsWorld;
  ownsWorld: boolean; // false when built in a caller's world (options.world)
  model: BodyModel;
  bodies: RigidBody[]; // one per segment, model order
  joints: Spring6Dof[]; // one per joint, model order
  solverIterations: number;
  // Per step, filled by stepBodyWorld:
  contactForce: Float64Array; // segments × 3, N, lab frame: ground normal force on each segment (mean over the step)
  penetration: number; // m, deepest ground penetration of any segment this step (≥ 0)
  jointAngles: Float64Array; // joints × 3, rad, clinical sense (flexion, adduction, internal rotation); after readJointAngles
  state: Float64Array; // segments × 13: position (3, m), quaternion (4), linear velocity (3, m/s), angular (3, rad/s); after readState
  spheres: ContactSphere[]; // compliant contact spheres on the feet
  anchors: Float64Array; // spheres × 3 stiction anchors (see footContactWrench)
  contact: FootContactParams;
  heap: Int32Array; // segments × 3: HEAPF32 indices of each body's world transform, linear and angular velocity
  wrench: Float64Array; // segments × 6 scratch: contact force (N) then torque (N·m)
  torque: Float64Array; // view of wrench's torque half
  damping: Float64Array; // joints, N·m·s/rad about the proximal flexion axis (explicit, capped at 0.8 of the stability bound)
  dampingTorqueMax: Float64Array; // joints, N·m: the damping torque saturates here (muscle strength; default Infinity)
  flexionTorque: Float64Array; // joints, N·m, actuator torque about the proximal flexion axis, clinical sense (flexing +)
  forceOffset: number; // HEAPF32 offset of btRigidBody::m_totalForce from m_linearVelocity (m_totalTorque = +4); −1: use the bindings
}

/** Sign that turns a rotation about the joint's +X (b) or +Y (c) axis into the clinical angle (left side mirrors). */
function sideSign(j: BodyJoint): number {
  return j.side === 'left' ? -1 : 1;
}

/** Builds the Ammo world for a body model standing on the ground (lifted by options.lift). */
export function createBodyWorld(ammo: Ammo, model: BodyModel, options: BodyWorldOptions = {}): BodyWorld {
  const pw = options.world ?? createWorld(ammo, options);
  if (options.world) clearWorld(pw, options);
  const lift = options.lift ?? 0;
  if (options.pose && options.pose.length !== model.segments.length * 7) throw new KinetwinError(`pose must hold ${model.segments.length} × 7 numbers, got ${options.pose.length}`);
  if (!Number.isFinite(lift) || lift < 0) throw new KinetwinError(`lift must be ≥ 0 m, got ${lift}`);
  const bodies: RigidBody[] = [];
  const compliant = options.contactModel === 'compliant';
  for (const s of model.segments) {
    const shape = s.shape.kind === 'capsule'
      ? new ammo.btCapsuleShape(s.shape.radius, Math.max(s.shape.length - 2 * s.shape.radius, 1e-4))
      : s.shape.kind === 'sphere'
        ? new ammo.btSphereShape(s.shape.radius)
        : (() => { const e = s.shape.halfExtents; pw.v.setValue(e[0], e[1], e[2]); return new ammo.btBoxShape(pw.v); })();
    const P = options.pose;
    const k7 = bodies.length * 7;
    const body = addBody(pw, {
      shape, mass: s.mass, inertia: s.inertia, group: GROUP_BODY, mask: options.groundContact === false || (compliant && s.name.startsWith('foot')) ? 0 : GROUP_GROUND,
      position: P ? [P[k7], P[k7 + 1], P[k7 + 2]] : [s.com[0], s.com[1] + lift, s.com[2]],
      rotation: P ? [P[k7 + 3], P[k7 + 4], P[k7 + 5], P[k7 + 6]] : [0, 0, 0, 1],
    });
    body.setDamping(0, 0);
    if (options.initialVelocity) {
      pw.v.setValue(...options.initialVelocity);
      body.setLinearVelocity(pw.v);
    }
    bodies.push(body);
  }
  const frameA = new ammo.btTransform();
  const frameB = new ammo.btTransform();
  const q = new ammo.btQuaternion(...ISB_FRAME_QUAT);
  const joints: Spring6Dof[] = [];
  const solverIterations = options.solverIterations ?? 10;
  for (const j of model.joints) {
    const pa = model.segments[j.parent].com;
    const pb = model.segments[j.child].com;
    frameA.setIdentity();
    frameA.setRotation(q);
    pw.v.setValue(j.position[0] - pa[0], j.position[1] - pa[1], j.position[2] - pa[2]);
    frameA.setOrigin(pw.v);
    frameB.setIdentity();
    frameB.setRotation(q);
    pw.v.setValue(j.position[0] - pb[0], j.position[1] - pb[1], j.position[2] - pb[2]);
    frameB.setOrigin(pw.v);
    const c = new ammo.btGeneric6DofSpringConstraint(bodies[j.parent], bodies[j.child], frameA, frameB, true);
    pw.v.setValue(0, 0, 0);
    c.setLinearLowerLimit(pw.v);
    c.setLinearUpperLimit(pw.v);
    const lo = [0, 0, 0], hi = [0, 0, 0];
    for (let a = 0; a < 3; a++) {
      const [l, u] = axisRange(j, a);
      const sg = a === 2 ? 1 : -1;
      lo[BULLET_AXIS[a]] = sg > 0 ? l : -u;
      hi[BULLET_AXIS[a]] = sg > 0 ? u : -l;
    }
    pw.v.setValue(lo[0], lo[1], lo[2]);
    c.setAngularLowerLimit(pw.v);
    pw.v.setValue(hi[0], hi[1], hi[2]);
    c.setAngularUpperLimit(pw.v);
    addConstraint(pw, c);
    joints.push(c);
  }
  ammo.destroy(frameA);
  ammo.destroy(frameB);
  ammo.destroy(q);
  const bw: BodyWorld = {
    pw, ownsWorld: !options.world, model, bodies, joints, solverIterations,
    contactForce: new Float64Array(model.segments.length * 3), penetration: 0,
    jointAngles: new Float64Array(model.joints.length * 3), state: new Float64Array(model.segments.length * 13),
    spheres: compliant ? footSpheres(model, options.footContact?.hallux) : [], anchors: new Float64Array(0), contact: { ...DEFAULT_FOOT_CONTACT, ...options.footContact },
    heap: new Int32Array(model.segments.length * 3), wrench: new Float64Array(model.segments.length * 6), torque: new Float64Array(0),
    damping: new Float64Array(model.joints.length), dampingTorqueMax: new Float64Array(model.joints.length).fill(Infinity), flexionTorque: new Float64Array(model.joints.length), forceOffset: -1,
  };
  bw.anchors = createAnchors(bw.spheres);
  bw.torque = bw.wrench.subarray(model.segments.length * 3);
  bw.forceOffset = probeForceOffset(bw);
  setJointDamping(bw, (options.damping ?? 0.3) * model.mass, options.implicitDamping);
  for (let i = 0; i < bodies.length; i++) {
    bw.heap[i * 3] = ammo.getPointer(bodies[i].getWorldTransform()) >> 2;
    bw.heap[i * 3 + 1] = ammo.getPointer(bodies[i].getLinearVelocity()) >> 2;
    bw.heap[i * 3 + 2] = ammo.getPointer(bodies[i].getAngularVelocity()) >> 2;
  }
  const k = (options.stiffness ?? 20) * model.mass;
  for (let i = 0; i < joints.length; i++) setJointMotor(bw, i, k, options.convergenceRate ?? 200);
  return bw;
}

/**
 * Finds btRigidBody::m_totalForce / m_totalTorque in the wasm heap (Bullet 2.82 layout: 25 / 29 floats after
 * m_linearVelocity) by applying a probe force and torque through the bindings; −1 when the layout differs.
 */
function probeForceOffset(bw: BodyWorld): number {
  const b = bw.bodies[0];
  const H = bw.pw.ammo.HEAPF32;
  const lv = bw.heap[1];
  bw.pw.v.setValue(1.25, -2.5, 3.75);
  b.applyCentralForce(bw.pw.v);
  bw.pw.v.setValue(-4.5, 5.25, -6.5);
  b.applyTorque(bw.pw.v);
  const ok = H[lv + 25] === 1.25 && H[lv + 26] === -2.5 && H[lv + 27] === 3.75 && H[lv + 29] === -4.5 && H[lv + 30] === 5.25 && H[lv + 31] === -6.5;
  b.clearForces();
  return ok ? 25 : -1;
}

/**
 * Joint motor of joint i as Bullet's angular springs: torque up to k·|θ_target − θ| (k in N·m/rad), driving the
 * angle towards the target at `rate`·|Δθ| rad/s (Bullet 2.82 btGeneric6DofSpringConstraint::internalUpdateSprings).
 * k = 0 turns the motor off (the joint is then free within its limits). `axes`: clinical axes (0 flexion, 1 adduction, 2 rotation).
 */
export function setJointMotor(bw: BodyWorld, i: number, k: number, rate: number, axes: readonly number[] = [0, 1, 2]): void {
  if (!(k >= 0) || !(rate >= 0)) throw new KinetwinError(`joint motor needs stiffness ≥ 0 and rate ≥ 0, got ${k}, ${rate}`);
  const c = bw.joints[i];
  const fps = bw.pw.substeps / bw.pw.dt;
  for (const a of axes) {
    const b = 3 + BULLET_AXIS[a];
    c.enableSpring(b, k > 0);
    c.setStiffness(b, k);
    c.setDamping(b, k > 0 ? Math.min(1, (rate * bw.solverIterations) / (fps * k)) : 0);
  }
}

/**
 * Flexion-axis damping of every joint, c (N·m·s/rad), applied explicitly as τ = −c·(ω_child − ω_parent)·z_parent;
 * capped at 0.8 / (h·(1/I_parent + 1/I_child)) (inertia about Z) so the explicit step stays stable, or with
 * `implicit`, linearly implicit: c / (1 + c·h·(1/I_parent + 1/I_child)) — the same as c where c·h/I is small, stable for
 * any c, and a smooth function of the step instead of a clamp.
 */
export function setJointDamping(bw: BodyWorld, c: number, implicit = false): void {
  if (!(c >= 0)) throw new KinetwinError(`joint damping must be ≥ 0, got ${c}`);
  const h = bw.pw.dt / bw.pw.substeps;
  for (let i = 0; i < bw.model.joints.length; i++) {
    const j = bw.model.joints[i];
    const hInv = h * (1 / bw.model.segments[j.parent].inertia[2] + 1 / bw.model.segments[j.child].inertia[2]);
    bw.damping[i] = implicit ? c / (1 + c * hInv) : Math.min(c, 0.8 / hInv);
  }
}

/** Adds joint damping and actuator torques to `torque` (segments × 3, N·m, lab) from bw.state. Allocation-free. */
function addJointTorques(bw: BodyWorld, torque: Float64Array): void {
  const s = bw.state;
  for (let i = 0; i < bw.model.joints.length; i++) {
    const c = bw.damping[i];
    const act = bw.flexionTorque[i] * bw.model.joints[i].flexionSign;
    if (c === 0 && act === 0) continue;
    const j = bw.model.joints[i];
    const p = j.parent * 13, ch = j.child * 13;
    const qx = s[p + 3], qy = s[p + 4], qz = s[p + 5], qw = s[p + 6];
    // parent's Z axis in the lab: third column of its rotation matrix
    const zx = 2 * (qx * qz + qy * qw), zy = 2 * (qy * qz - qx * qw), zz = 1 - 2 * (qx * qx + qy * qy);
    const w = (s[ch + 10] - s[p + 10]) * zx + (s[ch + 11] - s[p + 11]) * zy + (s[ch + 12] - s[p + 12]) * zz;
    let d = c * w;
    const cap = bw.dampingTorqueMax[i];
    if (d > cap) d = cap; else if (d < -cap) d = -cap;
    const t = act - d;
    torque[j.child * 3] += t * zx; torque[j.child * 3 + 1] += t * zy; torque[j.child * 3 + 2] += t * zz;
    torque[j.parent * 3] -= t * zx; torque[j.parent * 3 + 1] -= t * zy; torque[j.parent * 3 + 2] -= t * zz;
  }
}

/** Switches the feet to compliant Hunt–Crossley contact (e.g. at take-off, so the landing impact is not rigid). */
export function useCompliantFeet(bw: BodyWorld): void {
  if (bw.spheres.length > 0) return;
  bw.spheres = footSpheres(bw.model, bw.contact.hallux);
  bw.anchors = createAnchors(bw.spheres);
  bw.forceOffset = probeForceOffset(bw);
  bw.model.segments.forEach((s, i) => {
    if (!s.name.startsWith('foot')) return;
    bw.pw.world.removeRigidBody(bw.bodies[i]);
    bw.pw.world.addRigidBody(bw.bodies[i], GROUP_BODY, 0);
  });
}

/** Sets only joint i's flexion motor target (deg, clinical sense); the other axes keep theirs. */
export function setJointFlexionTarget(bw: BodyWorld, i: number, flexionDeg: number): void {
  bw.joints[i].setEquilibriumPoint(3 + BULLET_AXIS[0], bulletSign(bw.model.joints[i], 0) * flexionDeg * DEG);
}

/** Sets joint i's motor targets in degrees, clinical sense (flexion, adduction, internal rotation). */
export function setJointTarget(bw: BodyWorld, i: number, flexionDeg: number, adductionDeg = 0, rotationDeg = 0): void {
  const j = bw.model.joints[i];
  const c = bw.joints[i];
  c.setEquilibriumPoint(3 + BULLET_AXIS[0], bulletSign(j, 0) * flexionDeg * DEG);
  c.setEquilibriumPoint(3 + BULLET_AXIS[1], bulletSign(j, 1) * adductionDeg * DEG);
  c.setEquilibriumPoint(3 + BULLET_AXIS[2], bulletSign(j, 2) * rotationDeg * DEG);
}

/**
 * One fixed step: per substep, compliant foot contact forces from the current state, then a Bullet step, then any
 * rigid ground contact of other segments. Fills contactForce (N, mean over the step) and penetration (m).
 * `stateIsCurrent`: the caller called readState after the last step and changed no body since (skips one read).
 */
export function stepBodyWorld(bw: BodyWorld, stateIsCurrent = false): void {
  const { pw, bodies } = bw;
  const f = bw.contactForce;
  const w = bw.wrench;
  const n = bodies.length;
  f.fill(0);
  let pen = 0;
  const h = pw.dt / pw.substeps;
  const share = 1 / pw.substeps;
  const dispatcher = pw.world.getDispatcher();
  for (let s = 0; s < pw.substeps; s++) {
    if (s > 0 || !stateIsCurrent) readState(bw);
    w.fill(0);
    const torque = bw.torque;
    const depth = footContactWrench(bw.spheres, bw.state, bw.contact, h, w, torque, bw.anchors);
    if (depth > pen) pen = depth;
    addJointTorques(bw, torque);
    const H = pw.ammo.HEAPF32;
    for (let i = 0; i < n; i++) {
      const k = i * 3;
      const hasF = w[k] !== 0 || w[k + 1] !== 0 || w[k + 2] !== 0;
      const hasT = torque[k] !== 0 || torque[k + 1] !== 0 || torque[k + 2] !== 0;
      if (hasF) { f[k] += w[k] * share; f[k + 1] += w[k + 1] * share; f[k + 2] += w[k + 2] * share; }
      if (bw.forceOffset > 0) {
        // m_totalForce / m_totalTorque += (linear and angular factors are 1)
        const o = bw.heap[i * 3 + 1] + bw.forceOffset;
        if (hasF) { H[o] += w[k]; H[o + 1] += w[k + 1]; H[o + 2] += w[k + 2]; }
        if (hasT) { H[o + 4] += torque[k]; H[o + 5] += torque[k + 1]; H[o + 6] += torque[k + 2]; }
      } else {
        if (hasF) { pw.v.setValue(w[k], w[k + 1], w[k + 2]); bodies[i].applyCentralForce(pw.v); }
        if (hasT) { pw.v.setValue(torque[k], torque[k + 1], torque[k + 2]); bodies[i].applyTorque(pw.v); }
      }
    }
    pw.world.stepSimulation(h, 0, h);
    const nm = dispatcher.getNumManifolds();
    for (let m = 0; m < nm; m++) {
      const man = dispatcher.getManifoldByIndexInternal(m);
      const nc = man.getNumContacts();
      if (nc === 0) continue;
      const i0 = man.getBody0().getUserIndex();
      const i1 = man.getBody1().getUserIndex();
      const seg = i0 === -1 ? i1 : i1 === -1 ? i0 : -2;
      if (seg < 0) continue;
      for (let p = 0; p < nc; p++) {
        const cp = man.getContactPoint(p);
        f[seg * 3 + 1] += cp.getAppliedImpulse() / pw.dt; // plane normal is +Y
        const d = cp.getDistance();
        if (-d > pen) pen = -d;
      }
    }
  }
  bw.penetration = pen;
  pw.steps++;
  checkFinite(bw);
}

/** Stops an exploding simulation: every 16 steps, any non-finite or > 200 m/s body throws, naming step and body. */
function checkFinite(bw: BodyWorld): void {
  if (bw.pw.steps % 16 !== 0) return;
  const s = readState(bw);
  for (let i = 0; i < bw.bodies.length; i++) {
    const k = i * 13;
    const speed = Math.hypot(s[k + 7], s[k + 8], s[k + 9]);
    if (!Number.isFinite(speed) || !Number.isFinite(s[k + 1]) || !Number.isFinite(s[k + 3]) || speed > 200 || Math.abs(s[k + 1]) > 1e4) {
      throw new KinetwinError(`simulation exploded at step ${bw.pw.steps} (t = ${(bw.pw.steps * bw.pw.dt).toFixed(4)} s): segment '${bw.model.segments[i].name}' speed ${speed} m/s`);
    }
  }
}

/** Fills bw.state (segments × 13) straight from the wasm heap (btTransform: 3 basis rows + origin, 4 floats each). */
export function readState(bw: BodyWorld): Float64Array {
  const s = bw.state;
  const H = bw.pw.ammo.HEAPF32; // re-read every call: the view is replaced when wasm memory grows
  const hp = bw.heap;
  for (let i = 0; i < bw.bodies.length; i++) {
    const t = hp[i * 3], lv = hp[i * 3 + 1], av = hp[i * 3 + 2];
    const k = i * 13;
    s[k] = H[t + 12]; s[k + 1] = H[t + 13]; s[k + 2] = H[t + 14];
    matrixToQuat(H[t], H[t + 1], H[t + 2], H[t + 4], H[t + 5], H[t + 6], H[t + 8], H[t + 9], H[t + 10], s, k + 3);
    s[k + 7] = H[lv]; s[k + 8] = H[lv + 1]; s[k + 9] = H[lv + 2];
    s[k + 10] = H[av]; s[k + 11] = H[av + 1]; s[k + 12] = H[av + 2];
  }
  return s;
}

/** Fills bw.jointAngles (joints × 3, rad, clinical sense) from bw.state (call readState first). */
export function readJointAngles(bw: BodyWorld): Float64Array {
  const s = bw.state;
  const out = bw.jointAngles;
  for (let i = 0; i < bw.model.joints.length; i++) {
    const j = bw.model.joints[i];
    const p = j.parent * 13 + 3;
    const c = j.child * 13 + 3;
    cardanZXY(s[p], s[p + 1], s[p + 2], s[p + 3], s[c], s[c + 1], s[c + 2], s[c + 3], out, i * 3);
    out[i * 3] *= j.flexionSign;
    const sg = sideSign(j);
    out[i * 3 + 1] *= sg;
    out[i * 3 + 2] *= sg;
  }
  return out;
}

/** Whole-body centre of mass (m) and its velocity (m/s) from bw.state into out[0..5]. */
export function centreOfMass(bw: BodyWorld, out: Float64Array): Float64Array {
  out.fill(0);
  let M = 0;
  for (let i = 0; i < bw.model.segments.length; i++) {
    const m = bw.model.segments[i].mass;
    const k = i * 13;
    for (let a = 0; a < 3; a++) { out[a] += m * bw.state[k + a]; out[3 + a] += m * bw.state[k + 7 + a]; }
    M += m;
  }
  for (let a = 0; a < 6; a++) out[a] /= M;
  return out;
}

/** Frees every Ammo object of the body world (a caller's world is only emptied, for its next body). */
export function destroyBodyWorld(bw: BodyWorld): void {
  if (bw.ownsWorld) destroyWorld(bw.pw);
  else clearWorld(bw.pw, { dt: bw.pw.dt, substeps: bw.pw.substeps, gravity: bw.pw.gravity, solverIterations: bw.solverIterations });
}

export { stepWorld };
