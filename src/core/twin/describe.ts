// JSON-serialisable description of a body model: what a renderer or the physics engine needs to build the
// rigid bodies (segment tree, joint centres, lengths, masses, CoM, principal inertia) and the joints'
// coordinates with axes and range-of-motion limits (degrees for rotations, metres for translations).
import type { BodyModel } from './model';

export interface ModelDescription {
  name: string;
  sex: string;
  massKg: number;
  segments: {
    name: string; parent: string | null; joint: string; jointType: string;
    originM: number[]; // joint centre in the parent frame
    postRotation: number[]; // 9, row-major fixed rotation after the joint's coordinates
    distalM: number[]; lengthM: number; massKg: number;
    comM: number[]; // segment frame
    inertiaKgM2: number[]; // principal moments about the CoM along segment X, Y, Z
    coordinates: string[];
  }[];
  coordinates: { name: string; segment: string; kind: string; axis: number[]; min: number | null; max: number | null; unit: 'deg' | 'm' }[];
  markers: { name: string; segment: string; offsetM: number[] }[];
}

const round = (v: number, d = 6) => Math.round(v * 10 ** d) / 10 ** d || 0; // no −0 in JSON

export function describeModel(model: BodyModel): ModelDescription {
  const toUnit = (kind: string, v: number) => (Number.isFinite(v) ? round(kind === 'rotation' ? (v * 180) / Math.PI : v, 4) : null);
  return {
    name: model.name, sex: model.sex, massKg: round(model.massKg, 3),
    segments: model.segments.map((s) => ({
      name: s.name, parent: s.parent < 0 ? null : model.segments[s.parent].name, joint: s.joint, jointType: s.jointType,
      originM: s.origin.map((v) => round(v)), postRotation: Array.from(s.postRotation, (v) => round(v, 9)),
      distalM: s.distal.map((v) => round(v)), lengthM: round(s.length), massKg: round(s.massKg, 4),
      comM: s.com.map((v) => round(v)), inertiaKgM2: s.inertia.map((v) => round(v, 7)),
      coordinates: s.coordinates.map((c) => model.coordinates[c].name),
    })),
    coordinates: model.coordinates.map((c) => ({
      name: c.name, segment: model.segments[c.segment].name, kind: c.kind, axis: [...c.axis],
      min: toUnit(c.kind, c.min), max: toUnit(c.kind, c.max), unit: c.kind === 'rotation' ? 'deg' : 'm',
    })),
    markers: model.markers.map((m) => ({ name: m.name, segment: model.segments[m.segment].name, offsetM: m.offset.map((v) => round(v)) })),
  };
}
