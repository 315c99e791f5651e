// Deterministic header mapping: synonyms, structured parsers (plates, joints, IMU, EMG, markers), then fuzzy
// matching against the synonym dictionary. The fallback whenever no model answers or its answer is invalid.

import { bestMatch } from './fuzzy';
import { HEADER_SYNONYMS, IMPORTED_SYNONYMS, KNOWN_UNMAPPED, MUSCLE_PHRASES } from './headerDictionary';
import { splitHeaderUnit, tokenizeHeader } from './headerTokens';
import { normaliseUnit, type CanonicalUnit } from './units';
import { fieldFamily, unitFitsField, type FieldFamily } from './vocabulary';

export interface HeaderContext {
  unitHint?: string | null; // unit from a separate units row (Vicon, APDM)
  angleUnit?: 'deg' | 'rad' | null; // file-level angle unit (MOT/STO `inDegrees`)
  markerColumn?: boolean; // the column is a marker coordinate (TRC, Vicon Trajectories)
  siUnits?: boolean; // file states SI units (OpenSim): forces N, positions m
}

export interface RuleMapping {
  field: string | null;
  unit: CanonicalUnit | null;
  confidence: number; // 0–1
  negate?: boolean; // source sign convention is opposite to the canonical one (OpenSim knee_angle)
}

const RIGHT = new Set(['r', 'right', 'rt', 'rgt', 'rechts', 'rhs']);
const LEFT = new Set(['l', 'left', 'lt', 'lft', 'links', 'lhs']);
const AXES = new Set(['x', 'y', 'z']);

function sideOf(tokens: string[]): 'r' | 'l' | null {
  for (const t of tokens) {
    if (RIGHT.has(t)) return 'r';
    if (LEFT.has(t)) return 'l';
  }
  return null;
}

function lastAxis(tokens: string[]): 'x' | 'y' | 'z' | null {
  for (let i = tokens.length - 1; i >= 0; i--) if (AXES.has(tokens[i])) return tokens[i] as 'x' | 'y' | 'z';
  return null;
}

function firstNumber(tokens: string[]): number | null {
  for (const t of tokens) if (/^\d{1,2}$/.test(t)) return Number(t);
  return null;
}

// Split fused all-caps prefixes: 'rknee' → r knee, 'lhipangles' → l hip angles.
const FUSED_WORDS = ['hip', 'knee', 'ankle', 'pelvis', 'thorax', 'shoulder', 'elbow', 'wrist', 'foot', 'spine'];
function unfuse(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const m = /^([rl])([a-z]+)$/.exec(t);
    if (m && FUSED_WORDS.some((w) => m[2].startsWith(w))) {
      const word = FUSED_WORDS.find((w) => m[2].startsWith(w)) as string;
      out.push(m[1], word);
      if (m[2].length > word.length) out.push(m[2].slice(word.length));
    } else out.push(t);
  }
  return out;
}

function finish(field: string | null, unit: CanonicalUnit | null, confidence: number, negate = false): RuleMapping {
  const fits = field === null || unitFitsField(field, unit);
  // a unit that contradicts the field (an angle in N) lowers the confidence instead of dropping either
  const result: RuleMapping = { field, unit, confidence: fits ? confidence : Math.round(confidence * 60) / 100 };
  if (negate) result.negate = true;
  return result;
}

// ---- force plates ----------------------------------------------------------------------------------------
const PLATE_WORDS = new Set(['plate', 'fp', 'forceplate', 'platform', 'plates']);

/** The plate number: the number right after a plate word ('Force Plate #2', 'FP1'), else the first number. */
function plateNumber(tokens: string[]): number | null {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (PLATE_WORDS.has(tokens[i]) && /^\d{1,2}$/.test(tokens[i + 1])) return Number(tokens[i + 1]);
  }
  return tokens.some((t) => PLATE_WORDS.has(t)) ? null : firstNumber(tokens);
}

function plateSuffix(tokens: string[], openSimStyle: boolean): string {
  const side = sideOf(tokens);
  if (side) return side;
  const n = openSimStyle ? firstNumber(tokens) : plateNumber(tokens);
  if (openSimStyle) return `p${n === null ? 1 : n + 1}`; // OpenSim: ground_force, 1_ground_force, …
  return `p${n === null || n === 0 ? 1 : n}`;
}

function mapPlate(tokens: string[], unit: CanonicalUnit | null): RuleMapping | null {
  const has = (t: string): boolean => tokens.includes(t);
  const openSim = has('ground') && (has('force') || has('torque'));
  if (openSim) {
    const suffix = plateSuffix(tokens, true);
    const v = tokens.find((t) => /^[vp][xyz]$/.test(t));
    if (has('force') && v) return finish(`${v[0] === 'v' ? 'grf' : 'cop'}_${v[1]}_${suffix}`, unit, 0.95);
    const axis = lastAxis(tokens);
    if (has('torque') && axis) return finish(`grm_${axis}_${suffix}`, unit, 0.9);
    return null;
  }
  const fAxis = tokens.find((t) => /^f[xyz]$/.test(t));
  const plateContext = tokens.some((t) => PLATE_WORDS.has(t));
  const forceWord = has('force') || has('grf') || has('forces') || (has('for') && plateContext);
  const isJoint = tokens.some((t) => JOINT_WORDS.has(t));
  if (isJoint) return null;
  // sums of several plates are not one plate's force
  if ((has('combined') || has('total') || has('sum') || has('resultant')) && (forceWord || fAxis)) return finish(null, unit, 0.6);
  if (has('cop') || has('copx') || has('copy') || has('copz') || ((has('centre') || has('center')) && has('pressure'))) {
    const fused = tokens.find((t) => /^cop[xyz]$/.test(t));
    const cAxis = fused ? fused[3] : tokens.find((t) => /^c[xyz]$/.test(t))?.[1] ?? lastAxis(tokens);
    if (cAxis) return finish(`cop_${cAxis}_${plateSuffix(tokens, false)}`, unit, 0.9);
  }
  if (fAxis && (tokens.length <= 4 || plateContext || forceWord)) return finish(`grf_${fAxis[1]}_${plateSuffix(tokens, false)}`, unit, 0.9);
  const mAxis = tokens.find((t) => /^m[xyz]$/.test(t));
  if (mAxis && (tokens.length <= 4 || plateContext)) return finish(`grm_${mAxis[1]}_${plateSuffix(tokens, false)}`, unit, 0.85);
  if (forceWord) {
    const axis = lastAxis(tokens) ?? (has('vertical') ? 'z' : null);
    if (axis) return finish(`grf_${axis}_${plateSuffix(tokens, false)}`, unit, 0.85);
    // a sided force without an axis ('Left Force (N)') comes from vertical-only jump plates
    if (sideOf(tokens) && (unit === 'N' || unit === 'kN' || unit === null) && tokens.length <= 3) return finish(`grf_z_${sideOf(tokens)}`, unit, 0.6);
  }
  if ((has('moment') || has('torque')) && tokens.length <= 3) {
    const axis = lastAxis(tokens);
    if (axis) return finish(`grm_${axis}_${plateSuffix(tokens, false)}`, unit, 0.75);
  }
  if (has('tz') || (has('free') && has('moment'))) return finish(`free_moment_${plateSuffix(tokens, false)}`, unit, 0.85);
  // Kistler BioWare writes the centre of pressure as Ax, Ay
  const aAxis = tokens.find((t) => /^a[xy]$/.test(t));
  if (aAxis && tokens.length <= 3) return finish(`cop_${aAxis[1]}_${plateSuffix(tokens, false)}`, unit, 0.75);
  // a bare plate channel ('FP1', 'Plate 2') in a force file is its vertical force
  if ((has('fp') || has('plate') || has('forceplate')) && tokens.length <= 3 && firstNumber(tokens) !== null) {
    return finish(`grf_z_${plateSuffix(tokens, false)}`, unit, 0.6);
  }
  return null;
}

// ---- joints ---------------------------------------------------------------------------------------------
const JOINT_WORDS = new Set([
  'hip', 'knee', 'ankle', 'pelvis', 'pelvic', 'thorax', 'trunk', 'lumbar', 'shoulder', 'arm', 'elbow', 'wrist',
  'subtalar', 'mtp', 'foot', 'forearm', 'pro',
]);
type Dof = 'flex' | 'add' | 'rot' | 'inv' | 'tilt' | 'dev' | 'pron' | 'tx' | 'ty' | 'tz' | 'angle';
const DOF_WORDS: Record<string, Dof> = {
  flexion: 'flex', flex: 'flex', flx: 'flex', fe: 'flex', extension: 'flex', ext: 'flex', dorsiflexion: 'flex',
  dorsi: 'flex', plantarflexion: 'flex', plantar: 'flex', df: 'flex', pf: 'flex', sagittal: 'flex',
  adduction: 'add', add: 'add', abduction: 'add', abd: 'add', aa: 'add', varus: 'add', valgus: 'add',
  obliquity: 'add', list: 'add', bending: 'add', lateral: 'add', frontal: 'add', adduct: 'add',
  rotation: 'rot', rot: 'rot', internal: 'rot', external: 'rot', ie: 'rot', transverse: 'rot',
  inversion: 'inv', eversion: 'inv', tilt: 'tilt', deviation: 'dev', dev: 'dev', ulnar: 'dev', radial: 'dev',
  pronation: 'pron', supination: 'pron', sup: 'pron', tx: 'tx', ty: 'ty', tz: 'tz', angle: 'angle', angles: 'angle',
};
const AXIS_DOF: Record<'x' | 'y' | 'z', Dof> = { x: 'flex', y: 'add', z: 'rot' }; // Plug-in Gait components

function coordinate(joint: string, dof: Dof): { name: string; negate?: boolean } | null {
  switch (joint) {
    case 'hip':
      return dof === 'flex' || dof === 'angle' ? { name: 'hip_flexion' } : dof === 'add' ? { name: 'hip_adduction' } : dof === 'rot' ? { name: 'hip_rotation' } : null;
    case 'knee':
      if (dof === 'angle') return { name: 'knee_flexion', negate: true }; // OpenSim knee_angle: negative in flexion
      return dof === 'flex' ? { name: 'knee_flexion' } : dof === 'add' ? { name: 'knee_adduction' } : dof === 'rot' ? { name: 'knee_rotation' } : null;
    case 'ankle':
      if (dof === 'flex' || dof === 'angle') return { name: 'ankle_dorsiflexion' };
      return dof === 'add' || dof === 'inv' ? { name: 'ankle_inversion' } : dof === 'rot' ? { name: 'ankle_rotation' } : null;
    case 'subtalar':
      return { name: 'subtalar_inversion' };
    case 'mtp':
      return { name: 'mtp_flexion' };
    case 'pelvis':
      if (dof === 'tx' || dof === 'ty' || dof === 'tz') return { name: `pelvis_${dof}` };
      return dof === 'flex' || dof === 'tilt' ? { name: 'pelvis_tilt' } : dof === 'add' ? { name: 'pelvis_list' } : dof === 'rot' ? { name: 'pelvis_rotation' } : null;
    case 'lumbar':
      return dof === 'flex' ? { name: 'lumbar_extension' } : dof === 'add' ? { name: 'lumbar_bending' } : dof === 'rot' ? { name: 'lumbar_rotation' } : null;
    case 'thorax':
      return dof === 'flex' ? { name: 'thorax_flexion' } : dof === 'add' ? { name: 'thorax_bending' } : dof === 'rot' ? { name: 'thorax_rotation' } : null;
    case 'shoulder':
      return dof === 'flex' ? { name: 'shoulder_flexion' } : dof === 'add' ? { name: 'shoulder_adduction' } : dof === 'rot' ? { name: 'shoulder_rotation' } : null;
    case 'elbow':
      return dof === 'flex' || dof === 'angle' ? { name: 'elbow_flexion' } : null;
    case 'forearm':
      return dof === 'pron' || dof === 'rot' ? { name: 'forearm_pronation' } : null;
    case 'wrist':
      return dof === 'flex' ? { name: 'wrist_flexion' } : dof === 'dev' || dof === 'add' ? { name: 'wrist_deviation' } : null;
    default:
      return null;
  }
}

function mapJoint(tokens: string[], unit: CanonicalUnit | null, ctx: HeaderContext): RuleMapping | null {
  let joint = tokens.find((t) => JOINT_WORDS.has(t));
  if (!joint) return null;
  const has = (t: string): boolean => tokens.includes(t);
  if (joint === 'pelvic') joint = 'pelvis';
  if (joint === 'trunk') joint = 'thorax';
  if (joint === 'arm') joint = 'shoulder';
  if (joint === 'pro' && has('sup')) joint = 'forearm';
  if (joint === 'foot') {
    if (!has('progress') && !has('progression')) return null;
    const axis = lastAxis(tokens);
    return axis === null || axis === 'z' ? finish(`foot_progression_${sideOf(tokens) ?? 'r'}`, unit ?? ctx.angleUnit ?? null, axis ? 0.85 : 0.75) : finish(null, unit, 0.6);
  }
  if (has('force') || has('forces')) return finish(null, unit, 0.6); // joint reaction forces: not in the vocabulary
  const isMoment = has('moment') || has('moments') || has('mom') || has('torque');
  const isPower = has('power') || has('powers') || has('pwr');
  const axis = lastAxis(tokens);
  let dof: Dof | null = null;
  let dofWord = '';
  for (const t of tokens) {
    const d = DOF_WORDS[t];
    if (d && d !== 'angle') { dof = d; dofWord = t; break; }
  }
  // a lone 'abduction' or 'plantarflexion' column is positive the other way from the canonical coordinate
  const opposite = (dofWord === 'abduction' || dofWord === 'abd') && !has('adduction') && !has('add')
    || (dofWord === 'plantarflexion' || dofWord === 'plantar') && !has('dorsiflexion') && !has('dorsi');
  const pigAxis = dof === null && axis !== null;
  if (dof === null && axis !== null) dof = AXIS_DOF[axis];
  if (dof === null && (has('angle') || has('angles'))) dof = 'angle';
  const side = sideOf(tokens);
  if (isPower) {
    if (!side) return null;
    if (axis !== null && axis !== 'z') return finish(null, unit, 0.6); // Plug-in Gait stores total power in Z
    return finish(`${joint}_power_${side}`, unit, 0.9);
  }
  if (dof === null) return null;
  const coord = coordinate(joint, dof);
  if (!coord) return null;
  const central = joint === 'pelvis' || joint === 'lumbar' || joint === 'thorax';
  if (!central && !side) return null;
  const confidence = pigAxis ? 0.85 : 0.92;
  if (isMoment) {
    if (central) return null;
    return finish(`${coord.name}_moment_${side}`, unit, confidence, (coord.negate ?? false) !== opposite);
  }
  const translation = dof === 'tx' || dof === 'ty' || dof === 'tz';
  const defaultUnit = translation ? (ctx.siUnits ? 'm' : null) : (ctx.angleUnit ?? null);
  return finish(central ? coord.name : `${coord.name}_${side}`, unit ?? defaultUnit, confidence, (coord.negate ?? false) !== opposite);
}

// ---- IMU --------------------------------------------------------------------------------------------------
const IMU_WORDS: Record<string, 'acc' | 'gyr' | 'mag' | 'quat' | 'temperature' | 'pressure'> = {
  acc: 'acc', accel: 'acc', acceleration: 'acc', accelerometer: 'acc', accelerations: 'acc',
  gyr: 'gyr', gyro: 'gyr', gyroscope: 'gyr', angvel: 'gyr', mag: 'mag', magn: 'mag', magnetometer: 'mag',
  quat: 'quat', quaternion: 'quat', orientation: 'quat', temperature: 'temperature', temp: 'temperature',
  pressure: 'pressure', baro: 'pressure',
};
const IMU_NOISE = new Set(['sensor', 'imu', 'trigno', 'im', 'avanti', 'field', 'velocity', 'angular', 'magnetic', 'scalar', 'data', 'raw', 'calibrated', 'value', 'q', 'cal', 'uncal', 'ln', 'wr', 'lsm', 'hg']);

function sensorName(rest: string[]): string {
  const side = sideOf(rest);
  const words = rest.filter((t) => !RIGHT.has(t) && !LEFT.has(t) && !IMU_NOISE.has(t) && !/^\d+$/.test(t));
  const muscle = matchMuscle(words);
  const base = muscle ?? words.join('_');
  if (base === '') {
    const n = firstNumber(rest);
    return n === null ? 'imu' : `sensor${n}`;
  }
  return side ? `${base}_${side}` : base;
}

function mapImu(tokens: string[], unit: CanonicalUnit | null): RuleMapping | null {
  let kind: (typeof IMU_WORDS)[string] | null = null;
  let kindIndex = -1;
  for (let i = 0; i < tokens.length && kind === null; i++) {
    if (IMU_WORDS[tokens[i]]) { kind = IMU_WORDS[tokens[i]]; kindIndex = i; }
  }
  const has = (t: string): boolean => tokens.includes(t);
  if (kind === null && has('angular') && has('velocity')) kind = 'gyr';
  if (kind === null && has('magnetic')) kind = 'mag';
  // Xsens DOT writes Euler_X/Y/Z for roll, pitch, yaw
  const eulerAxis = has('euler') ? lastAxis(tokens) : null;
  if (kind === null && eulerAxis) {
    const rest = tokens.filter((t) => t !== 'euler' && !AXES.has(t));
    return finish(`${({ x: 'roll', y: 'pitch', z: 'yaw' } as const)[eulerAxis]}_${sensorName(rest)}`, unit, 0.85);
  }
  const euler = tokens.find((t) => t === 'roll' || t === 'pitch' || t === 'yaw');
  if (kind === null && euler) {
    const rest = tokens.filter((t) => t !== euler && t !== 'euler' && t !== 'angle');
    return finish(`${euler}_${sensorName(rest)}`, unit, 0.85);
  }
  if (kind === null) return null;
  const consumed = new Set<number>([kindIndex]);
  let comp: string | null = null;
  if (kind === 'quat') {
    // q0..q3 (Xsens) or Orientation/Scalar,X,Y,Z (APDM) or quat_w…
    const qi = tokens.findIndex((t, i) => /^[0-3]$/.test(t) && tokens[i - 1] === 'q');
    if (qi >= 0) { comp = 'wxyz'[Number(tokens[qi])]; consumed.add(qi); }
    else if (has('scalar') || has('w')) comp = 'w';
    else comp = lastAxis(tokens);
  } else if (kind === 'temperature' || kind === 'pressure') {
    comp = '';
  } else {
    comp = lastAxis(tokens);
  }
  if (comp === null) return null;
  const rest = tokens.filter((t, i) => !consumed.has(i) && !IMU_WORDS[t] && !AXES.has(t) && t !== 'w' && t !== 'free');
  const sensor = sensorName(rest);
  if (kind === 'temperature' || kind === 'pressure') return finish(`${kind}_${sensor}`, unit, 0.85);
  return finish(`${kind}_${comp}_${sensor}`, unit, 0.9);
}

// ---- EMG -------------------------------------------------------------------------------------------------
function matchMuscle(tokens: string[]): string | null {
  const text = ` ${tokens.join(' ')} `;
  for (const [phrase, muscle] of MUSCLE_PHRASES) if (text.includes(` ${phrase} `)) return muscle;
  return null;
}

function mapEmg(tokens: string[], unit: CanonicalUnit | null): RuleMapping | null {
  const isEmg = tokens.includes('emg');
  const muscle = matchMuscle(tokens);
  if (muscle) {
    const side = sideOf(tokens);
    const emgUnit = unit === 'V' || unit === 'mV' || unit === 'µV';
    return finish(side ? `emg_${muscle}_${side}` : `emg_${muscle}`, unit, isEmg || emgUnit ? 0.9 : 0.75);
  }
  if (isEmg) {
    const n = firstNumber(tokens);
    if (n !== null) return finish(`emg_ch${n}`, unit, 0.7);
  }
  return null;
}

// OpenSim files state SI units once for the whole file: forces N, positions m, moments N·m
const SI_DEFAULT: Partial<Record<FieldFamily, CanonicalUnit>> = {
  force: 'N', cop: 'm', plate_moment: 'N·m', joint_moment: 'N·m', translation: 'm', time: 's',
};
function withSiDefault(m: RuleMapping, ctx: HeaderContext): RuleMapping {
  if (m.unit !== null || m.field === null) return m;
  const family = fieldFamily(m.field);
  if (family === 'angle' && ctx.angleUnit) return { ...m, unit: ctx.angleUnit };
  if (!ctx.siUnits) return m;
  const unit = family ? SI_DEFAULT[family] : undefined;
  return unit ? { ...m, unit } : m;
}

// ---- the rule chain ----------------------------------------------------------------------------------------
const SYNONYM_KEYS = Object.keys(HEADER_SYNONYMS).filter((k) => k.length >= 5);

/** Map one column header to a canonical field by rules. Unknown headers map to null with confidence 0. */
export function mapHeaderByRules(header: string, ctx: HeaderContext = {}): RuleMapping {
  // 'CoP.Cx' and 'COPx1' would split into 'co p' / 'co px': make COP a word of its own first
  const split = splitHeaderUnit(header.replace(/CoM/g, 'COM').replace(/cop(?=[xyz](?:\d|_|\b))/gi, 'COP ').replace(/CoP/g, 'COP'));
  const unit = split.unit ?? normaliseUnit(ctx.unitHint ?? null);
  const tokens = unfuse(tokenizeHeader(split.name));
  if (tokens.length === 0) return { field: null, unit, confidence: 0 };
  const phrase = tokens.join(' ');
  if (KNOWN_UNMAPPED.has(phrase) || tokens[0] === 'mat') return { field: null, unit, confidence: 0.9 };
  const synonym = HEADER_SYNONYMS[phrase];
  if (synonym) return finish(synonym, unit ?? (synonym === 'time' && ctx.siUnits ? 's' : null), 0.95);
  // Delsys writes each channel's time base as 'X[s]'
  if (phrase === 'x' && (unit === 's' || unit === 'ms')) return finish('time', unit, 0.85);
  if (tokens.includes('timestamp')) return finish('time', unit, 0.7);
  if (ctx.markerColumn) {
    // marker labels keep their own spelling ('C7' stays c7, 'R.ASIS' becomes r_asis)
    const m = /^(.*\S)\s+([XYZxyz])$/.exec(split.name);
    const label = m ? m[1].toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') : '';
    if (m && label !== '') return finish(`marker_${label}_${m[2].toLowerCase()}`, unit, 0.9);
  }
  const structured = mapPlate(tokens, unit) ?? mapImu(tokens, unit) ?? mapJoint(tokens, unit, ctx) ?? mapEmg(tokens, unit);
  if (structured) return withSiDefault(structured, ctx);
  const imported = IMPORTED_SYNONYMS[phrase];
  if (imported) return withSiDefault(finish(imported, unit, 0.9), ctx);
  const fuzzy = bestMatch(phrase, SYNONYM_KEYS, 0.8);
  if (fuzzy) return finish(HEADER_SYNONYMS[fuzzy.candidate], unit, Math.round((0.3 + 0.5 * fuzzy.score) * 100) / 100);
  // a bracket that is not a unit ('Muscle Soreness (1-5)', 'Cadence (steps/min)'): try the name without it
  const bare = /^(.*?)\s*[([{][^()[\]{}]*[)\]}]\s*$/.exec(split.name);
  if (bare && bare[1] !== '') {
    const again = mapHeaderByRules(bare[1], ctx);
    if (again.field !== null) return { ...again, unit: again.unit ?? unit, confidence: Math.round(again.confidence * 90) / 100 };
  }
  return { field: null, unit, confidence: 0 };
}
