// Gait events from kinematics alone, for treadmill and overground walking alike: heel strike at the most anterior
// heel position relative to the pelvis, toe-off at the most posterior toe position (Zeni et al. 2008, Gait Posture
// 27:710). Times are refined below the frame interval by a parabola through the extremum and its neighbours.

/** Horizontal walking direction (unit, lab Y up): principal axis of the heel's horizontal motion relative to the
 * pelvis, signed to agree with the pelvis' anterior axis. `rel`: frames × 3 (heel − pelvis, m); `anterior`: 3. */
export function progressionDirection(rel: Float64Array, anterior: ArrayLike<number>): [number, number, number] {
  const n = rel.length / 3;
  let mx = 0, mz = 0;
  for (let f = 0; f < n; f++) { mx += rel[f * 3]; mz += rel[f * 3 + 2]; }
  mx /= n; mz /= n;
  let sxx = 0, sxz = 0, szz = 0;
  for (let f = 0; f < n; f++) {
    const x = rel[f * 3] - mx, z = rel[f * 3 + 2] - mz;
    sxx += x * x; sxz += x * z; szz += z * z;
  }
  const theta = 0.5 * Math.atan2(2 * sxz, sxx - szz); // major axis of the 2 × 2 covariance
  let dx = Math.cos(theta), dz = Math.sin(theta);
  if (dx * anterior[0] + dz * anterior[2] < 0) { dx = -dx; dz = -dz; }
  return [dx, 0, dz];
}

/** Frame times (fractional frames) of the local maxima of `s` that are the largest within ±`halfWindow` frames,
 * refined by a parabola; endpoints never count (the extremum may lie outside the recording). */
export function peakFrames(s: Float64Array, halfWindow: number): number[] {
  const out: number[] = [];
  for (let f = 1; f < s.length - 1; f++) {
    const v = s[f];
    if (!(v >= s[f - 1] && v > s[f + 1])) continue;
    let isMax = true;
    for (let g = Math.max(0, f - halfWindow); g <= Math.min(s.length - 1, f + halfWindow) && isMax; g++) if (s[g] > v) isMax = false;
    if (!isMax) continue;
    const a = s[f - 1], c = s[f + 1], den = a - 2 * v + c;
    out.push(den < 0 ? f + (0.5 * (a - c)) / den : f);
  }
  return out;
}

/** Heel strikes (from heel − pelvis along `dir`) or toe-offs (from −(toe − pelvis)) in fractional frames. */
export function gaitEventFrames(rel: Float64Array, dir: ArrayLike<number>, sign: 1 | -1, rate: number): number[] {
  const n = rel.length / 3;
  const s = new Float64Array(n);
  for (let f = 0; f < n; f++) s[f] = sign * (rel[f * 3] * dir[0] + rel[f * 3 + 1] * dir[1] + rel[f * 3 + 2] * dir[2]);
  return peakFrames(s, Math.max(1, Math.round(0.35 * rate))); // strides last > 0.7 s in walking
}
