// Runs a drop landing in the landing Web Worker and keeps its streamed frames in a framework-free store the 3D view
// reads every animation frame (no React state per frame). Falls back to the backend API where Workers or WebAssembly
// are unavailable.
import { createStore } from 'zustand/vanilla';
import type { SegmentInfo } from '../../../core/physics/stream';
import { FLOATS_PER_SEGMENT } from '../../../core/physics/stream';
import { getClient } from '../api/client';
import type { LandingMessage, LandingRequest, LandingSummary } from './landingProtocol';

export interface LiveLandingState {
  segments: SegmentInfo[];
  frameRate: number; // Hz of the kept frames
  bodyWeightN: number;
  frames: Float32Array; // frames × segments × 10 (see core/physics/stream.ts), grows as batches arrive
  count: number; // frames received
  engine: 'web worker' | 'backend' | null;
}

export const liveLanding = createStore<LiveLandingState>(() => ({ segments: [], frameRate: 0, bodyWeightN: 0, frames: new Float32Array(0), count: 0, engine: null }));

function append(s: LiveLandingState, frames: Float32Array, count: number): Partial<LiveLandingState> {
  const size = s.segments.length * FLOATS_PER_SEGMENT;
  let buf = s.frames;
  if ((s.count + count) * size > buf.length) {
    buf = new Float32Array(Math.max((s.count + count) * size, buf.length * 2));
    buf.set(s.frames.subarray(0, s.count * size));
  }
  buf.set(frames.subarray(0, count * size), s.count * size);
  return { frames: buf, count: s.count + count };
}

let current: { worker: Worker; reject: (e: Error) => void } | null = null;

/** Stops a running landing: the worker is terminated and its promise rejects with 'cancelled'. */
export function cancelLanding(): void {
  if (!current) return;
  current.worker.terminate();
  current.reject(new Error('cancelled'));
  current = null;
}

/** Simulates in a Web Worker, streaming frames into `liveLanding`; resolves with the summary. */
export function runLanding(input: Omit<LandingRequest, 'every'>, onProgress?: (fraction: number) => void): Promise<LandingSummary> {
  cancelLanding();
  liveLanding.setState({ segments: [], frames: new Float32Array(0), count: 0, engine: null });
  if (typeof Worker === 'undefined' || typeof WebAssembly === 'undefined') return viaBackend(input);
  const worker = new Worker(new URL('./landing.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<LandingSummary>((resolve, reject) => {
    current = { worker, reject };
    const finish = () => {
      worker.terminate();
      if (current?.worker === worker) current = null;
    };
    worker.onmessage = (e: MessageEvent<LandingMessage>) => {
      const m = e.data;
      if (m.type === 'model') liveLanding.setState({ segments: m.segments, frameRate: m.frameRate, bodyWeightN: m.bodyWeightN, engine: 'web worker' });
      else if (m.type === 'frames') liveLanding.setState((s) => append(s, m.frames, m.count));
      else if (m.type === 'progress') onProgress?.(m.fraction);
      else {
        finish();
        if (m.type === 'done') resolve(m.summary);
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish();
      viaBackend(input).then(resolve, reject); // the worker could not start (e.g. blocked WebAssembly): same run on the backend
    };
    worker.postMessage({ ...input, every: 2 } satisfies LandingRequest); // 1 ms steps → 500 Hz frames
  });
}

async function viaBackend(input: Omit<LandingRequest, 'every'>): Promise<LandingSummary> {
  const r = await getClient().call('simulateLanding', input);
  liveLanding.setState({ engine: 'backend' });
  return r;
}
