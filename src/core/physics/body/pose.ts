// Forward kinematics of the body model: segment CoM positions and orientations for given joint angles.
import type { BodyModel } from './bodyModel.js';
import { quatFromZXY } from './jointAngles.js';

const DEG = Math.PI / 180;

/** Quaternion product a ⊗ b written to out[o..o+3] (x, y, z, w). */
function qmul(a: Float64Array, ao: number, b: Float64Array, bo: number, out: Float64Array, o: number): void {
  const ax = a[ao], ay = a[ao + 1], az = a[ao + 2], aw = a[ao + 3];
  const bx = b[bo], by = b[bo + 1], bz = b[bo + 2], bw = b[bo + 3];
  out[o] = aw * bx + ax * bw + ay * bz - az * by;
  out[o + 1] = aw * by - ax * bz + ay * bw + az * bx;
  out[o + 2] = aw * bz + ax * by - ay * bx + az * bw;
  out[o + 3] = aw * bw - ax * bx - ay * by - az * bz;
}

/** Rotates (x, y, z) by quaternion q[o..o+3], result into out[0..2]. */
export function qrot(q: Float64Array, o: number, x: number, y: number, z: number, out: Float64Array): void {
  const qx = q[o], qy = q[o + 1], qz = q[o + 2], qw = q[o + 3];
  const tx = 2 * (qy * z - qz * y), ty = 2 * (qz * x - qx * z), tz = 2 * (qx * y - qy * x);
  out[0] = x + qw * tx + (qy * tz - qz * ty);
  out[1] = y + qw * ty + (qz * tx - qx * tz);
  out[2] = z + qw * tz + (qx * ty - qy * tx);
}

/**
 * Segment poses for joint angles. `anglesDeg`: joints × 3, degrees, clinical sense (flexion, adduction, internal
 * rotation). Root (segment 0) CoM at `rootPos` (m) with orientation `rootQuat`. Output: segments × 7 (CoM x, y, z;
 * quaternion x, y, z, w), lab frame.
 */
export function poseSegments(model: BodyModel, anglesDeg: Float64Array, rootPos: ArrayLike<number>, rootQuat: ArrayLike<number>, out = new Float64Array(model.segments.length * 7)): Float64Array {
  const jq = new Float64Array(4);
  const v = new Float64Array(3);
  out[0] = rootPos[0]; out[1] = rootPos[1]; out[2] = rootPos[2];
  out[3] = rootQuat[0]; out[4] = rootQuat[1]; out[5] = rootQuat[2]; out[6] = rootQuat[3];
  for (let i = 0; i < model.joints.length; i++) {
    const j = model.joints[i];
    const side = j.side === 'left' ? -1 : 1;
    quatFromZXY(j.flexionSign * anglesDeg[i * 3] * DEG, side * anglesDeg[i * 3 + 1] * DEG, side * anglesDeg[i * 3 + 2] * DEG, jq, 0);
    const p = j.parent * 7;
    const c = j.child * 7;
    qmul(out, p + 3, jq, 0, out, c + 3);
    const pc = model.segments[j.parent].com;
    const cc = model.segments[j.child].com;
    qrot(out, p + 3, j.position[0] - pc[0], j.position[1] - pc[1], j.position[2] - pc[2], v);
    const jx = out[p] + v[0], jy = out[p + 1] + v[1], jz = out[p + 2] + v[2];
    qrot(out, c + 3, cc[0] - j.position[0], cc[1] - j.position[1], cc[2] - j.position[2], v);
    out[c] = jx + v[0]; out[c + 1] = jy + v[1]; out[c + 2] = jz + v[2];
  }
  return out;
}

/** Lowest point (m, lab Y) of any segment shape in a pose (segments × 7). */
export function lowestPoint(model: BodyModel, pose: Float64Array): number {
  let low = Infinity;
  for (let i = 0; i < model.segments.length; i++) low = Math.min(low, segmentLowestY(model, pose, i, 7));
  return low;
}

const scratch = new Float64Array(3);

/**
 * Lowest point (m, lab Y) of segment i's shape; `state`: segments × stride, each starting with position (3) and
 * quaternion (4) — a pose (stride 7) or a body-world state (stride 13). Allocation-free.
 */
export function segmentLowestY(model: BodyModel, state: Float64Array, i: number, stride = 13): number {
  const s = model.segments[i].shape;
  const o = i * stride;
  if (s.kind === 'sphere') return state[o + 1] - s.radius;
  let low = Infinity;
  if (s.kind === 'capsule') {
    const half = Math.max(s.length / 2 - s.radius, 0);
    for (let sg = -1; sg <= 1; sg += 2) { qrot(state, o + 3, 0, sg * half, 0, scratch); low = Math.min(low, state[o + 1] + scratch[1] - s.radius); }
    return low;
  }
  const [hx, hy, hz] = s.halfExtents;
  for (let k = 0; k < 8; k++) {
    qrot(state, o + 3, k & 1 ? hx : -hx, k & 2 ? hy : -hy, k & 4 ? hz : -hz, scratch);
    low = Math.min(low, state[o + 1] + scratch[1]);
  }
  return low;
}

/** Largest distance (m) from a shape's centre to any of its points: a segment whose CoM is higher cannot touch y = 0. */
export function segmentReach(s: BodyModel['segments'][number]['shape']): number {
  return s.kind === 'sphere' ? s.radius : s.kind === 'capsule' ? Math.max(s.length / 2, s.radius) : Math.hypot(...s.halfExtents);
}
