import { KinetwinError } from '../errors';
import { comKinematics } from './comKinematics';
import { argMinVelocity, firstVelocityAbove, flightAndLanding, PROPULSION_VELOCITY, velocityAt, type JumpContext, type JumpCore } from './context';
import { findOnset } from './onset';
import { quietWindow } from './quietWindow';
import type { StableWindow } from './stableWindow';
import type { PhaseRange } from './asymmetry';

// Countermovement and squat jumps from standing (McMahon et al. 2018): body weight from the most stable
// 1 s (else 0.75, 0.5, 0.25 s) quiet window before the peak force; onset at 5 SD of that window, walked
// back to the BW crossing (Owen et al. 2014); COM velocity integrated from onset (at rest there);
// take-off velocity read at the first unloaded sample.
export function analyzeStandingJump(ctx: JumpContext, requested: 'cmj' | 'sj' | undefined): JumpCore {
  const { total, rate, takeoff, warnings } = ctx;
  const w = findWeighing(total, rate, ctx.contact, takeoff);
  if (w.end - w.start < Math.round(rate)) warnings.push(`body weight from ${((w.end - w.start) / rate).toFixed(2)} s of standing (1 s recommended)`);
  const bodyWeight = w.mean;
  if (bodyWeight < 2 * ctx.threshold) throw new KinetwinError(`body weight ${bodyWeight.toFixed(1)} N is too small to analyse`);
  const onsetThreshold = Math.max(5 * w.sd, 1e-6 * bodyWeight);
  const onset = findOnset(total, bodyWeight, onsetThreshold, w.end, takeoff);
  if (onset < 0) throw new KinetwinError('no movement onset found before take-off');
  const n = total.length;
  const kin = comKinematics(total, rate, bodyWeight, onset, n, onset, 0);
  const takeoffVelocity = velocityAt(kin, takeoff);

  // sj vs cmj: a dip of force below BW − max(5 SD, 5 % BW) before the peak force is a countermovement.
  let peakAt = onset;
  for (let i = onset; i < takeoff; i++) if (total[i] > total[peakAt]) peakAt = i;
  const dipLevel = bodyWeight - Math.max(5 * w.sd, 0.05 * bodyWeight);
  let dipped = false;
  for (let i = onset; i <= peakAt; i++) if (total[i] < dipLevel) dipped = true;
  const type = requested ?? (dipped ? 'cmj' : 'sj');
  if (requested === 'sj' && dipped) warnings.push('squat jump shows a countermovement (force dipped more than 5 % below body weight)');
  if (requested === 'cmj' && !dipped) warnings.push('no countermovement found (force never dipped 5 % below body weight)');

  const phases: PhaseRange[] = [{ name: 'weighing', start: w.start, end: w.end - 1 }];
  const pnv = argMinVelocity(kin, onset, takeoff);
  let peakNegativeVelocity: number | null = null;
  let lowestPosition: number | null = null;
  if (velocityAt(kin, pnv) < -PROPULSION_VELOCITY) {
    const lowest = firstVelocityAbove(kin, pnv, takeoff, PROPULSION_VELOCITY);
    if (lowest < 0) throw new KinetwinError('COM velocity never turned upward before take-off');
    peakNegativeVelocity = pnv;
    lowestPosition = lowest;
    phases.push({ name: 'unweighting', start: onset, end: pnv }, { name: 'braking', start: pnv, end: lowest }, { name: 'propulsion', start: lowest, end: takeoff });
  } else {
    phases.push({ name: 'propulsion', start: onset, end: takeoff });
  }
  const after = flightAndLanding(ctx, kin);
  phases.push(...after.phases);
  return {
    type,
    bodyWeight,
    weighing: { start: w.start, end: w.end, sd: w.sd },
    onsetThreshold,
    movementStart: onset,
    onset,
    kin,
    takeoffVelocity,
    method: 'takeoff-velocity',
    touchdownVelocity: null,
    phases,
    peakNegativeVelocity,
    lowestPosition,
    landingEnd: after.landingEnd,
  };
}

// Weighing window: quiet standing between first contact and the peak force (which follows any unweighting).
function findWeighing(total: Float64Array, rate: number, contact: number, takeoff: number): StableWindow {
  let peakAt = contact;
  for (let i = contact; i < takeoff; i++) if (total[i] > total[peakAt]) peakAt = i;
  const w = quietWindow(total, rate, contact, peakAt);
  if (!w) throw new KinetwinError('no quiet standing before the jump to weigh the jumper (need ≥ 0.25 s, ideally 1 s, standing still)');
  return w;
}
