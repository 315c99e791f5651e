// Most stable window: the `length`-sample window inside [from, to) with the smallest standard deviation,
// found in O(n) with running sums (relative to the first sample, against cancellation). Ties go to the
// earliest window. Returns indices [start, end) and the window's mean and population SD.
export interface StableWindow {
  start: number;
  end: number;
  mean: number;
  sd: number;
}

export function stableWindow(signal: Float64Array, from: number, to: number, length: number): StableWindow {
  const ref = signal[from];
  let sum = 0;
  let sumSq = 0;
  for (let i = from; i < from + length; i++) {
    const d = signal[i] - ref;
    sum += d;
    sumSq += d * d;
  }
  let best = from;
  let bestVar = varianceOf(sum, sumSq, length);
  for (let start = from + 1; start + length <= to; start++) {
    const out = signal[start - 1] - ref;
    const inn = signal[start + length - 1] - ref;
    sum += inn - out;
    sumSq += inn * inn - out * out;
    const v = varianceOf(sum, sumSq, length);
    if (v < bestVar - 1e-12 * Math.abs(bestVar)) {
      bestVar = v;
      best = start;
    }
  }
  // Recompute the winner exactly (running sums drift over long records).
  let mean = 0;
  for (let i = best; i < best + length; i++) mean += signal[i];
  mean /= length;
  let sq = 0;
  for (let i = best; i < best + length; i++) sq += (signal[i] - mean) ** 2;
  return { start: best, end: best + length, mean, sd: Math.sqrt(sq / length) };
}

function varianceOf(sum: number, sumSq: number, n: number): number {
  return Math.max(0, sumSq / n - (sum / n) ** 2);
}
