// Shared pieces of the header rules: the mapping result, the file context, side/axis/number readers.

import type { CanonicalUnit } from './units';
import { unitFitsField } from './vocabulary';

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

export const RIGHT = new Set(['r', 'right', 'rt', 'rgt', 'rechts', 'rhs']);
export const LEFT = new Set(['l', 'left', 'lt', 'lft', 'links', 'lhs']);
export const AXES = new Set(['x', 'y', 'z']);

export function sideOf(tokens: string[]): 'r' | 'l' | null {
  for (const t of tokens) {
    if (RIGHT.has(t)) return 'r';
    if (LEFT.has(t)) return 'l';
  }
  return null;
}

export function lastAxis(tokens: string[]): 'x' | 'y' | 'z' | null {
  for (let i = tokens.length - 1; i >= 0; i--) if (AXES.has(tokens[i])) return tokens[i] as 'x' | 'y' | 'z';
  return null;
}

export function firstNumber(tokens: string[]): number | null {
  for (const t of tokens) if (/^\d{1,2}$/.test(t)) return Number(t);
  return null;
}

// Split fused all-caps prefixes: 'rknee' → r knee, 'lhipangles' → l hip angles.
const FUSED_WORDS = ['hip', 'knee', 'ankle', 'pelvis', 'thorax', 'shoulder', 'elbow', 'wrist', 'foot', 'spine'];
export function unfuse(tokens: string[]): string[] {
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

export function finish(field: string | null, unit: CanonicalUnit | null, confidence: number, negate = false): RuleMapping {
  const fits = field === null || unitFitsField(field, unit);
  // a unit that contradicts the field (an angle in N) lowers the confidence instead of dropping either
  const result: RuleMapping = { field, unit, confidence: fits ? confidence : Math.round(confidence * 60) / 100 };
  if (negate) result.negate = true;
  return result;
}
