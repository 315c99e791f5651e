// Messages between the Simulation workspace and its landing Web Worker (landing.worker.ts).
import type { SegmentInfo } from '../../../core/physics/stream';

export interface LandingRequest {
  massKg: number;
  statureM: number;
  sex: 'f' | 'm';
  heightM: number;
  strategy: 'soft' | 'stiff';
  every: number; // keep every n-th 1 ms step for the view (e.g. 2 → 500 Hz)
}

/** The landing's scalars and series, as the `simulateLanding` API operation returns them. */
export interface LandingSummary {
  peakVerticalGrfBw: number;
  timeToPeakS: number;
  kneeFlexionPeakDeg: number;
  hipFlexionPeakDeg: number;
  penetrationMaxM: number;
  jointLimitViolationMaxDeg: number;
  fellAtS: number | null;
  sampleRate: number;
  series: Record<string, (number | null)[]>;
}

export type LandingMessage =
  | { type: 'model'; segments: SegmentInfo[]; frameRate: number; bodyWeightN: number }
  | { type: 'frames'; frames: Float32Array; count: number }
  | { type: 'progress'; fraction: number }
  | { type: 'done'; summary: LandingSummary }
  | { type: 'error'; message: string };
