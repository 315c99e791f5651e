// Summary quantiles and a fixed-bin histogram of a sample (type-7 linear interpolation, as numpy's default).

export interface Quantiles {
  count: number;
  mean: number;
  min: number;
  p05: number;
  p25: number;
  median: number;
  p75: number;
  p95: number;
  max: number;
}

/** Quantile p ∈ [0, 1] of ascending `sorted` (linear interpolation between order statistics); NaN if empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Median of the non-NaN values. */
export function median(values: ArrayLike<number>): number {
  return quantileSorted(Float64Array.from(values).filter((v) => !Number.isNaN(v)).sort(), 0.5);
}

/** Count, mean and quantiles of the non-NaN values. */
export function summarize(values: ArrayLike<number>): Quantiles {
  const s = Float64Array.from(values).filter((v) => !Number.isNaN(v)).sort();
  let sum = 0;
  for (const v of s) sum += v;
  return {
    count: s.length,
    mean: s.length ? sum / s.length : NaN,
    min: s.length ? s[0] : NaN,
    p05: quantileSorted(s, 0.05),
    p25: quantileSorted(s, 0.25),
    median: quantileSorted(s, 0.5),
    p75: quantileSorted(s, 0.75),
    p95: quantileSorted(s, 0.95),
    max: s.length ? s[s.length - 1] : NaN,
  };
}

export interface Histogram {
  lo: number;
  hi: number;
  counts: number[]; // bins equal-width over [lo, hi]; the last bin includes hi
}

/** Equal-width histogram of the finite values over [lo, hi]. */
export function histogram(values: ArrayLike<number>, bins: number, lo: number, hi: number): Histogram {
  const counts = new Array<number>(bins).fill(0);
  const width = hi > lo ? (hi - lo) / bins : 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || v < lo || v > hi) continue;
    counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  }
  return { lo, hi, counts };
}
