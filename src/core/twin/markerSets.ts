// Marker sets as data: each marker is attached to a model segment at a generic offset (segment frame, m,
// for de Leva's 1.741 m reference male at the neutral pose; scaled by stature) and may name the anatomical
// landmark it sits on, which scaling uses to locate joint centres. Static-trial scaling replaces the generic
// offsets with the subject's measured ones.
import { KinetwinError } from '../errors';
import type { Vec3 } from './mat3';

export type Landmark =
  | 'ASIS_R' | 'ASIS_L' | 'PSIS_R' | 'PSIS_L' | 'SACRUM'
  | 'KNEE_LAT_R' | 'KNEE_MED_R' | 'KNEE_LAT_L' | 'KNEE_MED_L'
  | 'ANKLE_LAT_R' | 'ANKLE_MED_R' | 'ANKLE_LAT_L' | 'ANKLE_MED_L'
  | 'HEEL_R' | 'HEEL_L' | 'TOE_R' | 'TOE_L'
  | 'ACROMION_R' | 'ACROMION_L' | 'ELBOW_LAT_R' | 'ELBOW_MED_R' | 'ELBOW_LAT_L' | 'ELBOW_MED_L'
  | 'WRIST_RAD_R' | 'WRIST_ULN_R' | 'WRIST_RAD_L' | 'WRIST_ULN_L' | 'FINGER_R' | 'FINGER_L'
  | 'HEAD_TOP' | 'HEAD_FRONT_R' | 'HEAD_FRONT_L' | 'HEAD_BACK_R' | 'HEAD_BACK_L' | 'C7' | 'CLAV' | 'STERNUM'
  // joint centres a lab already computed (functional calibration, virtual markers): used instead of regressions
  | 'HIP_CENTRE_R' | 'HIP_CENTRE_L' | 'KNEE_CENTRE_R' | 'KNEE_CENTRE_L' | 'ANKLE_CENTRE_R' | 'ANKLE_CENTRE_L';

export interface MarkerDef {
  name: string;
  segment: string; // model segment, e.g. 'thigh_r'
  offset: Vec3; // generic position in the segment frame, m
  landmark?: Landmark;
  weight?: number; // default IK weight, 1 if absent
}

export interface MarkerSet {
  name: string;
  markers: MarkerDef[];
}

const SEGMENTS = new Set([
  'pelvis', 'torso', 'head',
  ...['thigh', 'shank', 'foot', 'clavicle', 'upperarm', 'forearm', 'hand'].flatMap((s) => [`${s}_r`, `${s}_l`]),
]);

/** Validates and returns a custom marker set (segments must be full-body model segments). */
export function defineMarkerSet(name: string, markers: MarkerDef[]): MarkerSet {
  const seen = new Set<string>();
  const roles = new Set<string>();
  for (const m of markers) {
    if (!m.name) throw new KinetwinError(`marker set ${name}: a marker has no name`);
    if (seen.has(m.name.toLowerCase())) throw new KinetwinError(`marker set ${name}: duplicate marker ${m.name}`);
    seen.add(m.name.toLowerCase());
    if (!SEGMENTS.has(m.segment)) throw new KinetwinError(`marker set ${name}: marker ${m.name} is on unknown segment ${m.segment}`);
    if (m.offset.length !== 3 || !m.offset.every(Number.isFinite)) throw new KinetwinError(`marker set ${name}: marker ${m.name} needs a finite 3-vector offset`);
    if (m.weight !== undefined && !(m.weight >= 0 && Number.isFinite(m.weight))) throw new KinetwinError(`marker set ${name}: marker ${m.name} weight must be a finite number ≥ 0`);
    if (m.landmark) {
      if (roles.has(m.landmark)) throw new KinetwinError(`marker set ${name}: landmark ${m.landmark} given twice`);
      roles.add(m.landmark);
    }
  }
  return { name, markers: markers.map((m) => ({ ...m, offset: [...m.offset] as Vec3 })) };
}

type Side = 'r' | 'l';
const S = (side: Side) => (side === 'r' ? 1 : -1);
// Pelvic landmarks get weight 10 (as OpenSim's gait IK setups weight them): three markers carry the root
// pose that every other segment hangs from, against dozens of soft-tissue cluster markers.
const mk = (name: string, segment: string, x: number, y: number, z: number, landmark?: Landmark): MarkerDef => {
  const m: MarkerDef = { name, segment, offset: [x, y, z] };
  if (landmark) m.landmark = landmark;
  if (segment === 'pelvis') m.weight = 10;
  return m;
};

// Vicon Plug-in Gait (full body). Knee and ankle markers are lateral only; their joint centres need the
// knee/ankle widths (scale options).
function plugInGaitSide(side: Side): MarkerDef[] {
  const P = side.toUpperCase(), m = S(side), u = side.toUpperCase() as 'R' | 'L';
  return [
    mk(`${P}ASI`, 'pelvis', 0, 0, m * 0.1225, `ASIS_${u}`),
    mk(`${P}PSI`, 'pelvis', -0.16, 0.02, m * 0.045, `PSIS_${u}`),
    mk(`${P}THI`, `thigh_${side}`, 0, -0.25, m * 0.075),
    mk(`${P}KNE`, `thigh_${side}`, 0, -0.4222, m * 0.05, `KNEE_LAT_${u}`),
    mk(`${P}TIB`, `shank_${side}`, 0, -0.2, m * 0.055),
    mk(`${P}ANK`, `shank_${side}`, 0, -0.434, m * 0.035, `ANKLE_LAT_${u}`),
    mk(`${P}HEE`, `foot_${side}`, -0.06, -0.04, 0, `HEEL_${u}`),
    mk(`${P}TOE`, `foot_${side}`, 0.15, -0.05, 0, `TOE_${u}`),
    mk(`${P}SHO`, `clavicle_${side}`, -0.03, 0.02, m * 0.16, `ACROMION_${u}`),
    mk(`${P}UPA`, `upperarm_${side}`, 0, -0.14, m * 0.05),
    mk(`${P}ELB`, `upperarm_${side}`, 0, -0.2817, m * 0.035, `ELBOW_LAT_${u}`),
    mk(`${P}FRM`, `forearm_${side}`, 0, -0.13, m * 0.04),
    mk(`${P}WRA`, `forearm_${side}`, 0, -0.2689, m * 0.03, `WRIST_RAD_${u}`),
    mk(`${P}WRB`, `forearm_${side}`, 0, -0.2689, m * -0.03, `WRIST_ULN_${u}`),
    mk(`${P}FIN`, `hand_${side}`, 0.01, -0.075, m * 0.015, `FINGER_${u}`),
    mk(`${P}FHD`, 'head', 0.11, 0.16, m * 0.06, `HEAD_FRONT_${u}`),
    mk(`${P}BHD`, 'head', -0.07, 0.17, m * 0.06, `HEAD_BACK_${u}`),
  ];
}

export const PLUG_IN_GAIT: MarkerSet = defineMarkerSet('plug-in-gait', [
  ...plugInGaitSide('r'), ...plugInGaitSide('l'),
  mk('C7', 'torso', 0.02, 0.43, 0, 'C7'),
  mk('T10', 'torso', -0.05, 0.23, 0),
  mk('CLAV', 'torso', 0.11, 0.39, 0, 'CLAV'),
  mk('STRN', 'torso', 0.13, 0.23, 0, 'STERNUM'),
  mk('RBAK', 'torso', -0.03, 0.31, 0.09),
]);

// The OpenSim gait models' set (gait2354 / gait10dof18musc subject01 trials), names as in their TRC files.
function openSimSide(side: Side): MarkerDef[] {
  const P = side === 'r' ? 'R' : 'L', m = S(side), u = P as 'R' | 'L';
  return [
    mk(`${P}.ASIS`, 'pelvis', 0, 0, m * 0.1225, `ASIS_${u}`),
    mk(`${P}.Thigh.Upper`, `thigh_${side}`, 0.02, -0.13, m * 0.07),
    mk(`${P}.Thigh.Front`, `thigh_${side}`, 0.07, -0.25, m * 0.03),
    mk(`${P}.Thigh.Rear`, `thigh_${side}`, -0.02, -0.28, m * 0.07),
    mk(`${P}.Knee.Lat`, `thigh_${side}`, 0, -0.4222, m * 0.05, `KNEE_LAT_${u}`),
    mk(`${P}.Knee.Med`, `thigh_${side}`, 0, -0.4222, m * -0.05, `KNEE_MED_${u}`),
    mk(`${P}.Shank.Upper`, `shank_${side}`, 0.01, -0.1, m * 0.05),
    mk(`${P}.Shank.Front`, `shank_${side}`, 0.05, -0.2, 0),
    mk(`${P}.Shank.Rear`, `shank_${side}`, -0.03, -0.22, m * 0.04),
    mk(`${P}.Ankle.Lat`, `shank_${side}`, 0, -0.434, m * 0.035, `ANKLE_LAT_${u}`),
    mk(`${P}.Ankle.Med`, `shank_${side}`, 0, -0.424, m * -0.035, `ANKLE_MED_${u}`),
    mk(`${P}.Heel`, `foot_${side}`, -0.06, -0.04, 0, `HEEL_${u}`),
    mk(`${P}.Midfoot.Sup`, `foot_${side}`, 0.08, -0.01, 0),
    mk(`${P}.Midfoot.Lat`, `foot_${side}`, 0.07, -0.05, m * 0.04),
    mk(`${P}.Toe.Tip`, `foot_${side}`, 0.19, -0.05, 0, `TOE_${u}`),
    mk(`${P}.Toe.Lat`, `foot_${side}`, 0.15, -0.05, m * 0.045),
    mk(`${P}.Toe.Med`, `foot_${side}`, 0.15, -0.05, m * -0.035),
    mk(`${P}.Acromium`, `clavicle_${side}`, -0.03, 0.02, m * 0.16, `ACROMION_${u}`),
    mk(`${P}.Bicep`, `upperarm_${side}`, 0.04, -0.15, m * 0.01),
    mk(`${P}.Elbow`, `upperarm_${side}`, 0, -0.2817, m * 0.035, `ELBOW_LAT_${u}`),
    mk(`${P}.Wrist.Lat`, `forearm_${side}`, 0, -0.2689, m * 0.03, `WRIST_RAD_${u}`),
    mk(`${P}.Wrist.Med`, `forearm_${side}`, 0, -0.2689, m * -0.03, `WRIST_ULN_${u}`),
    mk(`${P}.Temple`, 'head', 0.13, 0.14, m * 0.07, `HEAD_FRONT_${u}`),
  ];
}

export const OPENSIM_GAIT: MarkerSet = defineMarkerSet('opensim-gait', [
  ...openSimSide('r'), ...openSimSide('l'),
  mk('V.Sacral', 'pelvis', -0.17, 0.02, 0, 'SACRUM'),
  mk('Sternum', 'torso', 0.12, 0.33, 0, 'STERNUM'),
  mk('Top.Head', 'head', 0.03, 0.26, 0, 'HEAD_TOP'),
]);

export const BUILT_IN_MARKER_SETS: MarkerSet[] = [PLUG_IN_GAIT, OPENSIM_GAIT];

/** Label as marker sets compare it: subject prefix ("Sub01:LASI") dropped, case folded. */
export function normalizeLabel(label: string): string {
  const i = label.lastIndexOf(':');
  return (i >= 0 ? label.slice(i + 1) : label).trim().toLowerCase();
}

/** Index of each set marker in `labels` (−1 when absent). */
export function matchMarkers(set: MarkerSet, labels: string[]): Int32Array {
  const byName = new Map<string, number>();
  labels.forEach((l, i) => {
    const k = normalizeLabel(l);
    if (!byName.has(k)) byName.set(k, i);
  });
  return Int32Array.from(set.markers, (m) => byName.get(m.name.toLowerCase()) ?? -1);
}

/** True when `labels` hold both acromion markers of the set — what a shoulder-girdle model needs to be posed. */
export function tracksShoulderGirdle(set: MarkerSet, labels: string[]): boolean {
  const idx = matchMarkers(set, labels);
  return (['ACROMION_R', 'ACROMION_L'] as const).every((r) => set.markers.some((m, k) => m.landmark === r && idx[k] >= 0));
}

/**
 * The built-in (or given) marker set that best explains the trial's labels: the most markers found, at
 * least 30 % of the set, both ASIS among them. Throws listing the labels when none fits.
 */
export function detectMarkerSet(labels: string[], sets: MarkerSet[] = BUILT_IN_MARKER_SETS): MarkerSet {
  let best: MarkerSet | null = null, bestCount = 0;
  const report: string[] = [];
  for (const set of sets) {
    const idx = matchMarkers(set, labels);
    const found = idx.reduce((n, i) => n + (i >= 0 ? 1 : 0), 0);
    const asis = set.markers.filter((m, k) => (m.landmark === 'ASIS_R' || m.landmark === 'ASIS_L') && idx[k] >= 0).length;
    report.push(`${set.name}: ${found}/${set.markers.length}`);
    if (found >= 0.3 * set.markers.length && asis === 2 && found > bestCount) {
      best = set;
      bestCount = found;
    }
  }
  if (!best) {
    const shown = labels.slice(0, 60).join(', ') + (labels.length > 60 ? `, … (${labels.length} labels)` : '');
    throw new KinetwinError(`unknown marker set (${report.join('; ')} markers matched); labels found: ${shown || 'none'}`);
  }
  return best;
}
