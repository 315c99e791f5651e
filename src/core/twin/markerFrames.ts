// Reads a trial's marker trajectories into the model's lab frame (Y up, OpenSim convention): maps each
// model marker to the trial's label and rotates Z-up (C3D) or X-up labs so that the given up axis becomes +Y.
import { KinetwinError } from '../errors';
import type { Trial, UpAxis } from '../model/trial';
import { normalizeLabel } from './markerSets';
import type { BodyModel } from './model';

export interface MarkerTrajectories {
  frames: number;
  rate: number; // Hz
  startTime: number; // s, time of frame 0
  labels: string[]; // model marker names, model order
  found: Int32Array; // model marker → trial point index, −1 when the trial lacks it
  source: Float32Array; // the trial's frames × points × 3 buffer, metres
  points: number; // trial point count
  upAxis: UpAxis;
}

export function markerTrajectories(model: BodyModel, trial: Trial): MarkerTrajectories {
  const pts = trial.points;
  if (!pts || pts.frames === 0 || pts.labels.length === 0) throw new KinetwinError('trial has no marker trajectories');
  if (pts.data.length < pts.frames * pts.labels.length * 3) throw new KinetwinError('trial marker buffer is shorter than frames × points × 3');
  if (!(pts.rate > 0)) throw new KinetwinError(`trial marker rate must be positive, got ${pts.rate}`);
  const byName = new Map<string, number>();
  pts.labels.forEach((l, i) => {
    const k = normalizeLabel(l);
    if (!byName.has(k)) byName.set(k, i);
  });
  const found = Int32Array.from(model.markers, (m) => byName.get(m.name.toLowerCase()) ?? -1);
  return {
    frames: pts.frames, rate: pts.rate, startTime: Math.max(0, pts.firstFrame - 1) / pts.rate,
    labels: model.markers.map((m) => m.name), found, source: pts.data, points: pts.labels.length,
    upAxis: trial.metadata.upAxis ?? 'y',
  };
}

/** Model-lab (Y-up) positions of every model marker at `frame` into out (markers × 3, m); NaN when missing. */
export function readMarkerFrame(t: MarkerTrajectories, frame: number, out: Float64Array): void {
  const base = frame * t.points * 3;
  for (let m = 0; m < t.found.length; m++) {
    const i = t.found[m], o = m * 3;
    if (i < 0) {
      out[o] = out[o + 1] = out[o + 2] = NaN;
      continue;
    }
    const x = t.source[base + i * 3], y = t.source[base + i * 3 + 1], z = t.source[base + i * 3 + 2];
    if (t.upAxis === 'z') {
      out[o] = x; out[o + 1] = z; out[o + 2] = -y;
    } else if (t.upAxis === 'x') {
      out[o] = y; out[o + 1] = x; out[o + 2] = -z;
    } else {
      out[o] = x; out[o + 1] = y; out[o + 2] = z;
    }
  }
}
