// Turns a posed skeleton — every segment's anatomical frame and endpoints in the lab at one pose (the
// generic neutral pose, or a subject's static trial) — into a BodyModel plus that pose's coordinates.
// Joint offsets come from the frames; rotation a joint's DOFs cannot express (e.g. the knee's small
// ab/adduction at the static pose) becomes the joint's fixed post-rotation, so the model reproduces the
// posed frames exactly. Inertia from de Leva (1996) with the subject's mass and these segment lengths.
import { KinetwinError } from '../errors';
import { DE_LEVA, LOWER_TRUNK_MASS, segmentInertia, type SegmentInertia } from './deLeva';
import type { JointSpec } from './fullBodyTopology';
import { createBodyModel, type BodyModel, type SegmentDef, type Sex } from './model';
import { axisAngle, mid, mul33, relative, setIdentity, sub, toLocal, type Vec3 } from './mat3';

export interface PosedSegment {
  R: ArrayLike<number>; // 9, row-major: segment axes (columns) in the lab frame
  origin: Vec3; // joint centre, lab frame, m
  distal: Vec3; // distal endpoint (next joint centre or tip), lab frame, m
}

/** Lab-frame points (m) that delimit de Leva's segments, at the same pose. */
export interface InertiaLandmarks {
  vertex: Vec3;
  gonion: Vec3; // mid-gonion
  suprasternale: Vec3;
  midHip: Vec3; // midpoint of the hip joint centres
  heel_r: Vec3; toe_r: Vec3; heel_l: Vec3; toe_l: Vec3;
  handTip_r: Vec3; handTip_l: Vec3; // third metacarpal head
}

export interface PosedSkeleton {
  segments: Record<string, PosedSegment>;
  landmarks: InertiaLandmarks;
}

export interface BuiltModel {
  model: BodyModel;
  pose: Float64Array; // coordinates reproducing the skeleton's pose, rad / m
}

// Z-X-Y Cardan angles (a about Z, b about X, c about Y) of R = Rz(a)·Rx(b)·Ry(c).
export function cardanZXY(R: ArrayLike<number>): Vec3 {
  const b = Math.asin(Math.max(-1, Math.min(1, R[7])));
  return [Math.atan2(-R[1], R[4]), b, Math.atan2(-R[6], R[8])];
}

function axisIndex(axis: Vec3): number {
  return Math.abs(axis[0]) === 1 ? 0 : Math.abs(axis[1]) === 1 ? 1 : 2;
}

function inertiaOf(name: string, seg: PosedSegment, sk: PosedSkeleton, massKg: number, sex: Sex): SegmentInertia {
  const T = DE_LEVA[sex];
  const local = (p: Vec3): Vec3 => toLocal(seg.R, sub(p, seg.origin));
  const L = sk.landmarks;
  const side = name.endsWith('_l') ? 'l' : 'r';
  const base = name.replace(/_[rl]$/, '');
  switch (base) {
    case 'thigh': case 'shank': case 'upperarm': case 'forearm':
      return segmentInertia(T[base], massKg, [0, 0, 0], local(seg.distal), 1);
    case 'hand':
      return segmentInertia(T.hand, massKg, [0, 0, 0], local(L[`handTip_${side}`]), 1);
    case 'foot':
      return segmentInertia(T.foot, massKg, local(L[`heel_${side}`]), local(L[`toe_${side}`]), 0);
    case 'clavicle': // the shoulder girdle's mass is part of de Leva's trunk (carried by the torso segment)
      return { massKg: 0, com: local(mid(seg.origin, seg.distal)), inertia: [0, 0, 0] };
    case 'head':
      return segmentInertia(T.head, massKg, local(L.vertex), local(L.gonion), 1);
    case 'pelvis': case 'torso': {
      // de Leva's trunk (suprasternale → mid-hip) split at the lumbar joint: the pelvis carries the lower-trunk
      // mass share with its CoM midway between mid-hip and the lumbar joint; the torso the rest, placed so the
      // pair's CoM is de Leva's trunk CoM. Each part's radii of gyration: the trunk's fractions × its own length.
      const lumbar = sk.segments.torso.origin;
      const trunk = T.trunk;
      const mP = LOWER_TRUNK_MASS[sex] * massKg, mAll = trunk.mass * massKg, mT = mAll - mP;
      const cAll = [0, 1, 2].map((k) => L.suprasternale[k] + trunk.com * (L.midHip[k] - L.suprasternale[k])) as Vec3;
      const cP = [0, 1, 2].map((k) => (L.midHip[k] + lumbar[k]) / 2) as Vec3;
      const isPelvis = base === 'pelvis';
      const c = isPelvis ? cP : ([0, 1, 2].map((k) => (mAll * cAll[k] - mP * cP[k]) / mT) as Vec3);
      const len = isPelvis ? Math.hypot(...sub(lumbar, L.midHip)) : Math.hypot(...sub(L.suprasternale, lumbar));
      const m = isPelvis ? mP : mT;
      const sag = m * (trunk.rSagittal * len) ** 2, tr = m * (trunk.rTransverse * len) ** 2, lo = m * (trunk.rLongitudinal * len) ** 2;
      return { massKg: m, com: local(c), inertia: [tr, lo, sag] };
    }
    default:
      throw new KinetwinError(`no de Leva segment for ${name}`);
  }
}

/** Builds the model whose coordinates `pose` reproduce the posed skeleton; markers are given in the lab at that pose. */
export function buildModelFromPose(
  name: string,
  joints: JointSpec[],
  sk: PosedSkeleton,
  markers: { name: string; segment: string; position: Vec3 }[], // lab frame, m, at the skeleton's pose
  massKg: number,
  sex: Sex,
): BuiltModel {
  const defs: SegmentDef[] = [];
  const poseByName = new Map<string, number>();
  const D = new Float64Array(9), tmp = new Float64Array(9), step = new Float64Array(9);
  for (const j of joints) {
    const seg = sk.segments[j.segment];
    if (!seg) throw new KinetwinError(`posed skeleton lacks segment ${j.segment}`);
    const parent = j.parent === null ? null : sk.segments[j.parent];
    const Rp = parent ? parent.R : [1, 0, 0, 0, 1, 0, 0, 0, 1];
    const op: Vec3 = parent ? parent.origin : [0, 0, 0];
    const Rrel = relative(Rp, seg.R);
    const angles = cardanZXY(Rrel); // [about Z, about X, about Y]
    const byAxis = [angles[1], angles[2], angles[0]]; // indexed by axis X=0, Y=1, Z=2
    setIdentity(D, 0);
    let order = 3; // Z-X-Y: each joint's rotation axes must follow that order
    const rank = [1, 2, 0]; // position of X, Y, Z in Z-X-Y
    for (const c of j.coordinates) {
      const k = axisIndex(c.axis), sign = c.axis[k];
      if (c.kind === 'translation') {
        poseByName.set(c.name, sign * seg.origin[k]);
        continue;
      }
      if (order !== 3 && rank[k] <= order) throw new KinetwinError(`joint ${j.joint}: rotations must follow the Z-X-Y order`);
      order = rank[k];
      const q = sign * byAxis[k];
      poseByName.set(c.name, q);
      axisAngle(c.axis[0], c.axis[1], c.axis[2], q, step, 0);
      mul33(D, 0, step, 0, tmp, 0);
      D.set(tmp);
    }
    const post = relative(D, Rrel); // Dᵀ·Rrel
    const local = (p: Vec3): Vec3 => toLocal(seg.R, sub(p, seg.origin));
    const inert = inertiaOf(j.segment, seg, sk, massKg, sex);
    defs.push({
      name: j.segment, parent: j.parent, joint: j.joint,
      origin: parent ? toLocal(Rp, sub(seg.origin, op)) : [0, 0, 0],
      coordinates: j.coordinates, outputOrder: j.outputOrder, postRotation: post,
      distal: local(seg.distal), massKg: inert.massKg, com: inert.com, inertia: inert.inertia,
    });
  }
  const localMarkers = markers.map((m) => {
    const seg = sk.segments[m.segment];
    if (!seg) throw new KinetwinError(`marker ${m.name} is on unknown segment ${m.segment}`);
    return { name: m.name, segment: m.segment, offset: toLocal(seg.R, sub(m.position, seg.origin)) };
  });
  const model = createBodyModel(name, defs, localMarkers, massKg, sex);
  const pose = Float64Array.from(model.coordinates, (c) => poseByName.get(c.name) ?? 0);
  return { model, pose };
}
