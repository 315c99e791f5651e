// Forward kinematics (MuJoCo's mj_kinematics): coordinates → segment poses, DOF axes and marker positions
// in the lab frame, written into preallocated buffers; allocation-free.
import type { BodyModel } from './model';
import { axisAngle, mul33, mulVec } from './mat3';

export interface KinematicsData {
  segR: Float64Array; // segments × 9, row-major rotation of each segment frame in the lab
  segP: Float64Array; // segments × 3, segment origin in the lab, m
  dofAxis: Float64Array; // coordinates × 3, each DOF's unit axis in the lab
  dofPoint: Float64Array; // coordinates × 3, a lab point on each DOF's axis (the joint centre), m
  markers: Float64Array; // markers × 3, model marker positions in the lab, m
  rot: Float64Array; // 9, scratch
  tmp: Float64Array; // 9, scratch
  basis: Int8Array; // coordinates: ±(k+1) when the axis is ±eₖ, 0 for a general axis
  postIsIdentity: Uint8Array; // segments
}

export function createKinematicsData(model: BodyModel): KinematicsData {
  const ns = model.segments.length, nc = model.coordinates.length;
  return {
    segR: new Float64Array(ns * 9), segP: new Float64Array(ns * 3),
    dofAxis: new Float64Array(nc * 3), dofPoint: new Float64Array(nc * 3),
    markers: new Float64Array(model.markers.length * 3),
    rot: new Float64Array(9), tmp: new Float64Array(9),
    basis: Int8Array.from(model.coordinates, (c) => {
      const k = c.axis.findIndex((v) => Math.abs(v) === 1);
      return k >= 0 && c.axis.every((v, i) => i === k || v === 0) ? (c.axis[k] > 0 ? k + 1 : -(k + 1)) : 0;
    }),
    postIsIdentity: Uint8Array.from(model.segments, (s) => (s.postRotation.every((v, i) => v === (i % 4 === 0 ? 1 : 0)) ? 1 : 0)),
  };
}

/** Fills segR, segP, dofAxis, dofPoint for coordinates q (rad / m). */
export function forwardKinematics(model: BodyModel, q: ArrayLike<number>, d: KinematicsData): void {
  const { segmentParent, jointOrigin, postRotation, dofStart, dofCoord, coordKind, coordAxis } = model;
  const basis = d.basis, postIsIdentity = d.postIsIdentity;
  const R = d.segR, P = d.segP, rot = d.rot, tmp = d.tmp;
  const ns = segmentParent.length;
  for (let s = 0; s < ns; s++) {
    const p = segmentParent[s], r9 = s * 9, p3 = s * 3;
    if (p < 0) {
      R.fill(0, r9, r9 + 9);
      R[r9] = R[r9 + 4] = R[r9 + 8] = 1;
      P[p3] = jointOrigin[p3];
      P[p3 + 1] = jointOrigin[p3 + 1];
      P[p3 + 2] = jointOrigin[p3 + 2];
    } else {
      for (let k = 0; k < 9; k++) R[r9 + k] = R[p * 9 + k];
      mulVec(R, p * 9, jointOrigin, p3, P, p3);
      P[p3] += P[p * 3];
      P[p3 + 1] += P[p * 3 + 1];
      P[p3 + 2] += P[p * 3 + 2];
    }
    for (let k = dofStart[s]; k < dofStart[s + 1]; k++) {
      const c = dofCoord[k], c3 = c * 3;
      mulVec(R, r9, coordAxis, c3, d.dofAxis, c3);
      d.dofPoint[c3] = P[p3];
      d.dofPoint[c3 + 1] = P[p3 + 1];
      d.dofPoint[c3 + 2] = P[p3 + 2];
      const v = q[c];
      if (coordKind[c] === 1) {
        P[p3] += d.dofAxis[c3] * v;
        P[p3 + 1] += d.dofAxis[c3 + 1] * v;
        P[p3 + 2] += d.dofAxis[c3 + 2] * v;
      } else if (basis[c] !== 0) {
        // R·Rot(±eₖ, v): only the two columns orthogonal to eₖ change.
        const k = basis[c] > 0 ? basis[c] - 1 : -basis[c] - 1;
        const sn = basis[c] > 0 ? Math.sin(v) : -Math.sin(v), cs = Math.cos(v);
        const a = k === 0 ? 1 : k === 1 ? 2 : 0, b = k === 0 ? 2 : k === 1 ? 0 : 1; // (a, b, k) cyclic
        for (let r = 0; r < 3; r++) {
          const ra = R[r9 + 3 * r + a], rb = R[r9 + 3 * r + b];
          R[r9 + 3 * r + a] = cs * ra + sn * rb;
          R[r9 + 3 * r + b] = cs * rb - sn * ra;
        }
      } else {
        axisAngle(coordAxis[c3], coordAxis[c3 + 1], coordAxis[c3 + 2], v, rot, 0);
        mul33(R, r9, rot, 0, tmp, 0);
        for (let j = 0; j < 9; j++) R[r9 + j] = tmp[j];
      }
    }
    if (postIsIdentity[s]) continue;
    mul33(R, r9, postRotation, r9, tmp, 0);
    for (let j = 0; j < 9; j++) R[r9 + j] = tmp[j];
  }
}

/** Fills d.markers from the segment poses of the last forwardKinematics call. */
export function markerPositions(model: BodyModel, d: KinematicsData): void {
  const { markerSegment, markerOffset } = model;
  for (let m = 0; m < markerSegment.length; m++) {
    const s = markerSegment[m], m3 = m * 3;
    mulVec(d.segR, s * 9, markerOffset, m3, d.markers, m3);
    d.markers[m3] += d.segP[s * 3];
    d.markers[m3 + 1] += d.segP[s * 3 + 1];
    d.markers[m3 + 2] += d.segP[s * 3 + 2];
  }
}

/** Lab position of a point given in segment s's frame (after forwardKinematics), into out[o..o+3). */
export function pointInLab(d: KinematicsData, s: number, local: ArrayLike<number>, out: Float64Array, o: number): void {
  mulVec(d.segR, s * 9, local, 0, out, o);
  out[o] += d.segP[s * 3];
  out[o + 1] += d.segP[s * 3 + 1];
  out[o + 2] += d.segP[s * 3 + 2];
}
