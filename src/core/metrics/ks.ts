// Two-sample Kolmogorov–Smirnov statistic and SDMetrics' KSComplement = 1 − D (REFERENCE.md §6).

function sortedFinite(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[k++] = values[i];
  return out.sort();
}

/** D = sup_x |F_a(x) − F_b(x)| over the non-NaN values; NaN if either side is empty. */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = sortedFinite(a);
  const y = sortedFinite(b);
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) return NaN;
  let i = 0, j = 0, d = 0;
  while (i < n && j < m) {
    const v = Math.min(x[i], y[j]);
    while (i < n && x[i] === v) i++; // step past ties on both sides before comparing the CDFs
    while (j < m && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  return d;
}

/** 1 − KS statistic: 1 when the two empirical distributions coincide, 0 when they do not overlap. */
export function ksComplement(real: ArrayLike<number>, synthetic: ArrayLike<number>): number {
  return 1 - ksStatistic(real, synthetic);
}
