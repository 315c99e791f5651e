// Deterministic header → canonical field mapping: unit annotation split off ('GRFz_R [N]', 'kn_fl_L°',
// 'Knee Flex L (deg)', 'Sleep hrs'), words normalised (abbreviations, glued axes, sides), then an exact
// synonym match (confidence 1) or a composition rule (joint + motion + side, force/COP + axis + side,
// IMU quantity + axis + sensor, training-log keywords; confidence 0.6–0.9). No match gives field null.

import { CANONICAL_FIELDS } from './headermapVocabulary';

export { CANONICAL_FIELDS } from './headermapVocabulary';
export type { CanonicalField } from './headermapVocabulary';

export interface HeaderMapping {
  header: string;
  field: string | null;
  unit: string | null; // the unit the header states, in canonical spelling (deg, N, m/s², min, h …)
  confidence: number; // 0–1
}

const UNIT_ALIASES: Record<string, string> = {
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's', ms: 'ms', min: 'min', mins: 'min', minute: 'min', minutes: 'min',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h', hz: 'Hz',
  m: 'm', mm: 'mm', cm: 'cm', deg: 'deg', degs: 'deg', degree: 'deg', degrees: 'deg', '°': 'deg', rad: 'rad', radians: 'rad',
  n: 'N', kn: 'kN', nm: 'N·m', 'n.m': 'N·m', 'n·m': 'N·m', 'n*m': 'N·m', nmm: 'N·mm', 'n.mm': 'N·mm', 'n/kg': 'N/kg', 'nm/kg': 'N·m/kg',
  'm/s^2': 'm/s²', 'm/s2': 'm/s²', 'm/s²': 'm/s²', g: 'g', 'rad/s': 'rad/s', 'deg/s': 'deg/s', '°/s': 'deg/s', dps: 'deg/s',
  ut: 'µT', 'µt': 'µT', kg: 'kg', lb: 'lb', lbs: 'lb', au: 'AU', 'a.u.': 'AU', '%': '%', bpm: 'bpm', v: 'V', mv: 'mV', uv: 'µV', 'µv': 'µV',
};

/** Canonical spelling of a unit text, or null. */
export function normaliseUnit(text: string): string | null {
  return UNIT_ALIASES[text.trim().toLowerCase().replace(/\s+/g, '')] ?? null;
}

/** Split a trailing unit annotation off a header. */
export function splitHeaderUnit(header: string): { name: string; unit: string | null } {
  // real headers are short; the cap keeps the unit regexes linear on hostile input
  let name = (header.length > 200 ? header.slice(0, 200) : header).trim();
  if (name.endsWith('°')) return { name: name.slice(0, -1).replace(/[\s_]+$/, ''), unit: 'deg' };
  const bracket = /^(.*?)[\s_]*[([{]([^()[\]{}]{1,16})[)\]}]\s*$/.exec(name);
  if (bracket && bracket[1].trim() !== '') {
    const unit = normaliseUnit(bracket[2]);
    if (unit !== null) return { name: bracket[1].trim(), unit };
  }
  const inUnit = /^(.+?)\s+in\s+(\S+)$/i.exec(name);
  if (inUnit && normaliseUnit(inUnit[2]) !== null) return { name: inUnit[1].trim(), unit: normaliseUnit(inUnit[2]) };
  const suffix = /^(.+?)[\s_]+(hrs|hours|hr|h|mins|minutes|min|deg|degrees|rad|n|nm|s|ms|kg|au|bpm)$/i.exec(name);
  if (suffix) return { name: suffix[1].trim(), unit: normaliseUnit(suffix[2]) };
  name = name.trim();
  const whole = normaliseUnit(name);
  return { name, unit: whole === 'min' || whole === 'h' ? whole : null };
}

/** Lower-case words: camelCase and non-alphanumerics split ('kneeFlexL' → knee flex l, 'sRPE' → s rpe). */
export function headerWords(name: string): string[] {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9#]+/).filter((w) => w !== '');
}

const SYNONYMS = new Map<string, string>();
for (const f of CANONICAL_FIELDS) for (const s of f.synonyms) if (!SYNONYMS.has(s)) SYNONYMS.set(s, f.field);
const FIELDS = new Map(CANONICAL_FIELDS.map((f) => [f.field, f]));

const SIDE: Record<string, 'r' | 'l'> = { r: 'r', right: 'r', rt: 'r', rgt: 'r', rechts: 'r', re: 'r', d: 'r', l: 'l', left: 'l', lt: 'l', lft: 'l', links: 'l', li: 'l' };
const JOINT: Record<string, string> = { hip: 'hip', hp: 'hip', knee: 'knee', kn: 'knee', knie: 'knee', ankle: 'ankle', ank: 'ankle', ak: 'ankle', shoulder: 'shoulder', sho: 'shoulder', shldr: 'shoulder', elbow: 'elbow', elb: 'elbow', wrist: 'wrist', wr: 'wrist' };
// motion word → [motion, confidence factor when the word names the opposite sign]
const MOTION: Record<string, [string, number]> = {
  flex: ['flexion', 1], flexion: ['flexion', 1], flx: ['flexion', 1], fl: ['flexion', 1], fe: ['flexion', 1], ext: ['flexion', 0.8], extension: ['flexion', 0.8],
  add: ['adduction', 1], adduction: ['adduction', 1], aa: ['adduction', 1], abd: ['adduction', 0.8], abduction: ['adduction', 0.8], varus: ['adduction', 1], valgus: ['adduction', 0.8],
  rot: ['rotation', 1], rotation: ['rotation', 1], ie: ['rotation', 1], int: ['rotation', 1],
  df: ['dorsiflexion', 1], dorsi: ['dorsiflexion', 1], dorsiflexion: ['dorsiflexion', 1], dorsiflex: ['dorsiflexion', 1], pf: ['dorsiflexion', 0.8], plantarflexion: ['dorsiflexion', 0.8],
  inv: ['inversion', 1], inversion: ['inversion', 1], eversion: ['inversion', 0.8],
  angle: ['angle', 0.85], angles: ['angles', 1], ang: ['angle', 0.85],
};
const DEFAULT_MOTION: Record<string, string> = { hip: 'flexion', knee: 'flexion', ankle: 'dorsiflexion', elbow: 'flexion', shoulder: 'flexion', wrist: 'flexion' };
const AXIS_MOTION: Record<string, string[]> = { x: ['flexion', 'dorsiflexion'], y: ['adduction', 'inversion'], z: ['rotation', 'rotation'] }; // Plug-in Gait angle axes
const FORCE = new Set(['grf', 'force', 'f', 'vgrf', 'forces', 'fp']);
const COP = new Set(['cop', 'cp', 'copx', 'copy', 'copz']);
const IMU: Record<string, string> = { acc: 'acc', accel: 'acc', acceleration: 'acc', accelerometer: 'acc', gyr: 'gyr', gyro: 'gyr', gyroscope: 'gyr', angvel: 'gyr', mag: 'mag', magnetometer: 'mag', magnetic: 'mag' };

/** Split glued words: 'grfz' → grf z, 'fz' → f z, 'accx' → acc x, 'lknee' → l knee. */
function expand(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'v' && words[i + 1] === 'grf') { out.push('vgrf'); i++; continue; } // 'vGRF' split by camelCase
    const axis = /^(grf|vgrf|f|cop|cp|acc|gyr|gyro|mag|m|t)([xyz])$/.exec(w);
    if (axis) { out.push(axis[1], axis[2]); continue; }
    const sided = /^([rl])(hip|knee|ankle|shoulder|elbow|wrist)$/.exec(w);
    if (sided) { out.push(sided[1], sided[2]); continue; }
    out.push(w);
  }
  return out;
}

function result(header: string, field: string | null, unit: string | null, confidence: number): HeaderMapping {
  if (field === null) return { header, field: null, unit, confidence: 0 };
  const template = FIELDS.get(field.replace(/^(acc|gyr|mag)_([xyz])_.*$/, '$1_$2_<sensor>'));
  const expected = template?.unit ?? null;
  // a stated unit that contradicts the field's family halves the confidence
  const family = (u: string) => (['deg', 'rad'].includes(u) ? 'angle' : ['N', 'kN', 'N/kg'].includes(u) ? 'force' : ['m', 'mm', 'cm'].includes(u) ? 'length'
    : ['m/s²', 'g'].includes(u) ? 'acc' : ['rad/s', 'deg/s'].includes(u) ? 'rate' : ['min', 'h', 's', 'ms'].includes(u) ? 'time' : u);
  const clash = unit !== null && expected !== null && family(unit) !== family(expected) && !(template?.kind === 'training' && unit === 'AU');
  return { header, field, unit, confidence: Math.round((clash ? confidence * 0.5 : confidence) * 100) / 100 };
}

/** Map one header. */
export function mapHeader(header: string): HeaderMapping {
  const { name, unit } = splitHeaderUnit(header);
  const words = headerWords(name);
  const phrase = words.join(' ');
  const exact = SYNONYMS.get(phrase);
  if (exact !== undefined && !exact.includes('<sensor>')) return result(header, exact, unit, 1);

  const w = expand(words);
  const side = w.map((x) => SIDE[x]).find((s) => s !== undefined) ?? null;
  const axis = w.find((x) => x === 'x' || x === 'y' || x === 'z') ?? (w.some((x) => x === 'vertical' || x === 'vert' || x === 'vgrf') ? 'z' : null);

  // IMU: quantity + axis + sensor words
  const imu = w.map((x) => IMU[x]).find((q) => q !== undefined);
  if (imu !== undefined && axis !== null) {
    const rest = w.filter((x) => IMU[x] === undefined && x !== axis && !['velocity', 'angular', 'field', 'linear'].includes(x));
    return result(header, `${imu}_${axis}_${rest.length > 0 ? rest.join('_') : 'imu'}`, unit, rest.length > 0 ? 0.9 : 0.7);
  }
  // joint angles
  const joint = w.map((x) => JOINT[x]).find((j) => j !== undefined);
  if (joint !== undefined && side !== null) {
    const m = w.map((x) => MOTION[x]).find((v) => v !== undefined);
    let motion = m?.[0] ?? DEFAULT_MOTION[joint];
    let confidence = m === undefined ? 0.6 : 0.9 * m[1];
    if (motion === 'angles' && axis !== null) motion = AXIS_MOTION[axis][joint === 'ankle' ? 1 : 0];
    else if (motion === 'angle' || motion === 'angles') motion = DEFAULT_MOTION[joint];
    if (joint === 'ankle' && motion === 'flexion') { motion = 'dorsiflexion'; confidence *= 0.9; }
    const field = `${joint}_${motion}_${side}`;
    if (FIELDS.has(field)) return result(header, field, unit, confidence);
  }
  // force plates
  if (side !== null && axis !== null) {
    if (w.some((x) => COP.has(x)) || phrase.includes('centre of pressure') || phrase.includes('center of pressure')) return result(header, `cop_${axis}_${side}`, unit, 0.9);
    if (w.some((x) => FORCE.has(x))) return result(header, `grf_${axis}_${side}`, unit, 0.9);
  }
  // training-log keywords
  const has = (re: RegExp) => w.some((x) => re.test(x));
  if (has(/^sleep/)) return result(header, has(/^(quality|score|rating)$/) ? 'sleep_quality' : 'sleep_hours', unit, 0.8);
  if (has(/^s?rpe$/) || has(/^borg$/)) return result(header, has(/^(load|au|tl)$/) || unit === 'AU' ? 'session_load' : 'srpe', unit, 0.8);
  if (has(/^(load|trimp)$/)) return result(header, 'session_load', unit, 0.7);
  if (has(/^(duration|minutes|mins)$/) || ((unit === 'min' || unit === 'h') && has(/^(time|session|training|dur)$/))) return result(header, 'minutes', unit, 0.8);
  if (has(/^injur/)) return result(header, 'injury', unit, 0.8);
  if (has(/^nutri/)) return result(header, 'nutrition', unit, 0.8);
  if (has(/^date$/)) return result(header, 'date', unit, 0.8);
  if (has(/^(athlete|player|pseudonym|spieler|athlet|joueur)$/)) return result(header, 'athlete', unit, 0.8);
  if (has(/^session$/) && has(/^(type|kind|category)$/)) return result(header, 'session_type', unit, 0.8);
  if (phrase === '' ) return result(header, null, unit, 0);
  if (words.length === 1 && (words[0] === 'time' || words[0] === 't')) return result(header, 'time', unit, 1);
  return result(header, null, unit, 0);
}

/** Map every header of a table (same order). */
export function mapHeaders(headers: string[]): HeaderMapping[] {
  return headers.map(mapHeader);
}
