import type { FilterCoefficients } from './butterworthLowpassCoefficients';

// Runs a filter in direct form II transposed over x[from..to) into out (same indices), in the given
// direction (+1 forward, −1 backward). The state starts at the steady state for a constant input equal
// to the first value met (so a constant stays constant; needs DC gain 1, true of the low-pass here).
// `state` is scratch of length ≥ order. Allocation-free.
export function lfilter(
  { b, a }: FilterCoefficients,
  x: Float64Array,
  out: Float64Array,
  from: number,
  to: number,
  direction: 1 | -1,
  state: Float64Array,
): void {
  const order = a.length - 1;
  if (to <= from) return;
  const first = direction === 1 ? from : to - 1;
  const x0 = x[first];
  // Steady state of DF-II-T for x = y = x0: z[i] = Σ_{j>i} (b[j] − a[j])·x0.
  let acc = 0;
  for (let i = order - 1; i >= 0; i--) {
    acc += (b[i + 1] - a[i + 1]) * x0;
    state[i] = acc;
  }
  for (let step = 0, i = first; step < to - from; step++, i += direction) {
    const xi = x[i];
    const yi = b[0] * xi + (order > 0 ? state[0] : 0);
    for (let j = 0; j < order - 1; j++) state[j] = b[j + 1] * xi + state[j + 1] - a[j + 1] * yi;
    if (order > 0) state[order - 1] = b[order] * xi - a[order] * yi;
    out[i] = yi;
  }
}
