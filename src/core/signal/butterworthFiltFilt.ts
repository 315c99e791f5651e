import { KinetwinError } from '../errors';
import { butterworthLowpassCoefficients } from './butterworthLowpassCoefficients';
import { lfilter } from './lfilter';

// Zero-lag Butterworth low-pass: a Butterworth of order/2 run forward then backward (order 4 = the
// 2nd-order filter twice, Winter 2009, Biomechanics and Motor Control of Human Movement, §3.4.4).
// The double pass squares the gain, so the pre-warped cutoff is divided by Winter's correction
// C = (2^(1/2) − 1)^(1/order) — applied exactly in the warped domain — making the whole zero-lag filter
// −3 dB (amplitude × 1/√2) at `cutoff`, not −6 dB. Each end is padded by an odd reflection
// (2·x₀ − x[k], max(3·(order+1), 2·rate/cutoff) samples, fewer when the run is shorter) and the
// filter state starts at steady state, which tames edge transients and keeps a constant or a line
// unchanged. NaN: each run of finite samples is filtered on its own; non-finite samples stay NaN.
export function butterworthFiltFilt(
  signal: Float64Array, // n samples
  rate: number, // Hz
  cutoff: number, // Hz, −3 dB point of the zero-lag filter
  order = 4, // total order of the zero-lag filter: even, 2–16
): Float64Array {
  if (!Number.isInteger(order) || order < 2 || order > 16 || order % 2 !== 0)
    throw new KinetwinError(`zero-lag Butterworth order must be even, 2–16, got ${order}`);
  const passOrder = order / 2;
  const coefficients = butterworthLowpassCoefficients(rate, cutoff, passOrder, Math.pow(Math.SQRT2 - 1, 1 / order));
  const n = signal.length;
  const out = new Float64Array(n);
  const maxPad = Math.min(n, Math.max(3 * (order + 1), Math.ceil((2 * rate) / cutoff))); // two cutoff periods
  const work = new Float64Array(n + 2 * maxPad); // padded run, reused for every run
  const state = new Float64Array(passOrder);
  let i = 0;
  while (i < n) {
    if (!Number.isFinite(signal[i])) {
      out[i++] = NaN;
      continue;
    }
    let end = i;
    while (end < n && Number.isFinite(signal[end])) end++;
    filterRun(signal, i, end, Math.min(maxPad, end - i - 1), coefficients, work, state, out);
    i = end;
  }
  return out;
}

// Filters signal[from..to) (all finite) into out[from..to), padding `pad` reflected samples each side.
function filterRun(
  signal: Float64Array,
  from: number,
  to: number,
  pad: number,
  coefficients: ReturnType<typeof butterworthLowpassCoefficients>,
  work: Float64Array,
  state: Float64Array,
  out: Float64Array,
): void {
  const length = to - from;
  const first = signal[from];
  const last = signal[to - 1];
  for (let k = 0; k < pad; k++) work[k] = 2 * first - signal[from + pad - k];
  for (let k = 0; k < length; k++) work[pad + k] = signal[from + k];
  for (let k = 0; k < pad; k++) work[pad + length + k] = 2 * last - signal[to - 2 - k];
  const total = length + 2 * pad;
  lfilter(coefficients, work, work, 0, total, 1, state);
  lfilter(coefficients, work, work, 0, total, -1, state);
  for (let k = 0; k < length; k++) out[from + k] = work[pad + k];
}
