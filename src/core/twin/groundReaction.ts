// Ground reactions for inverse dynamics: resampling force-plate channels to the kinematic frames and
// assigning each plate's load, frame by frame, to the foot standing on it (the foot whose centre of mass is
// horizontally closest to the centre of pressure while the vertical force exceeds a threshold).
import { KinetwinError } from '../errors';
import type { ExternalLoad } from './inverseDynamics';
import type { BodyModel } from './model';
import { segmentMotion } from './segmentMotion';

export interface PlateSeries {
  force: Float64Array; // frames × 3, N, model lab frame (Y up)
  cop: Float64Array; // frames × 3, m, centre of pressure
  moment: Float64Array; // frames × 3, N·m, free moment
}

/** Linear interpolation of a samples × width buffer at the times `at` (s); NaN outside [t₀, t_end]. */
export function resample(time: Float64Array, data: Float64Array, width: number, at: Float64Array): Float64Array {
  if (data.length !== time.length * width) throw new KinetwinError('resample: data must be samples × width');
  const out = new Float64Array(at.length * width).fill(NaN);
  let j = 0;
  for (let i = 0; i < at.length; i++) {
    const t = at[i];
    if (!(t >= time[0] && t <= time[time.length - 1])) continue;
    while (j < time.length - 2 && time[j + 1] < t) j++;
    const t0 = time[j], t1 = time[j + 1] ?? t0, u = t1 > t0 ? (t - t0) / (t1 - t0) : 0;
    for (let k = 0; k < width; k++) out[i * width + k] = data[j * width + k] * (1 - u) + data[Math.min(j + 1, time.length - 1) * width + k] * u;
  }
  return out;
}

/**
 * One load per foot (foot_r, foot_l) summing the plates each foot stands on; a plate's load counts while its
 * vertical force exceeds `thresholdN`. Loads are expressed as force + moment about the lab origin.
 */
export function assignGroundReactions(model: BodyModel, coordinates: Float64Array, rate: number, plates: PlateSeries[], thresholdN = 20): ExternalLoad[] {
  const n = model.coordinates.length, frames = coordinates.length / n, ns = model.segments.length;
  const feet = ['foot_r', 'foot_l'].map((name) => model.segments.findIndex((s) => s.name === name));
  if (feet.some((i) => i < 0)) throw new KinetwinError('model has no foot_r / foot_l segments');
  const mo = segmentMotion(model, coordinates, rate);
  const loads = feet.map((s) => ({ segment: model.segments[s].name, force: new Float64Array(frames * 3), moment: new Float64Array(frames * 3) }));
  for (const p of plates) {
    if (p.force.length !== frames * 3 || p.cop.length !== frames * 3 || p.moment.length !== frames * 3)
      throw new KinetwinError(`plate series must be frames × 3 (${frames} frames)`);
    for (let f = 0; f < frames; f++) {
      const F = p.force.subarray(f * 3, f * 3 + 3), r = p.cop.subarray(f * 3, f * 3 + 3);
      if (!(F[1] > thresholdN) || !r.every(Number.isFinite)) continue;
      let best = -1, bestD = Infinity;
      feet.forEach((s, k) => {
        const c = (f * ns + s) * 3, d = Math.hypot(mo.com[c] - r[0], mo.com[c + 2] - r[2]);
        if (d < bestD) { bestD = d; best = k; }
      });
      if (best < 0) continue;
      const L = loads[best];
      for (let k = 0; k < 3; k++) L.force[f * 3 + k] += F[k];
      // moment about the origin: r × F + T
      L.moment[f * 3] += r[1] * F[2] - r[2] * F[1] + p.moment[f * 3];
      L.moment[f * 3 + 1] += r[2] * F[0] - r[0] * F[2] + p.moment[f * 3 + 1];
      L.moment[f * 3 + 2] += r[0] * F[1] - r[1] * F[0] + p.moment[f * 3 + 2];
    }
  }
  return loads;
}
