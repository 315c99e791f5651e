// Forward kinematics of a BVH skeleton: joint world positions per frame.
// Local transform of a joint = Translate(offset + position channels) · R, with R the product of its rotation
// channels in the order listed (e.g. `Zrotation Xrotation Yrotation` → R = Rz·Rx·Ry, column vectors);
// world = parentWorld · local. End Sites have no channels: they sit at their offset in the parent frame.

import type { BvhMotion } from './read';

const DEG = Math.PI / 180;

/** Joint positions for every frame: Float32Array frames × joints × 3, metres, in the BVH's frame (usually Y-up). */
export function bvhJointPositions(bvh: BvhMotion): Float32Array {
  const nj = bvh.joints.length;
  const out = new Float32Array(bvh.frames * nj * 3);
  const world = new Float64Array(nj * 12); // per joint 3×4 row-major [R | t], file units
  const local = new Float64Array(12);
  for (let f = 0; f < bvh.frames; f++) {
    jointWorldTransforms(bvh, f, world, local);
    for (let j = 0; j < nj; j++) {
      const o = (f * nj + j) * 3;
      out[o] = world[j * 12 + 3] * bvh.scale;
      out[o + 1] = world[j * 12 + 7] * bvh.scale;
      out[o + 2] = world[j * 12 + 11] * bvh.scale;
    }
  }
  return out;
}

/** Fill `world` (joints × 3×4 row-major, file units) for frame `f`; `local` is 12-long scratch. Allocation-free. */
export function jointWorldTransforms(bvh: BvhMotion, f: number, world: Float64Array, local: Float64Array): void {
  const row = f * bvh.channelCount;
  for (let j = 0; j < bvh.joints.length; j++) {
    const joint = bvh.joints[j];
    // local = [I | offset]
    local.fill(0);
    local[0] = 1; local[5] = 1; local[10] = 1;
    local[3] = joint.offset[0]; local[7] = joint.offset[1]; local[11] = joint.offset[2];
    for (let c = 0; c < joint.channels.length; c++) {
      const ch = joint.channels[c];
      const v = bvh.motion[row + joint.channelStart + c];
      if (ch === 'Xposition') local[3] += v;
      else if (ch === 'Yposition') local[7] += v;
      else if (ch === 'Zposition') local[11] += v;
      else rotateLocal(local, ch === 'Xrotation' ? 0 : ch === 'Yrotation' ? 1 : 2, v * DEG);
    }
    const base = j * 12;
    if (joint.parent < 0) { for (let k = 0; k < 12; k++) world[base + k] = local[k]; continue; }
    const p = joint.parent * 12;
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 4; c++) {
        let s = c === 3 ? world[p + r * 4 + 3] : 0;
        for (let k = 0; k < 3; k++) s += world[p + r * 4 + k] * local[k * 4 + c];
        world[base + r * 4 + c] = s;
      }
    }
  }
}

/** local.R ← local.R · R_axis(angle) (right-multiplication: intrinsic order as listed). */
function rotateLocal(m: Float64Array, axis: number, angle: number): void {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  // the two columns mixed by a rotation about `axis`, in cyclic order (x: y,z; y: z,x; z: x,y)
  const a = (axis + 1) % 3;
  const b = (axis + 2) % 3;
  for (let r = 0; r < 3; r++) {
    const ma = m[r * 4 + a];
    const mb = m[r * 4 + b];
    m[r * 4 + a] = ma * c + mb * s;
    m[r * 4 + b] = -ma * s + mb * c;
  }
}
