// The renderable body: capsules per segment (endpoints + radius, segment id) and the COCO-17 keypoints in the lab
// frame, from the twin model's forward kinematics. Radii are fractions of stature (rough de Leva-like girths).
import { forwardKinematics, createKinematicsData, type KinematicsData } from '../twin/forwardKinematics';
import type { BodyModel } from '../twin/model';

export interface Capsule {
  a: number[]; // 3, endpoint, m, lab frame
  b: number[]; // 3, endpoint, m, lab frame
  radius: number; // m
  segment: number; // mask id = segment index + 1 (0 is background)
}

export interface BodyGeometry {
  capsules: Capsule[];
  keypoints: Float64Array; // 17 × 3, m, lab frame, COCO_PERSON_17 order
  keypointTolerance: Float64Array; // 17, m: how far in front of a keypoint its own body surface can lie (visibility test)
  joints: Record<string, number[]>; // joint centre name → lab position (m)
}

// Radius as a fraction of stature per segment name (upper arm ≈ 0.045·H ≈ 8 cm for 1.75 m).
const RADIUS: Record<string, number> = {
  pelvis: 0.06, torso: 0.075, head: 0.054, thigh: 0.042, shank: 0.03, foot: 0.022, upperarm: 0.026, forearm: 0.021, hand: 0.018,
};


function labPoint(d: KinematicsData, s: number, x: number, y: number, z: number): number[] {
  const R = d.segR, o = 9 * s;
  return [
    d.segP[3 * s] + R[o] * x + R[o + 1] * y + R[o + 2] * z,
    d.segP[3 * s + 1] + R[o + 3] * x + R[o + 4] * y + R[o + 5] * z,
    d.segP[3 * s + 2] + R[o + 6] * x + R[o + 7] * y + R[o + 8] * z,
  ];
}

/**
 * Capsules, COCO keypoints and joint centres of `model` at coordinates `q` for a subject of stature heightM;
 * `girth` scales every radius (1 = de Leva's reference build; cohortBody.ts derives it from BMI).
 */
export function bodyGeometry(model: BodyModel, q: ArrayLike<number>, heightM: number, data: KinematicsData = createKinematicsData(model), girth = 1): BodyGeometry {
  forwardKinematics(model, q, data);
  const radiusOf = (name: string, h: number) => RADIUS[name.replace(/_[rl]$/, '')] * h * girth;
  const seg = new Map(model.segments.map((s, i) => [s.name, i]));
  const id = (name: string) => seg.get(name) as number;
  const origin = (name: string) => labPoint(data, id(name), 0, 0, 0);
  const distal = (name: string) => { const s = model.segments[id(name)]; return labPoint(data, id(name), s.distal[0], s.distal[1], s.distal[2]); };
  const capsules: Capsule[] = [];
  const add = (a: number[], b: number[], radius: number, name: string) => capsules.push({ a, b, radius, segment: id(name) + 1 });
  const sc = heightM / 1.741; // de Leva's reference stature
  // Pelvis: a bar between the hip centres and one up to L5/S1; torso: spine plus a shoulder bar.
  add(origin('thigh_r'), origin('thigh_l'), radiusOf('pelvis', heightM), 'pelvis');
  add(labPoint(data, id('pelvis'), 0, -0.06 * sc, 0), origin('torso'), radiusOf('pelvis', heightM) * 1.1, 'pelvis');
  add(origin('torso'), labPoint(data, id('torso'), 0.03 * sc, 0.3 * sc, 0), radiusOf('torso', heightM), 'torso');
  add(origin('upperarm_r'), origin('upperarm_l'), radiusOf('upperarm', heightM) * 1.3, 'torso');
  add(origin('head'), labPoint(data, id('head'), 0, 0.05 * sc, 0), radiusOf('head', heightM) * 0.5, 'head'); // neck
  add(labPoint(data, id('head'), 0.02 * sc, 0.12 * sc, 0), labPoint(data, id('head'), 0.02 * sc, 0.17 * sc, 0), radiusOf('head', heightM), 'head');
  for (const side of ['r', 'l']) {
    for (const name of ['thigh', 'shank', 'upperarm', 'forearm', 'hand']) add(origin(`${name}_${side}`), distal(`${name}_${side}`), radiusOf(name, heightM), `${name}_${side}`);
    add(labPoint(data, id(`foot_${side}`), -0.03 * sc, -0.03 * sc, 0), distal(`foot_${side}`), radiusOf('foot', heightM), `foot_${side}`);
  }
  // COCO-17 keypoints; face points on the head segment (X anterior, Y up, Z right), from the C7 origin.
  const head = id('head');
  const face = (x: number, y: number, z: number) => labPoint(data, head, x * sc, y * sc, z * sc);
  const points = [
    face(0.1, 0.13, 0), face(0.085, 0.16, -0.032), face(0.085, 0.16, 0.032), face(0.0, 0.15, -0.075), face(0.0, 0.15, 0.075),
    origin('upperarm_l'), origin('upperarm_r'), origin('forearm_l'), origin('forearm_r'), origin('hand_l'), origin('hand_r'),
    origin('thigh_l'), origin('thigh_r'), origin('shank_l'), origin('shank_r'), origin('foot_l'), origin('foot_r'),
  ];
  const tol = (a: string, b: string) => Math.max(radiusOf(a, heightM), radiusOf(b, heightM)) + 0.03;
  const keypointTolerance = Float64Array.from([
    0.06, 0.06, 0.06, 0.06, 0.06, // face points lie ≤ 3 cm inside the head capsule's surface
    tol('upperarm', 'torso'), tol('upperarm', 'torso'), tol('upperarm', 'forearm'), tol('upperarm', 'forearm'), tol('forearm', 'hand'), tol('forearm', 'hand'),
    tol('thigh', 'pelvis'), tol('thigh', 'pelvis'), tol('thigh', 'shank'), tol('thigh', 'shank'), tol('shank', 'foot'), tol('shank', 'foot'),
  ]);
  const joints: Record<string, number[]> = {};
  for (let s = 0; s < model.segments.length; s++) joints[model.segments[s].joint] = labPoint(data, s, 0, 0, 0);
  return { capsules, keypoints: Float64Array.from(points.flat()), keypointTolerance, joints };
}
