// SDMetrics' TVComplement = 1 − ½ Σ_c |f_real(c) − f_syn(c)| over categories (REFERENCE.md §6).

function frequencies(values: readonly string[]): Map<string, number> {
  const f = new Map<string, number>();
  for (const v of values) f.set(v, (f.get(v) ?? 0) + 1);
  for (const [k, c] of f) f.set(k, c / values.length);
  return f;
}

/** 1 − total variation distance between category frequencies ('' counts as its own category); NaN if empty. */
export function tvComplement(real: readonly string[], synthetic: readonly string[]): number {
  if (real.length === 0 || synthetic.length === 0) return NaN;
  const fr = frequencies(real);
  const fs = frequencies(synthetic);
  let sum = 0;
  for (const [k, p] of fr) sum += Math.abs(p - (fs.get(k) ?? 0));
  for (const [k, q] of fs) if (!fr.has(k)) sum += q;
  return 1 - sum / 2;
}
