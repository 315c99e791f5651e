// Hand pose sampling: angles drawn uniformly within the clinical limits or the functional ranges, coupled joints
// copied from their leader (syndactyly), self-colliding poses rejected with Ammo contact queries and redrawn.
// Sample i depends only on (seed, i) (counter-based random stream), so any subset can be regenerated exactly.
// With a grasp option each draw rests a primitive on the palm and closes the digits on it (handGrasp.ts).
import { KinetwinError } from '../../errors.js';
import type { AmmoModule } from '../ammo.js';
import { CounterRandom } from '../random.js';
import { checkGraspOptions, type GraspOptions } from './graspObject.js';
import { createHandCollider, destroyHandCollider, findSelfCollision, placeBones, type HandCollider } from './handCollision.js';
import { createHandGrasper, destroyHandGrasper, graspObject, type GraspResult, type HandGrasper } from './handGrasp.js';
import { applyCoupling, type HandModel } from './handModel.js';
import { createHandPose, handForwardKinematics, recoverJointAngles, type HandPose } from './handPose.js';

export type HandSampleMode = 'uniform' | 'functional';

export interface HandSamplerOptions {
  seed: number;
  mode?: HandSampleMode; // default 'uniform'
  maxAttempts?: number; // redraws before a sample is returned as colliding (default 200)
  grasp?: GraspOptions | null; // close the digits on a cylinder or sphere resting on the palm
}

export interface HandSample {
  index: number;
  attempts: number; // draws until a collision-free pose (1 = first draw)
  collisionFree: boolean;
  angles: Float64Array; // joints × 2, deg (flexion, abduction); NaN for joints of absent bones
  keypoints: Float64Array; // keypoints × 3, m, hand (forearm) frame; NaN where absent
  present: Uint8Array; // keypoints
  limitViolationDeg: number; // worst excursion beyond a limit, from angles recovered from the posed bone frames
  grasp: GraspResult | null; // the grasped object and its contacts (grasp option only; null when no draw could grasp)
}

export interface HandSampler {
  model: HandModel;
  collider: HandCollider;
  grasper: HandGrasper | null;
  pose: HandPose;
  options: Required<HandSamplerOptions>;
  recovered: Float64Array; // bones × 3 scratch
  wrist: Float64Array; // 3 scratch
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
  applyCoupling(model, angles);
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
  const grasp = options.grasp ? checkGraspOptions(options.grasp) : null;
  const collider = createHandCollider(ammo, model);
  const pose = createHandPose(model);
  const grasper = grasp ? createHandGrasper(ammo, model, collider, pose, grasp) : null;
  const s: HandSampler = {
    model, collider, grasper, pose, options: { seed: options.seed, mode, maxAttempts, grasp },
    recovered: new Float64Array(model.bones.length * 3), wrist: new Float64Array(3),
    sample(index: number): HandSample {
      if (!Number.isInteger(index) || index < 0) throw new KinetwinError(`sample index must be a non-negative integer, got ${index}`);
      const rng = new CounterRandom(options.seed, index);
      const angles = new Float64Array(model.joints.length * 2);
      let attempts = 0;
      let free = false;
      let held: GraspResult | null = null;
      while (attempts < maxAttempts && !free) {
        attempts++;
        drawAngles(model, rng, mode, angles);
        if (grasper) {
          held = graspObject(grasper, rng, angles);
          if (!held) continue;
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
      return { index, attempts, collisionFree: free, angles, keypoints: pose.keypoints.slice(), present: model.keypointPresent.slice(), limitViolationDeg: violation, grasp: free ? held : null };
    },
    destroy(): void {
      if (grasper) destroyHandGrasper(grasper);
      destroyHandCollider(collider);
    },
  };
  return s;
}
