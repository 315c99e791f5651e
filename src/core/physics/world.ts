// A Bullet dynamics world with a fixed step and explicit substeps, and the bookkeeping that frees every Ammo
// object it made. Lab frame: Y up, X anterior, Z right (ISB), metres, seconds; ground plane y = 0.
import { KinetwinError } from '../errors.js';
import type { AmmoModule } from './ammo.js';

type Ammo = AmmoModule;

export interface WorldOptions {
  dt?: number; // s, fixed step (default 1/1000)
  substeps?: number; // internal Bullet steps per `step()` (each dt / substeps; default 1)
  gravity?: number; // m/s², magnitude along −Y (default 9.81)
  solverIterations?: number; // sequential-impulse iterations (default 10)
  ground?: { friction: number; restitution: number } | null; // default friction 0.9, restitution 0
}

export interface PhysicsWorld {
  ammo: Ammo;
  world: InstanceType<Ammo['btDiscreteDynamicsWorld']>;
  ground: InstanceType<Ammo['btRigidBody']> | null;
  dt: number;
  substeps: number;
  gravity: number;
  steps: number; // steps taken so far
  owned: unknown[]; // Ammo objects to destroy, in creation order
  core: number; // owned[0..core) outlive clearWorld: configuration, dispatcher, broadphase, solver, world, scratch, ground
  bodies: InstanceType<Ammo['btRigidBody']>[]; // dynamic bodies in insertion order
  constraints: InstanceType<Ammo['btTypedConstraint']>[];
  v: InstanceType<Ammo['btVector3']>; // scratch vector for callers
  t: InstanceType<Ammo['btTransform']>; // scratch transform for callers
  q: InstanceType<Ammo['btQuaternion']>; // scratch quaternion for callers
}

/** Bullet's DISABLE_DEACTIVATION activation state: simulated bodies never fall asleep. */
export const DISABLE_DEACTIVATION = 4;

/** Checks world options and fills defaults; throws KinetwinError on impossible values. */
function resolveOptions(options: WorldOptions): Required<Omit<WorldOptions, 'ground'>> & { ground: WorldOptions['ground'] } {
  const dt = options.dt ?? 1 / 1000;
  const substeps = options.substeps ?? 1;
  const gravity = options.gravity ?? 9.81;
  const solverIterations = options.solverIterations ?? 10;
  if (!(dt > 0 && dt <= 0.05)) throw new KinetwinError(`time step must be in (0, 0.05] s, got ${dt}`);
  if (!Number.isInteger(substeps) || substeps < 1 || substeps > 100) throw new KinetwinError(`substeps must be an integer 1–100, got ${substeps}`);
  if (!Number.isFinite(gravity)) throw new KinetwinError(`gravity must be finite, got ${gravity}`);
  if (!Number.isInteger(solverIterations) || solverIterations < 1 || solverIterations > 1000) throw new KinetwinError(`solver iterations must be an integer 1–1000, got ${solverIterations}`);
  const ground = options.ground === undefined ? { friction: 0.9, restitution: 0 } : options.ground;
  return { dt, substeps, gravity, solverIterations, ground };
}

/** A fresh world: dbvt broadphase, sequential-impulse solver, gravity −Y, optional static ground plane y = 0. */
export function createWorld(ammo: Ammo, options: WorldOptions = {}): PhysicsWorld {
  const o = resolveOptions(options);
  const config = new ammo.btDefaultCollisionConfiguration();
  const dispatcher = new ammo.btCollisionDispatcher(config);
  const broadphase = new ammo.btDbvtBroadphase();
  const solver = new ammo.btSequentialImpulseConstraintSolver();
  const world = new ammo.btDiscreteDynamicsWorld(dispatcher, broadphase, solver, config);
  const v = new ammo.btVector3(0, -o.gravity, 0);
  world.setGravity(v);
  world.getSolverInfo().set_m_numIterations(o.solverIterations);
  const pw: PhysicsWorld = {
    ammo, world, ground: null, dt: o.dt, substeps: o.substeps, gravity: o.gravity, steps: 0,
    owned: [config, dispatcher, broadphase, solver, world, v], core: 0, bodies: [], constraints: [],
    v, t: new ammo.btTransform(), q: new ammo.btQuaternion(0, 0, 0, 1),
  };
  pw.owned.push(pw.t, pw.q);
  if (o.ground) {
    const normal = new ammo.btVector3(0, 1, 0);
    const shape = new ammo.btStaticPlaneShape(normal, 0);
    pw.t.setIdentity();
    const motion = new ammo.btDefaultMotionState(pw.t);
    v.setValue(0, 0, 0);
    const info = new ammo.btRigidBodyConstructionInfo(0, motion, shape, v);
    const ground = new ammo.btRigidBody(info);
    ground.setFriction(o.ground.friction);
    ground.setRestitution(o.ground.restitution);
    ground.setUserIndex(-1);
    world.addRigidBody(ground);
    pw.owned.push(normal, shape, motion, info, ground);
    pw.ground = ground;
  }
  pw.core = pw.owned.length;
  return pw;
}

/**
 * Empties a world for reuse: removes and frees every body, shape and constraint added since createWorld, keeps the
 * expensive Bullet objects and the ground, and applies new step options (ground options are fixed at creation).
 */
export function clearWorld(pw: PhysicsWorld, options: Omit<WorldOptions, 'ground'> = {}): void {
  const o = resolveOptions({ ...options, ground: null });
  for (let i = pw.constraints.length - 1; i >= 0; i--) pw.world.removeConstraint(pw.constraints[i]);
  for (let i = pw.bodies.length - 1; i >= 0; i--) pw.world.removeRigidBody(pw.bodies[i]);
  for (let i = pw.owned.length - 1; i >= pw.core; i--) pw.ammo.destroy(pw.owned[i]);
  pw.owned.length = pw.core;
  pw.bodies.length = 0;
  pw.constraints.length = 0;
  pw.dt = o.dt;
  pw.substeps = o.substeps;
  pw.gravity = o.gravity;
  pw.steps = 0;
  pw.v.setValue(0, -o.gravity, 0);
  pw.world.setGravity(pw.v);
  pw.world.getSolverInfo().set_m_numIterations(o.solverIterations);
}

export interface BodySpec {
  shape: InstanceType<Ammo['btCollisionShape']>; // owned by the world after the call
  mass: number; // kg (0 = static)
  inertia: [number, number, number]; // kg·m², principal, body frame (ignored when mass = 0)
  position: [number, number, number]; // m, lab frame, centre of mass
  rotation?: [number, number, number, number]; // quaternion x, y, z, w (default identity)
  friction?: number;
  restitution?: number;
  group?: number; // collision filter group (default 1)
  mask?: number; // collision filter mask (default all)
}

/** Adds a rigid body (centre of mass at the body origin, principal axes along the body axes); never sleeps. */
export function addBody(pw: PhysicsWorld, spec: BodySpec): InstanceType<Ammo['btRigidBody']> {
  const { ammo, t, v } = pw;
  t.setIdentity();
  v.setValue(spec.position[0], spec.position[1], spec.position[2]);
  t.setOrigin(v);
  const r = spec.rotation ?? [0, 0, 0, 1];
  pw.q.setValue(r[0], r[1], r[2], r[3]);
  t.setRotation(pw.q);
  const motion = new ammo.btDefaultMotionState(t);
  v.setValue(spec.inertia[0], spec.inertia[1], spec.inertia[2]);
  const info = new ammo.btRigidBodyConstructionInfo(spec.mass, motion, spec.shape, v);
  info.set_m_friction(spec.friction ?? 0.9);
  info.set_m_restitution(spec.restitution ?? 0);
  const body = new ammo.btRigidBody(info);
  body.setActivationState(DISABLE_DEACTIVATION);
  body.setUserIndex(pw.bodies.length);
  if (spec.group !== undefined) pw.world.addRigidBody(body, spec.group, spec.mask ?? -1);
  else pw.world.addRigidBody(body);
  pw.owned.push(spec.shape, motion, info, body);
  pw.bodies.push(body);
  return body;
}

/** Adds a constraint (collisions between the two linked bodies disabled); the world frees it. */
export function addConstraint(pw: PhysicsWorld, c: InstanceType<Ammo['btTypedConstraint']>): void {
  pw.world.addConstraint(c, true);
  pw.owned.push(c);
  pw.constraints.push(c);
}

/** Advances one fixed step (dt), as `substeps` internal Bullet steps of dt / substeps. */
export function stepWorld(pw: PhysicsWorld): void {
  const h = pw.dt / pw.substeps;
  for (let i = 0; i < pw.substeps; i++) pw.world.stepSimulation(h, 0, h);
  pw.steps++;
}

/** Frees every Ammo object the world made (constraints and bodies removed first). Idempotent. */
export function destroyWorld(pw: PhysicsWorld): void {
  if (pw.owned.length === 0) return;
  for (let i = pw.constraints.length - 1; i >= 0; i--) pw.world.removeConstraint(pw.constraints[i]);
  for (let i = pw.bodies.length - 1; i >= 0; i--) pw.world.removeRigidBody(pw.bodies[i]);
  if (pw.ground) pw.world.removeRigidBody(pw.ground);
  for (let i = pw.owned.length - 1; i >= 0; i--) pw.ammo.destroy(pw.owned[i]);
  pw.owned.length = 0;
  pw.bodies.length = 0;
  pw.constraints.length = 0;
}
