// inspectTrial: a JSON summary of any Trial (format, points, analogs, plates, events, warnings), optionally with
// the values of chosen frames. Shape (other tools rely on it):
// {format, processor?, storage?, points?: {count, rate, frames, firstFrame, units, labels}, analogs?: {count, rate,
//  labels, units}, forcePlates?: [{type, corners, origin}], events?: [{label, context, time}], warnings,
//  frames?: [{index, points: [[x,y,z]|null…], analogs: [[subframe values…]…], forcePlates: [{force, moment, cop}]}]}
// Points, corners, origin and COP are in the file's length units; forces in N, moments in N·m.
import type { Trial } from '../model/trial';
import { KinetwinError } from '../errors';
import { forcePlateOutputs, type ForcePlateOutputs } from '../forceplate/outputs';
import { lengthUnitsPerMetre } from '../formats/c3d/units';
import { float32Json } from './shortest';

export interface InspectOptions {
  frames?: number[]; // 0-based frame indices into the data
}

type Json = Record<string, unknown>;

export function inspectTrial(trial: Trial, options: InspectOptions = {}): Json {
  const m = trial.metadata;
  const units = trial.points?.originalUnits ?? 'mm';
  const perMetre = lengthUnitsPerMetre(units) ?? 1000;
  const length = (x: number): number | null => float32Json(x * perMetre);
  const out: Json = { format: m.format };
  if (m.processor) out.processor = m.processor;
  if (m.storage) out.storage = m.storage;
  const p = trial.points;
  if (p) {
    out.points = { count: p.labels.length, rate: p.rate, frames: p.frames, firstFrame: p.firstFrame, units: p.originalUnits, labels: p.labels };
  }
  const a = trial.analogs;
  if (a) out.analogs = { count: a.labels.length, rate: a.rate, labels: a.labels, units: a.units };
  if (m.format === 'c3d' || trial.forcePlates.length > 0) {
    out.forcePlates = trial.forcePlates.map((fp) => ({
      type: fp.type,
      corners: [0, 1, 2, 3].map((k) => [0, 1, 2].map((j) => length(fp.corners[k * 3 + j]))),
      origin: [0, 1, 2].map((j) => length(fp.origin[j])),
    }));
  }
  if (m.format === 'c3d' || trial.events.length > 0) {
    out.events = trial.events.map((e) => ({ label: e.label, context: e.context, time: float32Json(e.time) }));
  }
  out.warnings = m.warnings;
  if (options.frames) out.frames = inspectFrames(trial, options.frames, length);
  return out;
}

function inspectFrames(trial: Trial, indices: number[], length: (x: number) => number | null): Json[] {
  const p = trial.points;
  const a = trial.analogs;
  const frameCount = p ? p.frames : a ? a.samples : 0;
  const subframes = a && frameCount > 0 ? Math.max(1, Math.round(a.samples / frameCount)) : 1;
  let plates: ForcePlateOutputs[] | null = null;
  return indices.map((index) => {
    if (!Number.isInteger(index) || index < 0 || index >= frameCount) {
      throw new KinetwinError(`frame ${index} is outside 0..${frameCount - 1}`);
    }
    const frame: Json = { index };
    if (p) {
      const P = p.labels.length;
      frame.points = p.labels.map((_, i) => {
        const o = (index * P + i) * 3;
        const x = p.data[o];
        if (x !== x) return null;
        return [length(x), length(p.data[o + 1]), length(p.data[o + 2])];
      });
    }
    if (a) {
      const s0 = index * subframes;
      frame.analogs = a.channels.map((ch) => Array.from(ch.subarray(s0, s0 + subframes), (v) => float32Json(v)));
    }
    if (trial.forcePlates.length > 0 && a) {
      plates ??= trial.forcePlates.map((_, i) => forcePlateOutputs(trial, i));
      const s = index * subframes;
      frame.forcePlates = plates.map((o) => ({
        force: [0, 1, 2].map((j) => float32Json(o.force[s * 3 + j])),
        moment: [0, 1, 2].map((j) => float32Json(o.moment[s * 3 + j])),
        cop: Number.isNaN(o.cop[s * 3]) ? null : [0, 1, 2].map((j) => length(o.cop[s * 3 + j])),
      }));
    }
    return frame;
  });
}
