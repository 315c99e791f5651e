// A cohort subject's own renderable body: the generic full-body skeleton (fullBody.ts, de Leva 1996 scaled by
// stature) re-proportioned by the subject's ANSUR II measurements (Gordon et al. 2014) where the cohort model has
// them — hip, knee and ankle heights directly (trochanterion, tibial and lateral malleolus heights), arm segments,
// foot length and the hip/shoulder widths in proportion to the measurement over its ANSUR II train-table mean.
import { KinetwinError } from '../errors';
import { buildModelFromPose, type BuiltModel, type PosedSkeleton } from '../twin/buildModel';
import { DE_LEVA, REFERENCE_HEIGHT } from '../twin/deLeva';
import { genericSkeleton } from '../twin/fullBody';
import { fullBodyJoints } from '../twin/fullBodyTopology';
import type { Vec3 } from '../twin/mat3';
import type { Sex } from '../twin/model';

export interface CohortBodyInput {
  sex: Sex;
  values: Record<string, number>; // cohort model variables, SI (stature m, mass kg, lengths m)
}

export interface CohortBody extends BuiltModel {
  heightM: number; // stature, m
  massKg: number;
  girth: number; // limb radius factor: √(BMI / de Leva reference BMI), clamped to 0.8–1.4
}

// ANSUR II train-table means (../shared/data/anthropometry/ansur2_train.csv, m): the measurement at which a
// segment keeps its de Leva length.
const ANSUR_MEAN: Record<Sex, Record<string, number>> = {
  male: { shoulderElbowLength: 0.364, radialeStylionLength: 0.268, handLength: 0.193, biacromialBreadth: 0.416, hipBreadth: 0.346 },
  female: { shoulderElbowLength: 0.334, radialeStylionLength: 0.241, handLength: 0.181, biacromialBreadth: 0.366, hipBreadth: 0.354 },
};
const REFERENCE_BMI: Record<Sex, number> = { male: 73.0 / 1.741 ** 2, female: 61.9 / 1.735 ** 2 }; // de Leva's reference subjects

/** A measurement if present and plausible (lo–hi, SI), else undefined. */
function measure(values: Record<string, number>, name: string, lo: number, hi: number): number | undefined {
  const v = values[name];
  return Number.isFinite(v) && v >= lo && v <= hi ? v : undefined;
}

/** The subject's posed skeleton (anatomical position, ground at y = 0), lab frame X anterior, Y up, Z right. */
export function cohortSkeleton(input: CohortBodyInput): PosedSkeleton {
  const { sex, values } = input;
  const H = measure(values, 'stature', 0.8, 2.4) ?? REFERENCE_HEIGHT[sex];
  const s = H / REFERENCE_HEIGHT[sex];
  const sk = genericSkeleton(H, sex);
  const seg = sk.segments;
  const mean = ANSUR_MEAN[sex], T = DE_LEVA[sex];
  const ratio = (name: string, lo: number, hi: number) => { const v = measure(values, name, lo, hi); return v === undefined ? 1 : v / mean[name]; };
  // Leg joint heights: measured landmarks, kept ordered (ankle < knee < hip < stature).
  const hip0 = seg.thigh_r.origin[1];
  const ankleY = measure(values, 'lateralMalleolusHeight', 0.03, 0.15) ?? seg.shank_r.distal[1];
  const kneeY = Math.max(ankleY + 0.2 * s, measure(values, 'tibialHeight', 0.3, 0.7) ?? seg.thigh_r.distal[1]);
  const hipY = Math.min(0.62 * H, Math.max(kneeY + 0.2 * s, measure(values, 'trochanterionHeight', 0.6, 1.2) ?? hip0));
  // Everything above the hips: stretched vertically so the vertex stays at the stature.
  const f = (H - hipY) / (H - hip0);
  const up = (p: Vec3): Vec3 => [p[0], hipY + (p[1] - hip0) * f, p[2]];
  const hipW = ratio('hipBreadth', 0.2, 0.6), shoulderW = ratio('biacromialBreadth', 0.25, 0.6);
  const widen = (p: Vec3, w: number): Vec3 => [p[0], p[1], p[2] * w];
  for (const name of ['pelvis', 'torso', 'head']) seg[name] = { ...seg[name], origin: up(seg[name].origin), distal: up(seg[name].distal) };
  const L = sk.landmarks;
  for (const k of ['vertex', 'gonion', 'suprasternale'] as const) L[k] = up(L[k]);
  const upperarm = T.upperarm.lengthM * s * ratio('shoulderElbowLength', 0.2, 0.5);
  const forearm = T.forearm.lengthM * s * ratio('radialeStylionLength', 0.15, 0.4);
  const hand = T.hand.lengthM * s * ratio('handLength', 0.12, 0.3);
  const footLength = measure(values, 'footLength', 0.15, 0.35) ?? T.foot.lengthM * s;
  for (const side of ['r', 'l'] as const) {
    const hipC = widen([seg[`thigh_${side}`].origin[0], hipY, seg[`thigh_${side}`].origin[2]], hipW);
    const knee: Vec3 = [hipC[0], kneeY, hipC[2]], ankle: Vec3 = [hipC[0], ankleY, hipC[2]];
    const heel: Vec3 = [ankle[0] - 0.05 * s, 0, ankle[2]], toe: Vec3 = [heel[0] + footLength, 0, ankle[2]];
    seg[`thigh_${side}`] = { ...seg[`thigh_${side}`], origin: hipC, distal: knee };
    seg[`shank_${side}`] = { ...seg[`shank_${side}`], origin: knee, distal: ankle };
    seg[`foot_${side}`] = { ...seg[`foot_${side}`], origin: ankle, distal: toe };
    L[`heel_${side}`] = heel;
    L[`toe_${side}`] = toe;
    const shoulder = widen(up(seg[`upperarm_${side}`].origin), shoulderW);
    const elbow: Vec3 = [shoulder[0], shoulder[1] - upperarm, shoulder[2]];
    const wrist: Vec3 = [elbow[0], elbow[1] - forearm, elbow[2]];
    const tip: Vec3 = [wrist[0], wrist[1] - hand, wrist[2]];
    const clavicle = seg[`clavicle_${side}`]; // shoulder girdle, when the model has one: ends at the glenohumeral centre
    if (clavicle) seg[`clavicle_${side}`] = { ...clavicle, origin: up(clavicle.origin), distal: shoulder };
    seg[`upperarm_${side}`] = { ...seg[`upperarm_${side}`], origin: shoulder, distal: elbow };
    seg[`forearm_${side}`] = { ...seg[`forearm_${side}`], origin: elbow, distal: wrist };
    seg[`hand_${side}`] = { ...seg[`hand_${side}`], origin: wrist, distal: tip };
    L[`handTip_${side}`] = tip;
  }
  L.midHip = [seg.thigh_r.origin[0], hipY, 0];
  return sk;
}

/** Limb radius factor of a build: √(BMI / de Leva's reference BMI), clamped to 0.8–1.4. */
export function girthOf(sex: Sex, heightM: number, massKg: number): number {
  return Math.min(1.4, Math.max(0.8, Math.sqrt(massKg / (heightM * heightM) / REFERENCE_BMI[sex])));
}

/** The subject's full-body model (hinge knees) at its anthropometrics; the neutral pose stands on y = 0. */
export function cohortBodyModel(input: CohortBodyInput): CohortBody {
  const H = measure(input.values, 'stature', 0.8, 2.4) ?? REFERENCE_HEIGHT[input.sex];
  const massKg = measure(input.values, 'mass', 20, 300);
  if (massKg === undefined) throw new KinetwinError('rendering a cohort subject needs its body mass (20–300 kg)');
  const built = buildModelFromPose(`cohort-${input.sex}`, fullBodyJoints(1), cohortSkeleton(input), [], massKg, input.sex);
  return { ...built, heightM: H, massKg, girth: girthOf(input.sex, H, massKg) };
}
