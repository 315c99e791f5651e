// Which lab axis is vertical in a full-body marker set: the axis along which the markers spread most in a
// frame (head to toe ≈ 1.7 m, against ≈ 0.3–0.5 m front-to-back and side-to-side), median over frames.

import type { UpAxis } from '../../model/trial';

/** Median per-frame marker extent along x, y, z (metres; NaN markers skipped; ≤ 200 frames sampled). */
export function markerExtents(data: Float32Array, frames: number, markers: number): [number, number, number] {
  const step = Math.max(1, Math.floor(frames / 200));
  const per: number[][] = [[], [], []];
  for (let f = 0; f < frames; f += step) {
    for (let a = 0; a < 3; a++) {
      let lo = Infinity;
      let hi = -Infinity;
      let seen = 0;
      for (let m = 0; m < markers; m++) {
        const v = data[(f * markers + m) * 3 + a];
        if (Number.isNaN(v)) continue;
        seen++;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (seen >= 4) per[a].push(hi - lo);
    }
  }
  return per.map((xs) => {
    if (xs.length === 0) return Number.NaN;
    xs.sort((p, q) => p - q);
    return xs[Math.floor(xs.length / 2)];
  }) as [number, number, number];
}

/** The vertical axis when one axis's extent is at least 1.5 × both others and 1–2.5 m (a standing body), else null. */
export function guessUpAxis(data: Float32Array, frames: number, markers: number): UpAxis | null {
  if (markers < 8) return null;
  const e = markerExtents(data, frames, markers);
  for (let a = 0; a < 3; a++) {
    const others = [0, 1, 2].filter((b) => b !== a).map((b) => e[b]);
    if (e[a] >= 1 && e[a] <= 2.5 && others.every((o) => e[a] >= 1.5 * o)) return (['x', 'y', 'z'] as const)[a];
  }
  return null;
}
