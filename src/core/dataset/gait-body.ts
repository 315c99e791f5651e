// A virtual walker's full-body model: the generic skeleton at the subject's stature, its legs rebuilt from the
// cohort's ANSUR heights where present (hip = trochanterion height, knee = tibial height, ankle = lateral malleolus
// height, foot length), the upper body moved with the hip height; a leg-length discrepancy shortens one shank.
import { KinetwinError } from '../errors';
import { buildModelFromPose, type PosedSkeleton } from '../twin/buildModel';
import { DE_LEVA, REFERENCE_HEIGHT } from '../twin/deLeva';
import { genericSkeleton } from '../twin/fullBody';
import { fullBodyJoints } from '../twin/fullBodyTopology';
import type { MarkerSet } from '../twin/markerSets';
import type { Vec3 } from '../twin/mat3';
import type { BodyModel, Sex } from '../twin/model';

export interface GaitBody {
  model: BodyModel;
  pose: Float64Array; // neutral standing coordinates, rad / m
  legLengthM: number; // standing hip-centre height of the longer leg, m
  hipWidthM: number; // distance between the hip centres, m
  thighM: number; // long-leg thigh length (hip → knee centre), m
  shankM: number; // long-leg shank length (knee → ankle centre), m
  discrepancyM: number; // how much shorter the short leg is, m
  shortSide: 'r' | 'l' | null;
}

export interface GaitBodyOptions {
  values: Record<string, number>; // cohort variables, SI (stature, mass, trochanterionHeight, …)
  sex: Sex;
  markerSet: MarkerSet;
  discrepancyM?: number;
  shortSide?: 'r' | 'l';
}

/** ANSUR value when present and within ±25 % of the stature-scaled generic value, else the generic value. */
function measured(v: number | undefined, generic: number): number {
  return v !== undefined && Number.isFinite(v) && v > 0.75 * generic && v < 1.25 * generic ? v : generic;
}

export function gaitBody(options: GaitBodyOptions): GaitBody {
  const { values, sex } = options;
  const stature = values.stature, mass = values.mass;
  if (!(stature > 0.5 && stature < 2.5) || !(mass > 0 && mass < 500)) throw new KinetwinError(`gait needs a stature (0.5–2.5 m) and a mass (0–500 kg), got ${stature} m, ${mass} kg`);
  const sk = genericSkeleton(stature, sex);
  const s = stature / REFERENCE_HEIGHT[sex];
  const G = sk.segments, L = sk.landmarks, M = DE_LEVA.male;
  const gHip = G.thigh_r.origin[1], gKnee = G.shank_r.origin[1], gAnkle = G.foot_r.origin[1];
  const gFoot = L.toe_r[0] - L.heel_r[0];
  const ankleH = measured(values.lateralMalleolusHeight, gAnkle);
  const kneeH = measured(values.tibialHeight, gKnee);
  const hipH = measured(values.trochanterionHeight, gHip);
  const footL = measured(values.footLength, gFoot);
  const thigh = Math.max(0.5 * (gHip - gKnee), hipH - kneeH), shank = Math.max(0.5 * (gKnee - gAnkle), kneeH - ankleH);
  const hipY = ankleH + shank + thigh; // the long leg carries the upper body
  const dy = hipY - gHip;
  const discrepancy = Math.max(0, Math.min(0.1, options.discrepancyM ?? 0));
  const legSegments = new Set(['thigh_r', 'shank_r', 'foot_r', 'thigh_l', 'shank_l', 'foot_l']);
  const up = (p: Vec3): Vec3 => [p[0], p[1] + dy, p[2]];
  const segments: PosedSkeleton['segments'] = {};
  for (const [name, seg] of Object.entries(G)) if (!legSegments.has(name)) segments[name] = { R: seg.R, origin: up(seg.origin), distal: up(seg.distal) };
  const landmarks = { ...L };
  for (const k of Object.keys(L) as (keyof typeof L)[]) landmarks[k] = up(L[k]);
  const ratio: Record<string, Vec3> = {};
  for (const side of ['r', 'l'] as const) {
    const short = side === options.shortSide ? discrepancy : 0;
    const hip = up(G[`thigh_${side}`].origin);
    const knee: Vec3 = [hip[0], hip[1] - thigh, hip[2]];
    const ankle: Vec3 = [knee[0], knee[1] - (shank - short), knee[2]];
    const gHeel = L[`heel_${side}`], gAnk = G[`foot_${side}`].origin;
    const heel: Vec3 = [ankle[0] + gHeel[0] - gAnk[0], ankle[1] + gHeel[1] - gAnk[1], ankle[2] + gHeel[2] - gAnk[2]];
    const toe: Vec3 = [heel[0] + footL, heel[1], heel[2]];
    const R = G[`thigh_${side}`].R;
    segments[`thigh_${side}`] = { R, origin: hip, distal: knee };
    segments[`shank_${side}`] = { R, origin: knee, distal: ankle };
    segments[`foot_${side}`] = { R, origin: ankle, distal: toe };
    landmarks[`heel_${side}`] = heel;
    landmarks[`toe_${side}`] = toe;
    // marker offsets stretch with their segment (the set's offsets are for de Leva's reference male, then × s)
    ratio[`thigh_${side}`] = [1, thigh / (M.thigh.lengthM * s), 1];
    ratio[`shank_${side}`] = [1, (shank - short) / (M.shank.lengthM * s), 1];
    ratio[`foot_${side}`] = [footL / (M.foot.lengthM * s), 1, 1];
  }
  // hinge knees, rigid torso: markers on segments outside that tree (a shoulder girdle's acromions) ride on the torso
  const joints = fullBodyJoints(1);
  const inTree = new Set(joints.map((j) => j.segment));
  const markers = options.markerSet.markers.map((m) => {
    const seg = segments[m.segment];
    if (!seg) throw new KinetwinError(`marker ${m.name} is on segment ${m.segment}, which the skeleton lacks`);
    const r = [...(ratio[m.segment] ?? [1, 1, 1])];
    // the back pelvis markers in the ASIS plane (the generic set lifts them 2 cm): the pelvis frame that scaling builds
    // from ASIS and sacrum / PSIS (ISB) is then the model's own, so the template's angles mean the same here
    if (m.landmark === 'SACRUM' || m.landmark === 'PSIS_R' || m.landmark === 'PSIS_L') r[1] = 0;
    const offset: Vec3 = [m.offset[0], m.offset[1], m.offset[2]];
    // likewise the toe marker level with the heel marker: scaling takes the foot's X axis along heel → toe
    const heel = m.landmark === 'TOE_R' || m.landmark === 'TOE_L' ? options.markerSet.markers.find((h) => h.landmark === `HEEL_${m.landmark!.slice(-1)}`) : undefined;
    if (heel) offset[1] = heel.offset[1];
    return { name: m.name, segment: inTree.has(m.segment) ? m.segment : 'torso', position: [0, 1, 2].map((k) => seg.origin[k] + offset[k] * s * r[k]) as Vec3 };
  });
  const { model, pose } = buildModelFromPose(`gait-${sex}`, joints, { segments, landmarks }, markers, mass, sex);
  const hipWidthM = Math.abs(segments.thigh_r.origin[2] - segments.thigh_l.origin[2]);
  const shortSide = discrepancy > 0 && options.shortSide ? options.shortSide : null;
  return { model, pose, legLengthM: hipY, hipWidthM, thighM: thigh, shankM: shank, discrepancyM: shortSide ? discrepancy : 0, shortSide };
}
