// Gap filling of a frames × channels array: NaN runs are linearly interpolated between the finite neighbours,
// held at the nearest finite value at the ends; channels never finite become 0.

/** Fills NaN in place (data: frames × width). Returns the channels that were NaN in every frame (now 0). */
export function fillGaps(data: Float64Array, width: number, frames: number): number[] {
  const never: number[] = [];
  for (let c = 0; c < width; c++) {
    let prev = -1; // last finite frame
    for (let f = 0; f <= frames; f++) {
      const finite = f < frames && Number.isFinite(data[f * width + c]);
      if (f < frames && !finite) continue;
      const gapStart = prev + 1;
      if (f - gapStart > 0) {
        for (let g = gapStart; g < f; g++) {
          if (prev < 0 && f >= frames) data[g * width + c] = 0;
          else if (prev < 0) data[g * width + c] = data[f * width + c];
          else if (f >= frames) data[g * width + c] = data[prev * width + c];
          else { const a = (g - prev) / (f - prev); data[g * width + c] = (1 - a) * data[prev * width + c] + a * data[f * width + c]; }
        }
      }
      if (prev < 0 && f >= frames) never.push(c);
      prev = f;
    }
  }
  return never;
}
