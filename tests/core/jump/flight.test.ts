import { describe, expect, it } from 'vitest';
import { findUnloadedRun, firstLoaded, unloadedStats } from '../../../src/core/jump/flight';

describe('flight detection helpers', () => {
  const f = Float64Array.from([700, 5, 700, 700, 3, 2, 4, 1, 2, 900, 700]);

  it('findUnloadedRun skips runs shorter than the minimum (a 1-sample spike is not a flight)', () => {
    expect(findUnloadedRun(f, 0, 20, 3)).toEqual({ start: 4, end: 9 });
    expect(findUnloadedRun(f, 0, 20, 1)).toEqual({ start: 1, end: 2 });
    expect(findUnloadedRun(f, 0, 20, 6)).toBeNull();
  });

  it('firstLoaded finds the first sample at or above the threshold', () => {
    expect(firstLoaded(f, 4, 20)).toBe(9);
    expect(firstLoaded(f, 4, 1000)).toBe(-1);
  });

  it('unloadedStats gives mean and SD of the run without its edges', () => {
    const s = unloadedStats(f, 4, 9, 1); // samples 5–7: 2, 4, 1
    expect(s.mean).toBeCloseTo(7 / 3, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(((2 - 7 / 3) ** 2 + (4 - 7 / 3) ** 2 + (1 - 7 / 3) ** 2) / 3), 12);
  });
});
