// Deterministic mutations of real C3D files for fuzzing readC3d (used by fuzz.test.ts and bench/fuzz-io.ts):
// every case must return a Trial or throw KinetwinError, quickly, without allocating far more than its input.
import { readC3d } from '../../../../src/core/formats/c3d/read';
import { inspectTrial } from '../../../../src/core/inspect/inspect';
import { KinetwinError } from '../../../../src/core/errors';
import type { Trial } from '../../../../src/core/model/trial';

/** mulberry32: small deterministic PRNG returning [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIAL = [0x00, 0xff, 0x7f, 0x80, 0x01, 0xfe];

/** One mutated copy of `seed` bytes (strategy chosen by the PRNG). */
export function mutate(seed: Uint8Array, rnd: () => number): { bytes: Uint8Array; how: string } {
  const pick = (n: number): number => Math.floor(rnd() * n);
  const paramStart = Math.max(0, (seed[0] - 1) * 512);
  const strategy = pick(7);
  let b = seed.slice();
  let how = '';
  switch (strategy) {
    case 0: {
      const n = pick(b.length);
      b = b.slice(0, n);
      how = `truncate ${n}`;
      break;
    }
    case 1: {
      const k = 1 + pick(16);
      for (let i = 0; i < k; i++) b[pick(b.length)] ^= 1 << pick(8);
      how = `flip ${k} bits`;
      break;
    }
    case 2: {
      const k = 1 + pick(8);
      for (let i = 0; i < k; i++) b[pick(512)] = SPECIAL[pick(SPECIAL.length)];
      how = `header ${k} bytes`;
      break;
    }
    case 3: {
      const k = 1 + pick(12);
      for (let i = 0; i < k; i++) {
        const o = Math.min(b.length - 1, paramStart + pick(2048));
        b[o] = SPECIAL[pick(SPECIAL.length)];
      }
      how = `parameters ${k} bytes`;
      break;
    }
    case 4: {
      const o = Math.min(b.length - 2, (pick(2) === 0 ? 0 : paramStart) + 2 * pick(256));
      const v = [0x7fff, 0xffff, 0x0000, 0x8000, 0x0100][pick(5)];
      b[o] = v & 0xff;
      b[o + 1] = v >> 8;
      how = `word @${o} = ${v}`;
      break;
    }
    case 5: {
      const at = pick(b.length);
      const n = 1 + pick(600);
      if (pick(2) === 0) {
        const ins = new Uint8Array(n).map(() => pick(256));
        const out = new Uint8Array(b.length + n);
        out.set(b.subarray(0, at));
        out.set(ins, at);
        out.set(b.subarray(at), at + n);
        b = out;
        how = `insert ${n} @${at}`;
      } else {
        const cut = Math.min(n, b.length - at);
        const out = new Uint8Array(b.length - cut);
        out.set(b.subarray(0, at));
        out.set(b.subarray(at + cut), at);
        b = out;
        how = `delete ${n} @${at}`;
      }
      break;
    }
    default: {
      for (let i = 0; i < 4; i++) b[pick(Math.min(b.length, paramStart + 4096))] = pick(256);
      b = b.slice(0, b.length - pick(Math.min(b.length, 5000)));
      how = 'scramble + truncate';
    }
  }
  return { bytes: b, how };
}

export interface FuzzOutcome {
  result: 'trial' | 'rejected' | 'crash';
  ms: number;
  heldBytes: number; // typed-array bytes of the returned Trial
  message?: string;
}

/** Reads one case (and inspects its first frame); anything but a Trial or a KinetwinError is a crash. */
export function runCase(bytes: Uint8Array): FuzzOutcome {
  const t0 = performance.now();
  try {
    const trial = readC3d(bytes);
    const frames = trial.points?.frames ?? 0;
    try {
      inspectTrial(trial, frames > 0 ? { frames: [0, frames - 1] } : {});
    } catch (e) {
      if (!(e instanceof KinetwinError)) throw e;
    }
    return { result: 'trial', ms: performance.now() - t0, heldBytes: heldBytes(trial) };
  } catch (e) {
    const ms = performance.now() - t0;
    if (e instanceof KinetwinError) return { result: 'rejected', ms, heldBytes: 0, message: e.message };
    return { result: 'crash', ms, heldBytes: 0, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

function heldBytes(t: Trial): number {
  let n = 0;
  if (t.points) n += t.points.data.byteLength + t.points.residuals.byteLength + t.points.cameraMasks.byteLength;
  if (t.analogs) for (const c of t.analogs.channels) n += c.byteLength;
  return n;
}
