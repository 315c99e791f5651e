import { createStore } from 'zustand/vanilla';
import type { ResponseOf } from '../../../backend/api/types';
import { decodeFloat32 } from '../api/decode';

// The built twin of the Twin workspace, decoded once: the skeleton is read transiently by the 3D loop.
export interface TwinData {
  staticTrialId: number;
  dynamicTrialId: number;
  frames: number;
  rate: number; // Hz
  markerSet: string;
  segments: string[];
  parents: number[];
  joints: Float32Array; // frames × segments × 3, m, the dynamic trial's lab frame
  ends: Float32Array; // frames × segments × 3, m
  coordinateNames: string[];
  angles: Float32Array; // frames × coordinates, degrees
  rmsErrorM: Float32Array; // frames, m
  meanRmsErrorM: number;
  warnings: string[];
  yUp: boolean; // the trial's lab is Y up (OpenSim TRC): the viewport (Z up) turns it upright
}

export interface TwinState {
  twin: TwinData | null;
  set(twin: TwinData | null): void;
}

export const twinStore = createStore<TwinState>((set) => ({ twin: null, set: (twin) => set({ twin }) }));

export function decodeTwin(r: ResponseOf<'twinAnalyzeTrials'>, staticTrialId: number, dynamicTrialId: number, yUp: boolean): TwinData {
  return {
    staticTrialId, dynamicTrialId, frames: r.frames, rate: r.rate, markerSet: r.markerSet, segments: r.segments, parents: r.parents,
    joints: decodeFloat32(r.joints), ends: decodeFloat32(r.ends), coordinateNames: r.coordinateNames, angles: decodeFloat32(r.angles),
    rmsErrorM: decodeFloat32(r.rmsErrorM), meanRmsErrorM: r.meanRmsErrorM, warnings: r.warnings, yUp,
  };
}

/** One coordinate's values over the frames (degrees), or null when the twin lacks it. */
export function coordinateSeries(t: TwinData, name: string): Float32Array | null {
  const c = t.coordinateNames.indexOf(name), n = t.coordinateNames.length;
  if (c < 0) return null;
  const out = new Float32Array(t.frames);
  for (let f = 0; f < t.frames; f++) out[f] = t.angles[f * n + c]!;
  return out;
}
