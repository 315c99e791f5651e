// Segment inertial parameters: de Leva (1996) J Biomech 29:1223–1230, Table 4 — Zatsiorsky–Seluyanov
// values adjusted to joint-centre endpoints (REFERENCE.md §1). Mass as a fraction of body mass; CoM and
// radii of gyration as fractions of the segment length (proximal → distal endpoint).
import type { Sex } from './model';
import type { Vec3 } from './mat3';

export type DeLevaSegment = 'head' | 'trunk' | 'upperarm' | 'forearm' | 'hand' | 'thigh' | 'shank' | 'foot';

export interface DeLevaRow {
  lengthM: number; // reference subject's segment length, m
  mass: number; // fraction of body mass
  com: number; // fraction of length from the proximal endpoint
  rSagittal: number; // radius of gyration about the medio-lateral axis, fraction of length
  rTransverse: number; // about the antero-posterior axis
  rLongitudinal: number; // about the long axis
}

const row = (lengthMm: number, mass: number, com: number, rs: number, rt: number, rl: number): DeLevaRow => ({
  lengthM: lengthMm / 1000, mass: mass / 100, com: com / 100, rSagittal: rs / 100, rTransverse: rt / 100, rLongitudinal: rl / 100,
});

export const DE_LEVA: Record<Sex, Record<DeLevaSegment, DeLevaRow>> = {
  male: {
    head: row(203.3, 6.94, 59.76, 36.2, 37.6, 31.2), // vertex → mid-gonion
    trunk: row(531.9, 43.46, 44.86, 37.2, 34.7, 19.1), // suprasternale → mid-hip
    upperarm: row(281.7, 2.71, 57.72, 28.5, 26.9, 15.8), // shoulder → elbow
    forearm: row(268.9, 1.62, 45.74, 27.6, 26.5, 12.1), // elbow → wrist
    hand: row(86.2, 0.61, 79.0, 62.8, 51.3, 40.1), // wrist → 3rd metacarpal head
    thigh: row(422.2, 14.16, 40.95, 32.9, 32.9, 14.9), // hip → knee
    shank: row(434.0, 4.33, 44.59, 25.5, 24.9, 10.3), // knee → lateral malleolus
    foot: row(258.1, 1.37, 44.15, 25.7, 24.5, 12.4), // heel → toe tip
  },
  female: {
    head: row(200.2, 6.68, 58.94, 33.0, 35.9, 31.8),
    trunk: row(529.3, 42.57, 41.51, 35.7, 33.9, 17.1),
    upperarm: row(275.1, 2.55, 57.54, 27.8, 26.0, 14.8),
    forearm: row(264.3, 1.38, 45.59, 26.1, 25.7, 9.4),
    hand: row(78.0, 0.56, 74.74, 53.1, 45.4, 33.5),
    thigh: row(368.5, 14.78, 36.12, 36.9, 36.4, 16.2),
    shank: row(432.3, 4.81, 44.16, 27.1, 26.7, 9.3),
    foot: row(228.3, 1.29, 40.14, 29.9, 27.9, 13.9),
  },
};

/** de Leva's lower-trunk share of body mass (omphalion → mid-hip), the part carried by the pelvis segment. */
export const LOWER_TRUNK_MASS: Record<Sex, number> = { male: 0.1117, female: 0.1247 };

/** Reference subjects' stature, m (de Leva 1996). */
export const REFERENCE_HEIGHT: Record<Sex, number> = { male: 1.741, female: 1.735 };

export interface SegmentInertia {
  massKg: number;
  com: Vec3; // segment frame, m
  inertia: Vec3; // principal moments about the CoM along the segment X, Y, Z, kg·m²
}

/**
 * Inertia of one segment from its endpoints in its own frame: mass = fraction × body mass, CoM on the
 * proximal→distal line, I = m·(r·L)². `longAxis` is the segment axis closest to that line (Y for limbs,
 * X for the foot); the sagittal radius is about Z (medio-lateral), the transverse one about the remaining axis.
 */
export function segmentInertia(
  r: DeLevaRow, bodyMassKg: number, proximal: Vec3, distal: Vec3, longAxis: 0 | 1, massFraction = r.mass,
): SegmentInertia {
  const L = Math.hypot(distal[0] - proximal[0], distal[1] - proximal[1], distal[2] - proximal[2]);
  const m = massFraction * bodyMassKg;
  const com: Vec3 = [0, 1, 2].map((k) => proximal[k] + r.com * (distal[k] - proximal[k])) as Vec3;
  const sag = m * (r.rSagittal * L) ** 2;
  const trans = m * (r.rTransverse * L) ** 2;
  const long = m * (r.rLongitudinal * L) ** 2;
  const inertia: Vec3 = longAxis === 1 ? [trans, long, sag] : [long, trans, sag];
  return { massKg: m, com, inertia };
}
