import { KinetwinError } from '../errors';

// First derivative of a uniformly sampled signal (units of signal per second): central differences
// (x[i+1] − x[i−1])·rate/2 inside, second-order one-sided differences at the ends
// ((−3x₀ + 4x₁ − x₂)·rate/2 and its mirror; first-order when only 2 samples). A single sample has no
// derivative (NaN). NaN samples make their neighbours' derivatives NaN.
export function derivative(signal: Float64Array, rate: number): Float64Array {
  if (!Number.isFinite(rate) || rate <= 0) throw new KinetwinError(`sampling rate must be a positive number, got ${rate}`);
  const n = signal.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  if (n === 1) {
    out[0] = NaN;
    return out;
  }
  if (n === 2) {
    out[0] = out[1] = (signal[1] - signal[0]) * rate;
    return out;
  }
  const half = rate / 2;
  for (let i = 1; i < n - 1; i++) out[i] = (signal[i + 1] - signal[i - 1]) * half;
  out[0] = (-3 * signal[0] + 4 * signal[1] - signal[2]) * half;
  out[n - 1] = (3 * signal[n - 1] - 4 * signal[n - 2] + signal[n - 3]) * half;
  return out;
}
