import { KinetwinError } from '../errors';

// Running integral of a uniformly sampled signal by the trapezoidal rule (units of signal × s):
// out[0] = initial, out[i] = out[i−1] + (x[i−1] + x[i]) / (2·rate). Same length as the input.
// A NaN sample makes every later value NaN (the integral is undefined past a gap).
export function cumulativeTrapezoid(signal: Float64Array, rate: number, initial = 0): Float64Array {
  if (!Number.isFinite(rate) || rate <= 0) throw new KinetwinError(`sampling rate must be a positive number, got ${rate}`);
  const n = signal.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const halfStep = 0.5 / rate;
  let acc = initial;
  out[0] = acc;
  for (let i = 1; i < n; i++) {
    acc += (signal[i - 1] + signal[i]) * halfStep;
    out[i] = acc;
  }
  return out;
}
