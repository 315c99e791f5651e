// Header rules for joint angles, moments and powers (Plug-in Gait X/Y/Z components, OpenSim coordinates,
// Noraxon and Xsens MVN names), with the sign conventions that differ from ISB's.

import { finish, lastAxis, sideOf, type HeaderContext, type RuleMapping } from './headerParts';
import type { CanonicalUnit } from './units';

export const JOINT_WORDS = new Set([
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

export function mapJoint(tokens: string[], unit: CanonicalUnit | null, ctx: HeaderContext): RuleMapping | null {
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
