// The body model as constant data (MuJoCo-style `mjModel`): a tree of rigid segments joined by joints
// whose degrees of freedom are named coordinates, plus the markers attached to the segments. Per-frame
// state (coordinates, segment poses) lives in separate flat buffers (see forwardKinematics.ts).
// Frames follow ISB (Wu et al. 2002, 2005): segment X anterior, Y superior (along the segment), Z right;
// lab frame Y-up (OpenSim). SI units: metres, kilograms, radians.
import { KinetwinError } from '../errors';
import type { Vec3 } from './mat3';

export type Sex = 'male' | 'female';
export type CoordinateKind = 'rotation' | 'translation';

/** One degree of freedom of a joint, applied in the frame produced by the joint's earlier ones. */
export interface CoordinateDef {
  name: string; // e.g. 'hip_flexion_r'
  kind: CoordinateKind;
  axis: Vec3; // unit axis in the joint's moving frame; positive rotation by the right-hand rule
  min: number; // rad or m, anatomical range-of-motion limit
  max: number; // rad or m
}

export interface SegmentDef {
  name: string; // e.g. 'thigh_r'
  parent: string | null; // null for the root (pelvis)
  joint: string; // name of the joint to the parent, e.g. 'hip_r'
  origin: Vec3; // joint centre in the parent frame (lab frame for the root), m
  coordinates: CoordinateDef[]; // applied in order: child = parent · T(origin) · D₁(q₁) · D₂(q₂) · … · post
  postRotation?: ArrayLike<number>; // 9, row-major fixed rotation after the coordinates (identity if absent)
  outputOrder?: number[]; // optional order of this joint's coordinates in the model's coordinate list
  distal: Vec3; // distal endpoint (next joint centre or segment tip) in this frame, m — for drawing and lengths
  massKg: number;
  com: Vec3; // centre of mass in this frame, m
  inertia: Vec3; // principal moments of inertia about the CoM along this frame's X, Y, Z, kg·m²
}

export interface ModelMarker {
  name: string;
  segment: number; // index into BodyModel.segments
  offset: Vec3; // position in the segment frame, m
}

export interface Segment {
  name: string;
  parent: number; // -1 for the root
  joint: string;
  jointType: 'free' | 'ball' | 'universal' | 'hinge' | 'weld'; // from the joint's rotational DOF count
  origin: Vec3; // joint centre in the parent frame, m
  coordinates: number[]; // indices into BodyModel.coordinates in application order
  postRotation: Float64Array; // 9, row-major
  distal: Vec3; // m, segment frame
  length: number; // |distal|, m
  massKg: number;
  com: Vec3; // m, segment frame
  inertia: Vec3; // kg·m², principal moments about the CoM along the segment X, Y, Z axes
}

export interface Coordinate extends CoordinateDef {
  segment: number; // segment whose joint owns this coordinate
}

export interface BodyModel {
  name: string;
  sex: Sex;
  massKg: number;
  segments: Segment[]; // topological order: a parent precedes its children
  coordinates: Coordinate[];
  markers: ModelMarker[];
  // Flat, precomputed views for the solvers:
  segmentParent: Int32Array; // segments
  jointOrigin: Float64Array; // segments × 3, m, parent frame
  postRotation: Float64Array; // segments × 9
  dofStart: Int32Array; // segments + 1: segment s owns dofCoord[dofStart[s] .. dofStart[s+1])
  dofCoord: Int32Array; // coordinate index per DOF, in application order
  coordKind: Uint8Array; // coordinates: 0 rotation, 1 translation
  coordAxis: Float64Array; // coordinates × 3, joint moving frame
  coordMin: Float64Array; // coordinates
  coordMax: Float64Array; // coordinates
  coordParent: Int32Array; // coordinates: previous coordinate on the path to the root (−1 at the root) — the
  // branch-induced sparsity of IK normal matrices and mass matrices (Featherstone 2008, RBDA §6.5)
  chainStart: Int32Array; // segments + 1: coordinates moving segment s are chainCoord[chainStart[s] .. chainStart[s+1])
  chainCoord: Int32Array;
  markerSegment: Int32Array; // markers
  markerOffset: Float64Array; // markers × 3, m, segment frame
}

const IDENTITY = [1, 0, 0, 0, 1, 0, 0, 0, 1];

function jointTypeOf(defs: CoordinateDef[]): Segment['jointType'] {
  const rot = defs.filter((c) => c.kind === 'rotation').length;
  const tr = defs.length - rot;
  if (tr > 0) return 'free';
  return rot >= 3 ? 'ball' : rot === 2 ? 'universal' : rot === 1 ? 'hinge' : 'weld';
}

/** Builds the constant model (readable records + flat arrays) from segment definitions in topological order. */
export function createBodyModel(
  name: string,
  defs: SegmentDef[],
  markers: { name: string; segment: string; offset: Vec3 }[],
  massKg: number,
  sex: Sex,
): BodyModel {
  const index = new Map<string, number>();
  const segments: Segment[] = [];
  const coordinates: Coordinate[] = [];
  const pending: { coord: Coordinate; order: number }[] = [];
  defs.forEach((d, s) => {
    if (index.has(d.name)) throw new KinetwinError(`model ${name}: duplicate segment ${d.name}`);
    const parent = d.parent === null ? -1 : index.get(d.parent);
    if (parent === undefined) throw new KinetwinError(`model ${name}: segment ${d.name} comes before its parent ${d.parent}`);
    if ((parent === -1) !== (s === 0)) throw new KinetwinError(`model ${name}: exactly the first segment must be the root`);
    index.set(d.name, s);
    d.coordinates.forEach((c, k) => pending.push({ coord: { ...c, segment: s }, order: d.outputOrder ? d.outputOrder[k] : k }));
    segments.push({
      name: d.name, parent, joint: d.joint, jointType: jointTypeOf(d.coordinates), origin: [...d.origin] as Vec3,
      coordinates: [], postRotation: Float64Array.from(d.postRotation ?? IDENTITY), distal: [...d.distal] as Vec3,
      length: Math.hypot(...d.distal), massKg: d.massKg, com: [...d.com] as Vec3, inertia: [...d.inertia] as Vec3,
    });
  });
  // Coordinates are listed segment by segment, each joint's in its output order.
  const perSegment = segments.map((_, s) => pending.filter((p) => p.coord.segment === s).sort((a, b) => a.order - b.order));
  const dofCoord: number[] = [];
  const dofStart = new Int32Array(segments.length + 1);
  for (let s = 0; s < segments.length; s++) {
    const first = coordinates.length;
    for (const p of perSegment[s]) coordinates.push(p.coord);
    dofStart[s] = dofCoord.length;
    defs[s].coordinates.forEach((c) => {
      const ci = coordinates.findIndex((x, i) => i >= first && x.name === c.name);
      dofCoord.push(ci);
      segments[s].coordinates.push(ci);
    });
  }
  dofStart[segments.length] = dofCoord.length;
  const names = new Set<string>();
  for (const c of coordinates) {
    if (names.has(c.name)) throw new KinetwinError(`model ${name}: duplicate coordinate ${c.name}`);
    names.add(c.name);
  }
  const coordParent = new Int32Array(coordinates.length).fill(-1);
  const lastCoord = new Int32Array(segments.length).fill(-1); // last coordinate on the path root → segment
  for (let s = 0; s < segments.length; s++) {
    let prev = segments[s].parent >= 0 ? lastCoord[segments[s].parent] : -1;
    for (let c = 0; c < coordinates.length; c++) {
      if (coordinates[c].segment !== s) continue;
      coordParent[c] = prev;
      prev = c;
    }
    lastCoord[s] = prev;
  }
  const chain: number[] = [];
  const chainStart = new Int32Array(segments.length + 1);
  for (let s = 0; s < segments.length; s++) {
    chainStart[s] = chain.length;
    for (let a = s; a >= 0; a = segments[a].parent) chain.push(...segments[a].coordinates);
  }
  chainStart[segments.length] = chain.length;
  const modelMarkers: ModelMarker[] = markers.map((m) => {
    const seg = index.get(m.segment);
    if (seg === undefined) throw new KinetwinError(`model ${name}: marker ${m.name} is on unknown segment ${m.segment}`);
    return { name: m.name, segment: seg, offset: [...m.offset] as Vec3 };
  });
  return {
    name, sex, massKg, segments, coordinates, markers: modelMarkers,
    segmentParent: Int32Array.from(segments, (s) => s.parent),
    jointOrigin: Float64Array.from(segments.flatMap((s) => s.origin)),
    postRotation: Float64Array.from(segments.flatMap((s) => Array.from(s.postRotation))),
    dofStart, dofCoord: Int32Array.from(dofCoord),
    coordKind: Uint8Array.from(coordinates, (c) => (c.kind === 'rotation' ? 0 : 1)),
    coordAxis: Float64Array.from(coordinates.flatMap((c) => c.axis)),
    coordMin: Float64Array.from(coordinates, (c) => c.min),
    coordMax: Float64Array.from(coordinates, (c) => c.max),
    coordParent, chainStart, chainCoord: Int32Array.from(chain),
    markerSegment: Int32Array.from(modelMarkers, (m) => m.segment),
    markerOffset: Float64Array.from(modelMarkers.flatMap((m) => m.offset)),
  };
}

/** Segment definitions of a model, to rebuild it with changed geometry, inertia or markers. */
export function segmentDefsOf(model: BodyModel): SegmentDef[] {
  return model.segments.map((s) => {
    const coords = s.coordinates.map((c) => model.coordinates[c]);
    const sortedIdx = [...s.coordinates].sort((a, b) => a - b);
    return {
      name: s.name, parent: s.parent < 0 ? null : model.segments[s.parent].name, joint: s.joint,
      origin: [...s.origin] as Vec3,
      coordinates: coords.map(({ name, kind, axis, min, max }) => ({ name, kind, axis: [...axis] as Vec3, min, max })),
      outputOrder: s.coordinates.map((c) => sortedIdx.indexOf(c)),
      postRotation: Array.from(s.postRotation), distal: [...s.distal] as Vec3,
      massKg: s.massKg, com: [...s.com] as Vec3, inertia: [...s.inertia] as Vec3,
    };
  });
}

export function segmentIndex(model: BodyModel, name: string): number {
  const i = model.segments.findIndex((s) => s.name === name);
  if (i < 0) throw new KinetwinError(`model ${model.name} has no segment ${name}`);
  return i;
}

export function coordinateIndex(model: BodyModel, name: string): number {
  const i = model.coordinates.findIndex((c) => c.name === name);
  if (i < 0) throw new KinetwinError(`model ${model.name} has no coordinate ${name}`);
  return i;
}
