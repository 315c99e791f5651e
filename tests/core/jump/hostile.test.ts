import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeJump } from '../../../src/core/jump/analyzeJump';
import { KinetwinError } from '../../../src/core/errors';
import { readJumpFile } from './forceText';

// Either a report with finite numbers or a KinetwinError — never another exception, NaN or a hang.
function analyseOrReject(forces: Float64Array[], rate: number): void {
  try {
    const r = analyzeJump(forces, rate);
    for (const k of ['bodyWeightN', 'jumpHeight', 'takeoffVelocity', 'peakForceN', 'peakPowerW', 'rsiModified'] as const) expect(Number.isFinite(r[k])).toBe(true);
    expect(JSON.parse(JSON.stringify(r)).type).toBe(r.type);
  } catch (err) {
    expect(err).toBeInstanceOf(KinetwinError);
  }
}

describe('analyzeJump on hostile input', () => {
  it('turns random force curves and rates into a report or a KinetwinError', () => {
    fc.assert(
      fc.property(
        fc.float64Array({ maxLength: 3000, noDefaultInfinity: false }),
        fc.constantFrom(1, 10, 100, 1000, Number.NaN, -5, 0, 1e9),
        (force, rate) => analyseOrReject([force], rate),
      ),
      { numRuns: 200, seed: 42 },
    );
  });

  it('survives the real files cut at random points, scaled and with random spikes', () => {
    const [cmj] = readJumpFile('Single-CMJ-Fz.txt');
    const [dj] = readJumpFile('Single-DJ-Fz.txt');
    fc.assert(
      fc.property(
        fc.constantFrom(cmj, dj),
        fc.integer({ min: 0, max: 4999 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: -2, max: 5, noNaN: true }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4999 }), fc.double({ min: -1e4, max: 1e4, noNaN: true })), { maxLength: 5 }),
        (source, from, length, scale, spikes) => {
          const f = Float64Array.from(source.subarray(from, from + length), (v) => v * scale);
          for (const [i, v] of spikes) if (i < f.length) f[i] = v;
          analyseOrReject([f], 1000);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
