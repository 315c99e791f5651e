// Hand pose sampling: angles drawn uniformly within the clinical limits or the functional ranges, coupled joints
// copied from their leader (syndactyly), self-colliding poses rejected with Ammo contact queries and redrawn.
// Sample i depends only on (seed, i) (counter-based random stream), so any subset can be regenerated exactly.
import { KinetwinError } from '../../errors.js';
import type { AmmoModule } from '../ammo.js';
import { CounterRandom } from '../random.js';
import { addGraspObject, createHandCollider, destroyHandCollider, digitObjectPenetration, findSelfCollision, placeBones, placeGraspObject, type GraspKind, type HandCollider } from './handCollision.js';
import type { HandModel } from './handModel.js';
import { createHandPose, handForwardKinematics, recoverJointAngles, type HandPose } from './handPose.js';

export type HandSampleMode = 'uniform' | 'functional';

export interface HandSamplerOptions {
  seed: number;
  mode?: HandSampleMode; // default 'uniform'
  maxAttempts?: number; // redraws before a sample is returned as colliding (default 200)
  grasp?: { kind: GraspKind; radius: number } | null; // close each digit on a primitive held across the palm
}

export interface GraspResult {
  kind: GraspKind;
  radius: number; // m
  centre: Float64Array; // 3, m, hand frame
  contact: number[]; // digits that touch the object (closure stopped by contact, not by the joint limits)
}

export interface HandSample {
  index: number;
  attempts: number; // draws until a collision-free pose (1 = first draw)
  collisionFree: boolean;
  angles: Float64Array; // joints × 2, deg (flexion, abduction); NaN for joints of absent bones
  keypoints: Float64Array; // keypoints × 3, m, hand (forearm) frame; NaN where absent
  present: Uint8Array; // keypoints
  limitViolationDeg: number; // worst excursion beyond a limit, from angles recovered from the posed bone frames
  grasp: GraspResult | null;
}

export interface HandSampler {
  model: HandModel;
  collider: HandCollider;
  pose: HandPose;
  options: Required<HandSamplerOptions>;
  recovered: Float64Array; // bones × 3 scratch
  wrist: Float64Array; // 3 scratch
  centre: Float64Array; // 3 scratch: grasp object centre
  sample(index: number): HandSample;
  destroy(): void;
}

/** Draws all free angles for one attempt into `angles` (joints × 2, deg). */
function drawAngles(model: HandModel, rng: CounterRandom, mode: HandSampleMode, angles: Float64Array): void {
  for (let j = 0; j < model.joints.length; j++) {
    const J = model.joints[j];
    if (J.coupledTo >= 0) continue;
    const f = mode === 'functional' ? J.functionalFlexion : J.flexion;
    angles[j * 2] = f[0] === f[1] ? f[0] : rng.uniform(f[0], f[1]);
    const a = mode === 'functional' ? J.functionalAbduction : J.abduction;
    angles[j * 2 + 1] = a ? rng.uniform(a[0], a[1]) : 0;
  }
  for (let j = 0; j < model.joints.length; j++) {
    const J = model.joints[j];
    if (J.coupledTo < 0) continue;
    const L = model.joints[J.coupledTo];
    angles[j * 2] = angles[J.coupledTo * 2];
    angles[j * 2 + 1] = J.abduction ? angles[J.coupledTo * 2 + 1] * J.abductionSign * L.abductionSign : 0;
  }
}

/** Copies leader angles onto coupled (fused) joints. */
function applyCoupling(model: HandModel, angles: Float64Array): void {
  for (let j = 0; j < model.joints.length; j++) {
    const J = model.joints[j];
    if (J.coupledTo < 0) continue;
    angles[j * 2] = angles[J.coupledTo * 2];
    angles[j * 2 + 1] = J.abduction ? angles[J.coupledTo * 2 + 1] * J.abductionSign * model.joints[J.coupledTo].abductionSign : 0;
  }
}

/**
 * Closes every digit on the grasp object: its flexion joints move together from 0 towards their flexion limits by a
 * fraction t, scanned then bisected to the first contact with the object. Returns the digits in contact, or null when a
 * digit starts inside the object (the draw is rejected).
 */
function closeOnObject(s: HandSampler, angles: Float64Array): number[] | null {
  const { model, collider, pose } = s;
  const contact: number[] = [];
  const digits = [...new Set(model.bones.filter((b) => b.present && b.kind !== 'metacarpal').map((b) => b.digit))];
  const flexJoints = (d: number): number[] => model.joints.map((j, i) => (j.digit === d && j.kind !== 'cmc' && j.coupledTo < 0 ? i : -1)).filter((i) => i >= 0);
  const set = (d: number, t: number): void => {
    for (const j of flexJoints(d)) { const [lo, hi] = model.joints[j].flexion; const a = Math.max(lo, 0); angles[j * 2] = a + t * (hi - a); }
    applyCoupling(model, angles);
  };
  const penetration = (d: number): number => {
    handForwardKinematics(model, angles, pose);
    placeBones(collider, pose);
    placeGraspObject(collider, pose.carpus, graspCentre(s, pose.carpus));
    let p = digitObjectPenetration(collider, d);
    for (const f of model.joints) if (f.coupledTo >= 0 && model.joints[f.coupledTo].digit === d) p = Math.max(p, digitObjectPenetration(collider, f.digit));
    return p;
  };
  // The thumb opens (CMC extended and fully abducted) before closing around the object, as in a power grasp.
  const cmc1 = model.joints.findIndex((j) => j.name === 'cmc1');
  if (cmc1 >= 0 && model.bones.some((b) => b.digit === 1 && b.present)) {
    angles[cmc1 * 2] = model.joints[cmc1].flexion[0];
    angles[cmc1 * 2 + 1] = model.joints[cmc1].abduction![1];
  }
  for (const d of digits) {
    if (flexJoints(d).length === 0) continue; // a follower of a fused pair closes with its leader
    // Coarse scan for the first contact along the closure (no tunnelling through the object), then bisection.
    let lo = -1, hi = -1;
    for (let k = 0; k <= 10; k++) {
      set(d, k / 10);
      if (penetration(d) > collider.tolerance) { hi = k / 10; break; }
      lo = k / 10;
    }
    if (lo < 0) { (globalThis as any).console.log("start inside", d, penetration(d)); return null; }
    if (hi < 0) continue; // fully flexed without reaching the object
    for (let k = 0; k < 8; k++) {
      const mid = (lo + hi) / 2;
      set(d, mid);
      if (penetration(d) <= collider.tolerance) lo = mid; else hi = mid;
    }
    set(d, lo);
    contact.push(d);
  }
  return contact;
}

/** Grasp object centre (m, hand frame) for the carpus rotation: across the palm at the MCP row, clear of the palm. */
function graspCentre(s: HandSampler, carpus: Float64Array): Float64Array {
  const L = s.model.handLength, r = s.options.grasp!.radius;
  const lx = -0.1 * L, ly = 0.5 * L, lz = r + 0.06 * L;
  const c = s.centre;
  c[0] = carpus[0] * lx + carpus[1] * ly + carpus[2] * lz;
  c[1] = carpus[3] * lx + carpus[4] * ly + carpus[5] * lz;
  c[2] = carpus[6] * lx + carpus[7] * ly + carpus[8] * lz;
  return c;
}

/** Worst excursion (deg) beyond a joint's limits of angles recovered from the posed bones (twist counts fully). */
export function handLimitViolation(model: HandModel, recovered: Float64Array, wrist: Float64Array): number {
  const over = (x: number, r: [number, number] | null): number => (r ? Math.max(r[0] - x, x - r[1], 0) : Math.abs(x));
  let worst = Math.max(over(wrist[0], model.joints[0].flexion), over(wrist[1], model.joints[0].abduction), Math.abs(wrist[2]));
  for (let i = 0; i < model.bones.length; i++) {
    const b = model.bones[i];
    if (!b.present) continue;
    const J = model.joints[b.joint];
    worst = Math.max(worst, over(recovered[i * 3], J.flexion), over(recovered[i * 3 + 1], J.abduction), Math.abs(recovered[i * 3 + 2]));
  }
  return worst;
}

/** A sampler bound to one hand model and Ammo instance; call destroy() when done. */
export function createHandSampler(ammo: AmmoModule, model: HandModel, options: HandSamplerOptions): HandSampler {
  if (!Number.isFinite(options.seed)) throw new KinetwinError(`seed must be a finite number, got ${options.seed}`);
  const mode = options.mode ?? 'uniform';
  if (mode !== 'uniform' && mode !== 'functional') throw new KinetwinError(`sampling mode must be uniform or functional, got ${String(mode)}`);
  const maxAttempts = options.maxAttempts ?? 200;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100000) throw new KinetwinError(`maxAttempts must be an integer 1–100000, got ${maxAttempts}`);
  const grasp = options.grasp ?? null;
  if (grasp && (!(grasp.radius >= 0.005 && grasp.radius <= 0.1) || (grasp.kind !== 'cylinder' && grasp.kind !== 'sphere'))) {
    throw new KinetwinError(`grasp object must be a cylinder or sphere of radius 0.005–0.1 m, got ${String(grasp.kind)} ${grasp.radius}`);
  }
  const collider = createHandCollider(ammo, model);
  if (grasp) addGraspObject(collider, grasp.kind, grasp.radius);
  const pose = createHandPose(model);
  const s: HandSampler = {
    model, collider, pose, options: { seed: options.seed, mode, maxAttempts, grasp },
    recovered: new Float64Array(model.bones.length * 3), wrist: new Float64Array(3), centre: new Float64Array(3),
    sample(index: number): HandSample {
      if (!Number.isInteger(index) || index < 0) throw new KinetwinError(`sample index must be a non-negative integer, got ${index}`);
      const rng = new CounterRandom(options.seed, index);
      const angles = new Float64Array(model.joints.length * 2);
      let attempts = 0;
      let free = false;
      let contact: number[] = [];
      while (attempts < maxAttempts && !free) {
        attempts++;
        drawAngles(model, rng, mode, angles);
        if (grasp) {
          const c = closeOnObject(s, angles);
          if (c === null) continue;
          contact = c;
        }
        handForwardKinematics(model, angles, pose);
        placeBones(collider, pose);
        free = findSelfCollision(collider) < 0;
      }
      recoverJointAngles(model, pose, s.recovered, s.wrist);
      const violation = handLimitViolation(model, s.recovered, s.wrist);
      for (let i = 0; i < model.bones.length; i++) {
        const b = model.bones[i];
        if (!b.present) { angles[b.joint * 2] = NaN; angles[b.joint * 2 + 1] = NaN; }
      }
      const graspResult = grasp ? { kind: grasp.kind, radius: grasp.radius, centre: graspCentre(s, pose.carpus).slice(), contact } : null;
      return { index, attempts, collisionFree: free, angles, keypoints: pose.keypoints.slice(), present: model.keypointPresent.slice(), limitViolationDeg: violation, grasp: graspResult };
    },
    destroy(): void { destroyHandCollider(collider); },
  };
  return s;
}
