import { KinetwinError } from '../errors';

/** Transfer function of a digital filter: y[n] = Σ b[k]·x[n−k] − Σ_{k≥1} a[k]·y[n−k], with a[0] = 1. */
export interface FilterCoefficients {
  b: Float64Array; // order + 1 numerator coefficients
  a: Float64Array; // order + 1 denominator coefficients, a[0] = 1
}

// Digital Butterworth low-pass of `order` (1–8) by the bilinear transform with frequency pre-warping
// (Butterworth 1930; Winter, Biomechanics and Motor Control of Human Movement, 4th ed., 2009, §3.4.4).
// `warpScale` divides the pre-warped cutoff tan(π·fc/fs); 1 gives a single-pass filter that is −3 dB at
// `cutoff`; butterworthFiltFilt passes Winter's double-pass correction here. DC gain is exactly 1.
export function butterworthLowpassCoefficients(
  rate: number, // Hz
  cutoff: number, // Hz, 0 < cutoff < rate / 2
  order = 2,
  warpScale = 1,
): FilterCoefficients {
  if (!Number.isFinite(rate) || rate <= 0) throw new KinetwinError(`sampling rate must be a positive number, got ${rate}`);
  if (!Number.isFinite(cutoff) || cutoff <= 0 || cutoff >= rate / 2)
    throw new KinetwinError(`cutoff must be between 0 and the Nyquist frequency (${rate / 2} Hz), got ${cutoff}`);
  if (!Number.isInteger(order) || order < 1 || order > 8) throw new KinetwinError(`filter order must be an integer 1–8, got ${order}`);
  if (!Number.isFinite(warpScale) || warpScale <= 0) throw new KinetwinError(`warpScale must be positive, got ${warpScale}`);
  const k = Math.tan((Math.PI * cutoff) / rate) / warpScale; // pre-warped analog cutoff (rad/s with T = 2)
  let b: Float64Array = Float64Array.of(1);
  let a: Float64Array = Float64Array.of(1);
  // Conjugate pole pairs of the analog prototype give biquads; an odd order adds one real pole.
  for (let p = 0; p < Math.floor(order / 2); p++) {
    const theta = (Math.PI * (2 * p + 1)) / (2 * order);
    const c = 2 * Math.sin(theta); // s² + c·s + 1 section of the normalised prototype
    const d = 1 + c * k + k * k;
    b = convolve(b, Float64Array.of((k * k) / d, (2 * k * k) / d, (k * k) / d));
    a = convolve(a, Float64Array.of(1, (2 * (k * k - 1)) / d, (1 - c * k + k * k) / d));
  }
  if (order % 2 === 1) {
    const d = 1 + k;
    b = convolve(b, Float64Array.of(k / d, k / d));
    a = convolve(a, Float64Array.of(1, (k - 1) / d));
  }
  return { b, a };
}

// Polynomial product (coefficient convolution).
function convolve(x: Float64Array, y: Float64Array): Float64Array {
  const out = new Float64Array(x.length + y.length - 1);
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) out[i + j] += x[i] * y[j];
  return out;
}
