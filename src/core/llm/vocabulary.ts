// The canonical column vocabulary every header is mapped onto (rules, models and users alike).
// Axes in force/IMU fields are the file's own axes (the Trial records which lab axis is up).
// Sides: `_r` / `_l`; force-plate columns whose side is unknown carry the plate number (`_p1`, `_p2`…).

import { CANONICAL_FIELDS } from '../formats/headermapVocabulary';
import type { CanonicalUnit } from './units';

/** Sided joint coordinates (ISB names; flexion and dorsiflexion positive, Wu et al. 2002). */
export const SIDED_COORDINATES = [
  'hip_flexion', 'hip_adduction', 'hip_rotation',
  'knee_flexion', 'knee_adduction', 'knee_rotation',
  'ankle_dorsiflexion', 'ankle_inversion', 'ankle_rotation', 'subtalar_inversion', 'mtp_flexion', 'foot_progression',
  'shoulder_flexion', 'shoulder_adduction', 'shoulder_rotation', 'elbow_flexion', 'forearm_pronation',
  'wrist_flexion', 'wrist_deviation',
] as const;

/** Unsided coordinates: pelvis and trunk (OpenSim names). */
export const CENTRAL_COORDINATES = [
  'pelvis_tilt', 'pelvis_list', 'pelvis_rotation', 'pelvis_tx', 'pelvis_ty', 'pelvis_tz',
  'lumbar_extension', 'lumbar_bending', 'lumbar_rotation',
  'thorax_flexion', 'thorax_bending', 'thorax_rotation',
] as const;

/** EMG muscle names used in `emg_<muscle>_<side>` (SENIAM names, snake case). */
export const MUSCLES = [
  'tibialis_anterior', 'gastrocnemius_medialis', 'gastrocnemius_lateralis', 'soleus', 'peroneus_longus',
  'vastus_lateralis', 'vastus_medialis', 'rectus_femoris', 'biceps_femoris', 'semitendinosus',
  'gluteus_maximus', 'gluteus_medius', 'tensor_fasciae_latae', 'adductor_longus', 'erector_spinae', 'multifidus',
  'rectus_abdominis', 'external_oblique', 'biceps_brachii', 'triceps_brachii', 'deltoid_anterior',
  'deltoid_medius', 'deltoid_posterior', 'trapezius_upper', 'latissimus_dorsi', 'pectoralis_major',
  'flexor_carpi_radialis', 'extensor_carpi_radialis',
] as const;

/** Fixed names: time bases, training-log and wellness columns (a superset of src/core/formats/headermap's). */
export const PLAIN_FIELDS = [
  'time', 'frame', 'subframe', 'date', 'athlete', 'session_type', 'minutes',
  'srpe', 'session_load', // srpe: session RPE, CR-10 rating; session_load = srpe × minutes, AU (Foster 1998)
  'nutrition', 'injury', 'notes', 'sleep_hours', 'sleep_quality', 'fatigue', 'soreness', 'stress', 'mood', 'hrv_rmssd', 'resting_hr',
  'distance', 'hsr_distance', 'sprint_distance', 'distance_rate', 'player_load', 'max_speed',
  'accelerations', 'decelerations', 'hr_avg', 'hr_max', 'body_mass', 'cadence', 'stride_length', 'walking_speed',
] as const;

const SIDED = new Set<string>(SIDED_COORDINATES);
const CENTRAL = new Set<string>(CENTRAL_COORDINATES);
const MUSCLE_SET = new Set<string>(MUSCLES);
// the deterministic importer's vocabulary (src/core/formats/headermapVocabulary) is part of this one
const PLAIN = new Set<string>([...PLAIN_FIELDS, ...CANONICAL_FIELDS.filter((f) => f.kind === 'training').map((f) => f.field)]);

const SIDE = '(?:r|l|p\\d{1,2})';
const SENSOR = '[a-z][a-z0-9_]{0,39}';
const PATTERNS: Array<[RegExp, FieldFamily]> = [
  [new RegExp(`^grf_[xyz]_${SIDE}$`), 'force'],
  [new RegExp(`^cop_[xyz]_${SIDE}$`), 'cop'],
  [new RegExp(`^grm_[xyz]_${SIDE}$`), 'plate_moment'],
  [new RegExp(`^free_moment_${SIDE}$`), 'plate_moment'],
  [new RegExp(`^acc_[xyz]_${SENSOR}$`), 'acceleration'],
  [new RegExp(`^gyr_[xyz]_${SENSOR}$`), 'angular_velocity'],
  [new RegExp(`^mag_[xyz]_${SENSOR}$`), 'magnetic_field'],
  [new RegExp(`^quat_[wxyz]_${SENSOR}$`), 'quaternion'],
  [new RegExp(`^(?:roll|pitch|yaw)_${SENSOR}$`), 'angle'],
  [new RegExp(`^temperature_${SENSOR}$`), 'temperature'],
  [new RegExp(`^pressure_${SENSOR}$`), 'pressure'],
  [/^emg_ch\d{1,3}$/, 'emg'],
  [/^marker_[a-z0-9_.]{1,40}_[xyz]$/, 'position'],
];

/** What a field measures — decides which units it may carry. */
export type FieldFamily =
  | 'time' | 'index' | 'angle' | 'translation' | 'joint_moment' | 'joint_power' | 'force' | 'cop'
  | 'plate_moment' | 'acceleration' | 'angular_velocity' | 'magnetic_field' | 'quaternion' | 'temperature'
  | 'pressure' | 'emg' | 'position' | 'training' | 'unknown';

/** The family of a canonical field, or null when `field` is not in the vocabulary. */
export function fieldFamily(field: string): FieldFamily | null {
  if (field === 'time') return 'time';
  if (field === 'frame' || field === 'subframe') return 'index';
  if (PLAIN.has(field)) return 'training';
  if (CENTRAL.has(field)) return /_t[xyz]$/.test(field) ? 'translation' : 'angle';
  const sided = /^(.*)_(r|l)$/.exec(field);
  if (sided) {
    const base = sided[1];
    if (SIDED.has(base)) return 'angle';
    const moment = /^(.*)_moment$/.exec(base);
    if (moment && SIDED.has(moment[1])) return 'joint_moment';
    const power = /^(hip|knee|ankle|shoulder|elbow|wrist)_power$/.exec(base);
    if (power) return 'joint_power';
    const emg = /^emg_(.*)$/.exec(base);
    if (emg && MUSCLE_SET.has(emg[1])) return 'emg';
  }
  const emgUnsided = /^emg_(.*)$/.exec(field);
  if (emgUnsided && MUSCLE_SET.has(emgUnsided[1])) return 'emg';
  for (const [re, family] of PATTERNS) if (re.test(field)) return family;
  return null;
}

/** True when `field` belongs to the canonical vocabulary. */
export function isCanonicalField(field: string): boolean {
  return fieldFamily(field) !== null;
}

/** Units a field of each family may carry (null = any unit or none). */
export const FAMILY_UNITS: Record<FieldFamily, readonly CanonicalUnit[] | null> = {
  time: ['s', 'ms', 'min', 'h'],
  index: ['count', '1'],
  angle: ['deg', 'rad'],
  translation: ['m', 'mm', 'cm'],
  joint_moment: ['N·m', 'N·mm', 'N·m/kg'],
  joint_power: ['W', 'W/kg'],
  force: ['N', 'kN', 'N/kg'],
  cop: ['m', 'mm', 'cm'],
  plate_moment: ['N·m', 'N·mm'],
  acceleration: ['m/s²', 'g', 'mg'],
  angular_velocity: ['deg/s', 'rad/s'],
  magnetic_field: ['µT', 'mT', 'gauss', 'AU'],
  quaternion: ['1'],
  temperature: ['°C'],
  pressure: ['kPa', 'Pa'],
  emg: ['V', 'mV', 'µV'],
  position: ['m', 'mm', 'cm'],
  training: null,
  unknown: null,
};

// Units of the training-log and wellness fields (ratings and scores: AU or none)
const SCORE: readonly CanonicalUnit[] = ['AU', '1', '%'];
const PLAIN_UNITS: Partial<Record<string, readonly CanonicalUnit[]>> = {
  minutes: ['min', 'h', 's'], sleep_hours: ['h', 'min'], srpe: SCORE, session_load: ['AU'], sleep_quality: SCORE,
  fatigue: SCORE, soreness: SCORE, stress: SCORE, mood: SCORE, hrv_rmssd: ['ms'], resting_hr: ['bpm'],
  distance: ['m', 'km'], hsr_distance: ['m', 'km'], sprint_distance: ['m', 'km'], distance_rate: ['m/min'],
  player_load: ['AU'], max_speed: ['m/s', 'km/h'], accelerations: ['count'], decelerations: ['count'],
  hr_avg: ['bpm'], hr_max: ['bpm'], body_mass: ['kg', 'lb'], cadence: ['count'], stride_length: ['m', 'cm', 'mm'],
  walking_speed: ['m/s', 'km/h'], date: [], athlete: [], session_type: [], nutrition: SCORE, injury: [], notes: [],
};

/** True when `unit` (canonical or null) is allowed for `field`. A null unit is always allowed. */
export function unitFitsField(field: string, unit: string | null): boolean {
  if (unit === null) return true;
  const family = fieldFamily(field);
  if (family === null) return false;
  if (family === 'training') return (PLAIN_UNITS[field] ?? []).includes(unit as CanonicalUnit);
  const allowed = FAMILY_UNITS[family];
  return allowed === null || allowed.includes(unit as CanonicalUnit);
}
