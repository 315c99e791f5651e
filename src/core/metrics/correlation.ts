// Pearson correlation and the correlation matrix of several columns (pairwise-complete observations).

/** Pearson's r of paired values, skipping pairs with a NaN; NaN when fewer than 2 pairs or a constant side. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = Math.min(x.length, y.length);
  let count = 0, mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    count++;
    mx += (x[i] - mx) / count;
    my += (y[i] - my) / count;
  }
  if (count < 2) return NaN;
  let sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** d × d row-major Pearson correlation matrix of `columns` (each rows long). */
export function correlationMatrix(columns: ArrayLike<number>[]): Float64Array {
  const d = columns.length;
  const r = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    r[i * d + i] = 1;
    for (let j = i + 1; j < d; j++) {
      const v = pearson(columns[i], columns[j]);
      r[i * d + j] = v;
      r[j * d + i] = v;
    }
  }
  return r;
}

/** Mean and sample standard deviation (n − 1) of the non-NaN values. */
export function meanAndSd(values: ArrayLike<number>): { mean: number; sd: number; count: number } {
  let count = 0, mean = 0, m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    count++;
    const delta = v - mean;
    mean += delta / count;
    m2 += delta * (v - mean);
  }
  return { mean: count > 0 ? mean : NaN, sd: count > 1 ? Math.sqrt(m2 / (count - 1)) : NaN, count };
}
