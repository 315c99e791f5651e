// Take-off and landing from vertical force: the plate is unloaded while F < threshold
// (McMahon et al. 2018; threshold max(20 N, 5 SD of the unloaded plate), REFERENCE §3).

/** First run of at least `minSamples` samples below `threshold` that starts at or after `from`: [start, end). */
export function findUnloadedRun(
  force: Float64Array, // N
  from: number,
  threshold: number, // N
  minSamples: number,
): { start: number; end: number } | null {
  const n = force.length;
  let i = from;
  while (i < n) {
    if (force[i] >= threshold) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && force[end] < threshold) end++;
    if (end - i >= minSamples) return { start: i, end };
    i = end;
  }
  return null;
}

/** Mean and SD of the plate while unloaded: the run's inner part (edges of `trim` samples left out). */
export function unloadedStats(force: Float64Array, start: number, end: number, trim: number): { mean: number; sd: number } {
  let a = start + trim;
  let b = end - trim;
  if (b - a < 3) {
    a = start;
    b = end;
  }
  let mean = 0;
  for (let i = a; i < b; i++) mean += force[i];
  mean /= b - a;
  let sq = 0;
  for (let i = a; i < b; i++) sq += (force[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(sq / (b - a)) };
}

/** First sample at or after `from` with force ≥ threshold (the plate loaded), or −1. */
export function firstLoaded(force: Float64Array, from: number, threshold: number): number {
  for (let i = from; i < force.length; i++) if (force[i] >= threshold) return i;
  return -1;
}
