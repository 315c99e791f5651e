// Segment inertial parameters, de Leva (1996) J Biomech 29:1223, Table 4 (adjusted Zatsiorsky–Seluyanov).
// Lengths in mm for the reference subjects (male 1.741 m / 73.0 kg, female 1.735 m / 61.9 kg); mass in % of body
// mass; CoM in % of segment length from the proximal endpoint; radii of gyration in % of segment length about the
// sagittal (X, anteroposterior), transverse (Z, mediolateral) and longitudinal (Y) axes.

export type Sex = 'f' | 'm';

export interface DeLevaRow {
  lengthMm: number;
  massPct: number;
  comPct: number; // from the proximal endpoint
  rSag: number; // about X
  rTrans: number; // about Z
  rLong: number; // about Y
}

export type DeLevaSegment = 'head' | 'trunk' | 'upperArm' | 'forearm' | 'hand' | 'thigh' | 'shank' | 'foot';

const MALE: Record<DeLevaSegment, DeLevaRow> = {
  head: { lengthMm: 203.3, massPct: 6.94, comPct: 59.76, rSag: 36.2, rTrans: 37.6, rLong: 31.2 },
  trunk: { lengthMm: 531.9, massPct: 43.46, comPct: 44.86, rSag: 37.2, rTrans: 34.7, rLong: 19.1 },
  upperArm: { lengthMm: 281.7, massPct: 2.71, comPct: 57.72, rSag: 28.5, rTrans: 26.9, rLong: 15.8 },
  forearm: { lengthMm: 268.9, massPct: 1.62, comPct: 45.74, rSag: 27.6, rTrans: 26.5, rLong: 12.1 },
  hand: { lengthMm: 86.2, massPct: 0.61, comPct: 79.0, rSag: 62.8, rTrans: 51.3, rLong: 40.1 },
  thigh: { lengthMm: 422.2, massPct: 14.16, comPct: 40.95, rSag: 32.9, rTrans: 32.9, rLong: 14.9 },
  shank: { lengthMm: 434.0, massPct: 4.33, comPct: 44.59, rSag: 25.5, rTrans: 24.9, rLong: 10.3 },
  foot: { lengthMm: 258.1, massPct: 1.37, comPct: 44.15, rSag: 25.7, rTrans: 24.5, rLong: 12.4 },
};

const FEMALE: Record<DeLevaSegment, DeLevaRow> = {
  head: { lengthMm: 200.2, massPct: 6.68, comPct: 58.94, rSag: 33.0, rTrans: 35.9, rLong: 31.8 },
  trunk: { lengthMm: 529.3, massPct: 42.57, comPct: 41.51, rSag: 35.7, rTrans: 33.9, rLong: 17.1 },
  upperArm: { lengthMm: 275.1, massPct: 2.55, comPct: 57.54, rSag: 27.8, rTrans: 26.0, rLong: 14.8 },
  forearm: { lengthMm: 264.3, massPct: 1.38, comPct: 45.59, rSag: 26.1, rTrans: 25.7, rLong: 9.4 },
  hand: { lengthMm: 78.0, massPct: 0.56, comPct: 74.74, rSag: 53.1, rTrans: 45.4, rLong: 33.5 },
  thigh: { lengthMm: 368.5, massPct: 14.78, comPct: 36.12, rSag: 36.9, rTrans: 36.4, rLong: 16.2 },
  shank: { lengthMm: 432.3, massPct: 4.81, comPct: 44.16, rSag: 27.1, rTrans: 26.7, rLong: 9.3 },
  foot: { lengthMm: 228.3, massPct: 1.29, comPct: 40.14, rSag: 29.9, rTrans: 27.9, rLong: 13.9 },
};

/** Lower-trunk (pelvis) share of trunk mass, de Leva's trunk split: male 11.17 of 43.46 %, female 12.47 of 42.57 %. */
export const LOWER_TRUNK_MASS_PCT: Record<Sex, number> = { m: 11.17, f: 12.47 };

/** Reference stature (m) of de Leva's subjects. */
export const REFERENCE_STATURE: Record<Sex, number> = { m: 1.741, f: 1.735 };

/** The de Leva row for a segment and sex. */
export function deLeva(sex: Sex, segment: DeLevaSegment): DeLevaRow {
  return (sex === 'm' ? MALE : FEMALE)[segment];
}
