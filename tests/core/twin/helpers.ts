// Test helpers for the twin: trials from synthetic marker data, and the gait10dof18musc TRC files.
import { readFileSync } from 'node:fs';
import { readTrc } from '../../../src/core/formats/trc/read';
import type { Trial } from '../../../src/core/model/trial';
import { sharedData } from '../../helpers/shared';

export function makeTrial(labels: string[], data: Float32Array, rate: number, upAxis: 'y' | 'z' = 'y'): Trial {
  const frames = data.length / (labels.length * 3);
  return {
    points: {
      labels, descriptions: labels.map(() => ''), rate, frames, firstFrame: 1, originalUnits: 'm', data,
      residuals: new Float32Array(frames * labels.length), cameraMasks: new Uint8Array(frames * labels.length),
    },
    analogs: null, forcePlates: [], events: [], metadata: { format: 'synthetic', upAxis, warnings: [] },
  };
}

/** A TRC file of ../shared/data read by the project's TRC reader (OpenSim files: Y-up lab, mm → m). */
export function readTrcFile(...parts: string[]): Trial {
  return readTrc(readFileSync(sharedData(...parts), 'utf8'));
}

/** Deterministic N(0, σ²) samples (mulberry32 + Box–Muller) for noise in tests. */
export function gaussian(seed: number): (sigma: number) => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (sigma) => sigma * Math.sqrt(-2 * Math.log(uniform() + 1e-300)) * Math.cos(2 * Math.PI * uniform());
}

/** Columns of an OpenSim MOT/STO file (header up to `endheader`, then a label row and numbers). */
export function readMotColumns(...parts: string[]): Record<string, Float64Array> {
  const text = readFileSync(sharedData(...parts), 'utf8');
  const body = text.slice(text.indexOf('endheader') + 'endheader'.length).trim().split(/\r?\n/);
  const labels = body[0].trim().split(/\s+/);
  const rows = body.slice(1).filter((l) => l.trim()).map((l) => l.trim().split(/\s+/).map(Number));
  return Object.fromEntries(labels.map((l, i) => [l, Float64Array.from(rows, (r) => r[i])]));
}
