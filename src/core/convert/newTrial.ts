// Building blocks for the Trials the text importers produce.

import type { AnalogData, PointData, Trial, UpAxis } from '../model/trial';

/** A Trial with no points, analogs, plates or events. */
export function newTrial(format: string, upAxis: UpAxis, warnings: string[] = []): Trial {
  return { points: null, analogs: null, forcePlates: [], events: [], metadata: { format, upAxis, warnings } };
}

/** PointData for `labels` over `frames` frames (data: frames × points × 3, metres; residuals 0 = valid, -1 where NaN). */
export function newPointData(labels: string[], frames: number, rate: number, originalUnits: string, data: Float32Array, firstFrame = 1): PointData {
  const count = labels.length;
  const residuals = new Float32Array(frames * count);
  for (let i = 0; i < frames * count; i++) {
    if (Number.isNaN(data[i * 3]) || Number.isNaN(data[i * 3 + 1]) || Number.isNaN(data[i * 3 + 2])) residuals[i] = -1;
  }
  return {
    labels, descriptions: labels.map(() => ''), rate, frames, firstFrame, originalUnits,
    data, residuals, cameraMasks: new Uint8Array(frames * count),
  };
}

/** AnalogData from named channels (each `samples` long, in `units`). */
export function newAnalogData(labels: string[], units: string[], rate: number, channels: Float32Array[], descriptions?: string[]): AnalogData {
  return {
    labels, descriptions: descriptions ?? labels.map(() => ''), units, rate,
    samples: channels.length > 0 ? channels[0].length : 0, channels,
  };
}
