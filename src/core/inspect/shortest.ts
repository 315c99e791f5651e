/** Shortest decimal that reads back as the same float32 (e.g. 389.71807861328125 → 389.71808); NaN → null. */
export function float32Json(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  const f = Math.fround(x);
  for (let p = 6; p < 10; p++) {
    const v = Number(f.toPrecision(p));
    if (Math.fround(v) === f) return v;
  }
  return f;
}
