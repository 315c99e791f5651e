// One number for how physically consistent a tracked motion is. Each criterion x_k is scored against its "good"
// threshold t_k as s_k = 1 / (1 + (x_k / t_k)²) (1 when perfect, ½ at the threshold, → 0 far beyond), and the score
// is 100 × the geometric mean of the s_k present: one bad criterion drags it down without zeroing it.
// Thresholds: root residual force RMS 5 % BW and moment RMS 1 % BW·height — the "good" residual levels of OpenSim's
// best practices (Hicks et al. 2015, J Biomech Eng 137:020905: residual force ≲ 5 % of the peak external force,
// moment ≲ 1 % of CoM height × that force); vertical GRF RMSE 0.1 BW (≈ the spread between repeated walking trials);
// joint tracking RMS 5°; joint-limit excursion 5°; foot penetration beyond the pads' static deflection 1 cm.

export interface ConsistencyCriteria {
  residualForcePctBw: number; // RMS |root residual force|, % BW
  residualMomentPctBwH: number; // RMS |root residual moment|, % BW × stature
  grfRmseBw?: number | null; // simulated vs measured vertical GRF, BW (absent/null/NaN: not scored)
  trackingErrorDeg: number; // RMS joint-angle error, deg
  jointLimitViolationDeg: number; // largest excursion beyond a joint limit, deg
  excessPenetrationM: number; // deepest foot penetration beyond the static pad deflection, m (≤ 0: none)
}

export const CONSISTENCY_THRESHOLDS = {
  residualForcePctBw: 5, residualMomentPctBwH: 1, grfRmseBw: 0.1, trackingErrorDeg: 5, jointLimitViolationDeg: 5, excessPenetrationM: 0.01,
} as const;

/** 0–100 physics-consistency score (see the file comment); NaN criteria count as failed (score term 0). */
export function consistencyScore(c: ConsistencyCriteria): number {
  const T = CONSISTENCY_THRESHOLDS;
  const terms: [number, number][] = [
    [c.residualForcePctBw, T.residualForcePctBw],
    [c.residualMomentPctBwH, T.residualMomentPctBwH],
    [c.trackingErrorDeg, T.trackingErrorDeg],
    [Math.max(0, c.jointLimitViolationDeg), T.jointLimitViolationDeg],
    [Math.max(0, c.excessPenetrationM), T.excessPenetrationM],
  ];
  if (c.grfRmseBw !== undefined && c.grfRmseBw !== null && !Number.isNaN(c.grfRmseBw)) terms.push([c.grfRmseBw, T.grfRmseBw]);
  let logSum = 0;
  for (const [x, t] of terms) {
    const s = Number.isFinite(x) ? 1 / (1 + (x / t) ** 2) : 0;
    if (s === 0) return 0;
    logSum += Math.log(s);
  }
  return 100 * Math.exp(logSum / terms.length);
}
