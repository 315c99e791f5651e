// Piecewise-linear vertical force curves with breakpoints on sample instants: the trapezoidal rule is
// exact for them, so the take-off velocity follows analytically from the breakpoints.
export type Breakpoints = [number, number][]; // [time s, force N], increasing times

export function sampleBreakpoints(points: Breakpoints, rate: number, duration: number): Float64Array {
  const n = Math.round(duration * rate);
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    while (k < points.length - 2 && t > points[k + 1][0]) k++;
    const [t0, f0] = points[k];
    const [t1, f1] = points[k + 1];
    out[i] = t <= t0 ? f0 : t >= t1 ? f1 : f0 + ((f1 - f0) * (t - t0)) / (t1 - t0);
  }
  return out;
}

/** Exact ∫(F − bw) dt between the first and last breakpoint, N·s. */
export function netImpulse(points: Breakpoints, bw: number): number {
  let j = 0;
  for (let k = 0; k + 1 < points.length; k++) j += ((points[k][1] + points[k + 1][1]) / 2 - bw) * (points[k + 1][0] - points[k][0]);
  return j;
}
