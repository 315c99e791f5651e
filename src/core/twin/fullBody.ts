// The generic full-body model: the joint tree of fullBodyTopology.ts posed upright (anatomical position,
// every segment frame parallel to the lab's: X anterior, Y up, Z right), with joint centres from de Leva's
// (1996) reference male (1.741 m) segment lengths, scaled by stature. Scaling to a subject's static trial
// (scale.ts) replaces this geometry with measured joint centres and anatomical frames.
import { KinetwinError } from '../errors';
import { buildModelFromPose, type BuiltModel, type PosedSkeleton, type PosedSegment } from './buildModel';
import { DE_LEVA, REFERENCE_HEIGHT } from './deLeva';
import { fullBodyJoints, type JointSpec } from './fullBodyTopology';
import { add, type Vec3 } from './mat3';
import type { MarkerSet } from './markerSets';
import type { Sex } from './model';

const I3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/** Generic joint centres and landmarks in the lab at the neutral pose (m), ground at y = 0. */
export function genericSkeleton(heightM: number, sex: Sex): PosedSkeleton {
  const T = DE_LEVA[sex];
  const s = heightM / REFERENCE_HEIGHT[sex]; // isotropic stature scaling of the reference subject
  const p = (x: number, y: number, z: number): Vec3 => [x * s, y * s, z * s];
  const pelvis = p(0, 1.02, 0); // mid-ASIS
  // Hip centres from Harrington et al. (2007) with a 0.245 m inter-ASIS width and 0.16 m pelvic depth.
  const hip = (m: number) => add(pelvis, p(-0.0483, -0.0844, m * 0.0882));
  const knee = (m: number) => add(hip(m), p(0, -T.thigh.lengthM, 0));
  const ankle = (m: number) => add(knee(m), p(0, -T.shank.lengthM, 0));
  const lumbar = add(pelvis, p(-0.09, 0.05, 0)); // L5/S1
  const neck = add(lumbar, p(0.04, 0.42, 0)); // C7/T1
  const shoulder = (m: number) => add(lumbar, p(0.05, 0.36, m * 0.18)); // glenohumeral centre
  const sternoclavicular = (m: number) => add(lumbar, p(0.08, 0.39, m * 0.03)); // beside suprasternale
  const elbow = (m: number) => add(shoulder(m), p(0, -T.upperarm.lengthM, 0));
  const wrist = (m: number) => add(elbow(m), p(0, -T.forearm.lengthM, 0));
  const handTip = (m: number) => add(wrist(m), p(0, -T.hand.lengthM, 0));
  const heel = (m: number) => add(ankle(m), p(-0.05, -0.06, 0));
  const toe = (m: number) => add(heel(m), p(T.foot.lengthM, 0, 0));
  const vertex = p(0, 1.741, 0);
  const seg = (origin: Vec3, distal: Vec3): PosedSegment => ({ R: I3, origin, distal });
  const segments: Record<string, PosedSegment> = {
    pelvis: seg(pelvis, lumbar),
    torso: seg(lumbar, neck),
    head: seg(neck, vertex),
  };
  for (const [side, m] of [['r', 1], ['l', -1]] as const) {
    segments[`thigh_${side}`] = seg(hip(m), knee(m));
    segments[`shank_${side}`] = seg(knee(m), ankle(m));
    segments[`foot_${side}`] = seg(ankle(m), toe(m));
    segments[`clavicle_${side}`] = seg(sternoclavicular(m), shoulder(m));
    segments[`upperarm_${side}`] = seg(shoulder(m), elbow(m));
    segments[`forearm_${side}`] = seg(elbow(m), wrist(m));
    segments[`hand_${side}`] = seg(wrist(m), handTip(m));
  }
  return {
    segments,
    landmarks: {
      vertex, gonion: add(vertex, p(0.04, -T.head.lengthM, 0)),
      suprasternale: add(lumbar, p(0.09, 0.3957, 0)),
      midHip: add(pelvis, p(-0.0483, -0.0844, 0)),
      heel_r: heel(1), toe_r: toe(1), heel_l: heel(-1), toe_l: toe(-1),
      handTip_r: handTip(1), handTip_l: handTip(-1),
    },
  };
}

export interface FullBodyOptions {
  massKg: number;
  sex: Sex;
  heightM?: number; // default: de Leva's reference stature for the sex
  markerSet?: MarkerSet; // markers placed at the set's generic offsets
  kneeDof?: 1 | 3; // hinge knees (default) or flexion + ab/adduction + rotation
  shoulderGirdle?: boolean; // 2-DOF clavicles carrying the acromions and shoulder centres (default false: rigid torso)
}

/** The segment a marker set's segment name lands on in a joint tree: clavicle markers ride on the torso without girdles. */
export function hostSegment(joints: JointSpec[], segment: string): string {
  return segment.startsWith('clavicle_') && !joints.some((j) => j.segment === segment) ? 'torso' : segment;
}

/** Generic full-body model (neutral pose = all coordinates 0 except the pelvis height). */
export function createFullBodyModel(options: FullBodyOptions): BuiltModel {
  const { massKg, sex } = options;
  const heightM = options.heightM ?? REFERENCE_HEIGHT[sex];
  if (!(massKg > 0 && massKg < 500)) throw new KinetwinError(`body mass must be 0–500 kg, got ${massKg}`);
  if (!(heightM > 0.5 && heightM < 2.5)) throw new KinetwinError(`height must be 0.5–2.5 m, got ${heightM}`);
  const sk = genericSkeleton(heightM, sex);
  const s = heightM / REFERENCE_HEIGHT[sex];
  const joints = fullBodyJoints(options.kneeDof ?? 1, options.shoulderGirdle ?? false);
  const markers = (options.markerSet?.markers ?? []).map((m) => ({
    name: m.name, segment: hostSegment(joints, m.segment),
    position: add(sk.segments[m.segment].origin, [m.offset[0] * s, m.offset[1] * s, m.offset[2] * s]),
  }));
  return buildModelFromPose(`full-body-${sex}`, joints, sk, markers, massKg, sex);
}
