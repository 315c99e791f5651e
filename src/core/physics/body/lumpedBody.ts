// A lumped upper body for cohort landings: head, arms and hands frozen rigidly onto the torso in a given posture, as
// in planar 7-segment landing/jump models (e.g. Bobbert & van Ingen Schenau 1988, J Biomech 21:249; HAT segment of
// Winter 2009). The merged segment has the exact composite mass, CoM and inertia tensor (parallel-axis theorem)
// in the torso's frame; Bullet takes only the tensor's diagonal, the products are kept in `inertiaProducts`
// (zero for the left–right symmetric pre-landing pose, ~1e-4 of the diagonal with the ±1° pose jitter).
import type { BodyJoint, BodyModel, BodySegment, Vec3 } from './bodyModel.js';
import { poseSegments } from './pose.js';

/** Upper-body representation of a physics body: 15 articulated segments, or torso + head + arms as one rigid body. */
export type UpperBody = 'articulated' | 'lumped';

export interface LumpedBody {
  model: BodyModel; // 8 segments (pelvis, torso+head+arms, thighs, shanks, feet), 7 joints (lumbar, hips, knees, ankles)
  angles: Float64Array; // joints × 3, deg: the kept joints' angles of the posture given to lumpUpperBody
}

/** Index of the merged segment in a lumped model (the articulated torso's index, 1). */
const TORSO = 1;

/** Whether segment i is the torso or hangs from it (head, arms, hands). */
function inUpperBody(model: BodyModel, i: number): boolean {
  for (let s = i; s >= 0; s = model.segments[s].parent) if (s === TORSO) return true;
  return false;
}

/** 3 × 3 row-major rotation matrix of quaternion q[o..o+3] (x, y, z, w). */
function quatMatrix(q: Float64Array, o: number): number[] {
  const x = q[o], y = q[o + 1], z = q[o + 2], w = q[o + 3];
  return [
    1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
    2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
    2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y),
  ];
}

/**
 * Inertia tensor (3 × 3 row-major, kg·m²) about the composite CoM, in frame F, of segments with mass m_i, principal
 * moments D_i along axes R_i (columns, in F) and CoM r_i (m, in F): Σ R_i D_i R_iᵀ + m_i (|d_i|² E − d_i d_iᵀ),
 * d_i = r_i − c. Returns [mass, cx, cy, cz, I00 … I22].
 */
export function compositeInertia(masses: number[], inertias: Vec3[], axes: number[][], coms: Vec3[]): number[] {
  let M = 0;
  const c = [0, 0, 0];
  masses.forEach((m, i) => { M += m; for (let a = 0; a < 3; a++) c[a] += m * coms[i][a]; });
  for (let a = 0; a < 3; a++) c[a] /= M;
  const I = new Array<number>(9).fill(0);
  masses.forEach((m, i) => {
    const R = axes[i];
    const D = inertias[i];
    const d = [coms[i][0] - c[0], coms[i][1] - c[1], coms[i][2] - c[2]];
    const dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
    for (let r = 0; r < 3; r++) for (let k = 0; k < 3; k++) {
      I[r * 3 + k] += R[r * 3] * D[0] * R[k * 3] + R[r * 3 + 1] * D[1] * R[k * 3 + 1] + R[r * 3 + 2] * D[2] * R[k * 3 + 2]
        + m * ((r === k ? dd : 0) - d[r] * d[k]);
    }
  });
  return [M, c[0], c[1], c[2], ...I];
}

/**
 * The model with its head, arms and hands merged rigidly into the torso, frozen at `anglesDeg` (joints × 3, deg,
 * clinical sense; the arm and neck angles are the frozen posture). Needs the articulated 15-segment layout
 * (buildBodyModel): segment 1 the torso, its descendants the head and arms.
 */
export function lumpUpperBody(model: BodyModel, anglesDeg: Float64Array): LumpedBody {
  const torso = model.segments[TORSO];
  // segment poses relative to the torso: the whole body posed with the torso's CoM at the origin, frame = lab
  const pose = poseSegments(model, anglesDeg, [0, 0, 0], [0, 0, 0, 1]);
  const T = quatMatrix(pose, TORSO * 7 + 3);
  const tp: Vec3 = [pose[TORSO * 7], pose[TORSO * 7 + 1], pose[TORSO * 7 + 2]];
  const masses: number[] = [], inertias: Vec3[] = [], axes: number[][] = [], coms: Vec3[] = [];
  model.segments.forEach((s, i) => {
    if (!inUpperBody(model, i)) return;
    const R = quatMatrix(pose, i * 7 + 3);
    const d = [pose[i * 7] - tp[0], pose[i * 7 + 1] - tp[1], pose[i * 7 + 2] - tp[2]];
    // into the torso frame: r = Tᵀ d, axes Tᵀ R
    coms.push([0, 1, 2].map((a) => T[a] * d[0] + T[3 + a] * d[1] + T[6 + a] * d[2]) as Vec3);
    const A = new Array<number>(9);
    for (let r = 0; r < 3; r++) for (let k = 0; k < 3; k++) A[r * 3 + k] = T[r] * R[k] + T[3 + r] * R[3 + k] + T[6 + r] * R[6 + k];
    axes.push(A);
    masses.push(s.mass);
    inertias.push(s.inertia);
  });
  const [M, cx, cy, cz, ...I] = compositeInertia(masses, inertias, axes, coms);
  const merged: BodySegment = {
    name: 'torso', parent: 0, mass: M, inertia: [I[0], I[4], I[8]], inertiaProducts: [I[1], I[2], I[5]],
    com: [torso.com[0] + cx, torso.com[1] + cy, torso.com[2] + cz], length: torso.length, shape: torso.shape,
  };
  const keep: number[] = []; // old segment index → kept order
  const newIndex = new Map<number, number>();
  model.segments.forEach((_, i) => { if (i === TORSO || !inUpperBody(model, i)) { newIndex.set(i, keep.length); keep.push(i); } });
  const segments = keep.map((i) => (i === TORSO ? merged : { ...model.segments[i], parent: model.segments[i].parent < 0 ? -1 : newIndex.get(model.segments[i].parent)! }));
  const joints: BodyJoint[] = [];
  const angles: number[] = [];
  model.joints.forEach((j, i) => {
    if (j.child !== TORSO && inUpperBody(model, j.child)) return;
    joints.push({ ...j, parent: newIndex.get(j.parent)!, child: newIndex.get(j.child)! });
    angles.push(anglesDeg[i * 3], anglesDeg[i * 3 + 1], anglesDeg[i * 3 + 2]);
  });
  return { model: { ...model, segments, joints }, angles: Float64Array.from(angles) };
}
