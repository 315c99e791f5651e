// Header rules for force plates: GRF, centre of pressure, plate moments and free moment, by side or plate number
// (OpenSim ground_force_*, Vicon devices, Kistler, AMTI, Bertec, Qualisys, Motek).

import { JOINT_WORDS } from './headerJoint';
import { finish, firstNumber, lastAxis, sideOf, type RuleMapping } from './headerParts';
import type { CanonicalUnit } from './units';

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

export function mapPlate(tokens: string[], unit: CanonicalUnit | null): RuleMapping | null {
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
