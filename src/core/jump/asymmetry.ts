import type { JumpAsymmetry, JumpPhaseName, PhaseAsymmetry, SidePair } from './types';

// Left/right asymmetry between two plates, formula of Bishop et al. 2018 (J Sports Sci 36(10):1135–44):
// ASI = (larger − smaller) / larger × 100 on magnitudes, so 0 % is perfect symmetry and 100 % one-sided.
export const ASYMMETRY_FORMULA = '(larger − smaller) / larger × 100, on |net impulse| per phase and on peak force';

export function sidePair(left: number, right: number): SidePair {
  const l = Math.abs(left);
  const r = Math.abs(right);
  const larger = Math.max(l, r);
  return {
    left,
    right,
    asymmetryPct: larger === 0 ? 0 : ((larger - Math.min(l, r)) / larger) * 100,
    larger: l === r ? 'equal' : l > r ? 'left' : 'right',
  };
}

/** A phase as sample indices [start, end] (inclusive end, the next phase starts there). */
export interface PhaseRange {
  name: JumpPhaseName;
  start: number;
  end: number;
}

// Per-phase and peak-force asymmetry. Each plate's net impulse subtracts its own quiet-standing force
// (`weightLeft`, `weightRight`, N) so that the unweighting and landing impulses are the limb's own.
export function jumpAsymmetry(
  left: Float64Array, // N, plate under the left foot (forces[0])
  right: Float64Array, // N, plate under the right foot (forces[1])
  rate: number, // Hz
  weightLeft: number, // N
  weightRight: number, // N
  phases: PhaseRange[], // unweighting, braking, propulsion, landing (others are skipped by the caller)
  peakRange: { start: number; end: number }, // [start, end) before take-off
  landingRange: { start: number; end: number } | null, // [start, end]
): JumpAsymmetry {
  const total = weightLeft + weightRight;
  const out: PhaseAsymmetry[] = phases.map((p) => ({
    phase: p.name,
    impulse: sidePair(netImpulse(left, rate, weightLeft, p.start, p.end), netImpulse(right, rate, weightRight, p.start, p.end)),
    peakForce: sidePair(peak(left, p.start, p.end + 1), peak(right, p.start, p.end + 1)),
  }));
  return {
    formula: ASYMMETRY_FORMULA,
    weighingSharePct: { left: total > 0 ? (weightLeft / total) * 100 : 50, right: total > 0 ? (weightRight / total) * 100 : 50 },
    phases: out,
    peakForce: sidePair(peak(left, peakRange.start, peakRange.end), peak(right, peakRange.start, peakRange.end)),
    landingPeakForce: landingRange
      ? sidePair(peak(left, landingRange.start, landingRange.end + 1), peak(right, landingRange.start, landingRange.end + 1))
      : null,
  };
}

// ∫(F − W) dt over samples [start, end] by trapezoids, N·s.
function netImpulse(force: Float64Array, rate: number, weight: number, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += (force[i] + force[i + 1]) / 2 - weight;
  return sum / rate;
}

function peak(force: Float64Array, start: number, end: number): number {
  let m = -Infinity;
  for (let i = start; i < end; i++) if (force[i] > m) m = force[i];
  return Number.isFinite(m) ? m : 0;
}
