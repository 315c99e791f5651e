// A gait sample's files: joint angles as OpenSim MOT (the columns `analyze kinematics` writes: time, then every
// model coordinate, rotations in degrees), markers as OpenSim TRC (mm, lab Y up) with the strides' events.
import { writeMot } from '../formats/mot/write';
import { writeTrc } from '../formats/trc/write';
import type { Trial } from '../model/trial';
import type { BodyModel } from '../twin/model';
import type { GaitSample } from './gait-synth';

/** MOT text of the sample's coordinates (inDegrees=yes, translations in m). */
export function gaitMot(model: BodyModel, s: GaitSample, name: string): string {
  const nc = model.coordinates.length, w = nc + 1;
  const data = new Float64Array(s.frames * w);
  const k = Float64Array.from(model.coordinates, (c) => (c.kind === 'rotation' ? 180 / Math.PI : 1));
  for (let f = 0; f < s.frames; f++) {
    data[f * w] = s.time[f];
    for (let c = 0; c < nc; c++) data[f * w + 1 + c] = s.coordinates[f * nc + c] * k[c];
  }
  return writeMot({ name, version: 1, inDegrees: true, columns: ['time', ...model.coordinates.map((c) => c.name)], data, rows: s.frames, header: {}, warnings: [] });
}

/** The sample's markers as a Trial (metres, Y up, original units mm) with its gait events. */
export function gaitTrial(model: BodyModel, s: GaitSample): Trial {
  const P = model.markers.length;
  return {
    points: {
      labels: model.markers.map((m) => m.name), descriptions: model.markers.map(() => ''), rate: s.rate, frames: s.frames, firstFrame: 1,
      originalUnits: 'mm', data: s.markers, residuals: new Float32Array(s.frames * P), cameraMasks: new Uint8Array(s.frames * P),
    },
    analogs: null,
    forcePlates: [],
    events: s.events.map((e) => ({ label: e.label, context: e.context, time: e.time })),
    metadata: { format: 'trc', upAxis: 'y', warnings: [], software: 'Kinetwin (synthetic)' },
  };
}

/** TRC text of the sample's markers. */
export function gaitTrc(model: BodyModel, s: GaitSample, fileName: string): string {
  return writeTrc(gaitTrial(model, s), { fileName, units: 'mm' });
}
