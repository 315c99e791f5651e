// Forward kinematics of the hand: bone frames, joint centres and keypoints from joint angles, and the inverse
// (angles recovered from bone frames) used to audit limit violations. Angles: joints × 2, degrees
// (flexion, abduction); a joint rotation is Rz(−s·abduction)·Rx(flexion), s the joint's abduction sign.
import type { HandModel } from './handModel.js';

const D2R = Math.PI / 180;

export interface HandPose {
  rotation: Float64Array; // bones × 9, row-major bone frame in the hand (forearm) frame
  origin: Float64Array; // bones × 3, m, proximal joint centre of each bone
  keypoints: Float64Array; // keypoints × 3, m (NaN where absent)
  carpus: Float64Array; // 9, carpus (wrist distal) frame
}

export function createHandPose(model: HandModel): HandPose {
  return {
    rotation: new Float64Array(model.bones.length * 9), origin: new Float64Array(model.bones.length * 3),
    keypoints: new Float64Array(model.keypointNames.length * 3), carpus: new Float64Array(9),
  };
}

/** out[o..o+8] = A[a..a+8] · B[b..b+8] (row-major 3 × 3). */
function mul3(A: Float64Array, a: number, B: Float64Array, b: number, out: Float64Array, o: number): void {
  for (let r = 0; r < 3; r++) {
    const x = A[a + r * 3], y = A[a + r * 3 + 1], z = A[a + r * 3 + 2];
    out[o + r * 3] = x * B[b] + y * B[b + 3] + z * B[b + 6];
    out[o + r * 3 + 1] = x * B[b + 1] + y * B[b + 4] + z * B[b + 7];
    out[o + r * 3 + 2] = x * B[b + 2] + y * B[b + 5] + z * B[b + 8];
  }
}

const scratchJ = new Float64Array(9);
const scratchP = new Float64Array(9);

/** Writes Rz(−s·abd)·Rx(flex) (degrees) into out[o..o+8]. */
function jointRotation(flexDeg: number, abdDeg: number, sign: number, out: Float64Array, o: number): void {
  const t = flexDeg * D2R, p = -sign * abdDeg * D2R;
  const ct = Math.cos(t), st = Math.sin(t), cp = Math.cos(p), sp = Math.sin(p);
  out[o] = cp; out[o + 1] = -sp * ct; out[o + 2] = sp * st;
  out[o + 3] = sp; out[o + 4] = cp * ct; out[o + 5] = -cp * st;
  out[o + 6] = 0; out[o + 7] = st; out[o + 8] = ct;
}

/** Poses bone i (rotation and proximal joint centre) from its parent's frame and its joint angles. Allocation-free. */
export function poseBone(model: HandModel, angles: Float64Array, pose: HandPose, i: number): void {
  const R = pose.rotation, O = pose.origin;
  const b = model.bones[i];
  const pr = b.parent < 0 ? pose.carpus : R;
  const po = b.parent < 0 ? 0 : b.parent * 9;
  // origin = parent origin (wrist = 0) + R_parent · restOffset
  const off = b.restOffset, ox = off[0], oy = off[1], oz = off[2];
  const bx = b.parent < 0 ? 0 : O[b.parent * 3], by = b.parent < 0 ? 0 : O[b.parent * 3 + 1], bz = b.parent < 0 ? 0 : O[b.parent * 3 + 2];
  O[i * 3] = bx + pr[po] * ox + pr[po + 1] * oy + pr[po + 2] * oz;
  O[i * 3 + 1] = by + pr[po + 3] * ox + pr[po + 4] * oy + pr[po + 5] * oz;
  O[i * 3 + 2] = bz + pr[po + 6] * ox + pr[po + 7] * oy + pr[po + 8] * oz;
  mul3(pr, po, b.restRotation, 0, scratchP, 0);
  jointRotation(angles[b.joint * 2], angles[b.joint * 2 + 1], model.joints[b.joint].abductionSign, scratchJ, 0);
  mul3(scratchP, 0, scratchJ, 0, R, i * 9);
}

/** Fills `pose` for joint angles (joints × 2, deg). Allocation-free. */
export function handForwardKinematics(model: HandModel, angles: Float64Array, pose: HandPose): HandPose {
  const w = model.joints[0];
  jointRotation(angles[0], angles[1], w.abductionSign, pose.carpus, 0);
  const R = pose.rotation, O = pose.origin;
  for (let i = 0; i < model.bones.length; i++) poseBone(model, angles, pose, i);
  const K = pose.keypoints;
  for (let k = 0; k < model.keypointNames.length; k++) {
    const kb = model.keypointBone[k];
    if (kb === -1) { K[k * 3] = 0; K[k * 3 + 1] = 0; K[k * 3 + 2] = 0; continue; }
    const bi = kb >= 0 ? kb : -2 - kb;
    if (!model.keypointPresent[k]) { K[k * 3] = NaN; K[k * 3 + 1] = NaN; K[k * 3 + 2] = NaN; continue; }
    const len = kb >= 0 ? 0 : model.bones[bi].length; // tip: along the bone's Y by its length
    K[k * 3] = O[bi * 3] + R[bi * 9 + 1] * len;
    K[k * 3 + 1] = O[bi * 3 + 1] + R[bi * 9 + 4] * len;
    K[k * 3 + 2] = O[bi * 3 + 2] + R[bi * 9 + 7] * len;
  }
  return pose;
}

/**
 * Recovers (flexion, abduction, twist) in degrees of each present bone's joint from the bone frames:
 * R_rel = (R_parent·R_rest)ᵀ·R_bone = Rz(φ)·Rx(θ); flexion θ, abduction −φ/s, twist ψ = asin(−R20) (0 for these joints).
 * out: bones × 3. Wrist recovered from the carpus frame into `wrist` (3).
 */
export function recoverJointAngles(model: HandModel, pose: HandPose, out: Float64Array, wrist: Float64Array): void {
  const rel = new Float64Array(9);
  const base = new Float64Array(9);
  const decompose = (M: Float64Array, sign: number, o: Float64Array, k: number): void => {
    // Rz(φ)·Rx(θ): M21 = sθ, M22 = cθ, M10 = sφ, M00 = cφ, M20 = 0; any residual M20 is a twist about the bone
    o[k] = Math.atan2(M[7], M[8]) / D2R;
    o[k + 1] = -Math.atan2(M[3], M[0]) / D2R / sign;
    o[k + 2] = Math.asin(Math.max(-1, Math.min(1, -M[6]))) / D2R;
  };
  decompose(pose.carpus, model.joints[0].abductionSign, wrist, 0);
  for (let i = 0; i < model.bones.length; i++) {
    const b = model.bones[i];
    if (b.parent < 0) mul3(pose.carpus, 0, b.restRotation, 0, base, 0);
    else mul3(pose.rotation, b.parent * 9, b.restRotation, 0, base, 0);
    // rel = baseᵀ · R_bone
    const R = pose.rotation;
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) {
      rel[r * 3 + c] = base[r] * R[i * 9 + c] + base[3 + r] * R[i * 9 + 3 + c] + base[6 + r] * R[i * 9 + 6 + c];
    }
    decompose(rel, model.joints[b.joint].abductionSign, out, i * 3);
  }
}
