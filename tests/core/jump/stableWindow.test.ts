import { describe, expect, it } from 'vitest';
import { stableWindow } from '../../../src/core/jump/stableWindow';

describe('stableWindow', () => {
  it('finds the flat stretch of a signal and returns its mean and population SD', () => {
    const x = Float64Array.from({ length: 300 }, (_, i) => (i >= 120 && i < 220 ? 700 + (i % 2 ? 1 : -1) : 500 + 3 * i));
    const w = stableWindow(x, 0, x.length, 100);
    expect([w.start, w.end]).toEqual([120, 220]);
    expect(w.mean).toBeCloseTo(700, 12);
    expect(w.sd).toBeCloseTo(1, 12);
  });

  it('keeps the earliest of equally stable windows and stays inside [from, to)', () => {
    const x = new Float64Array(50).fill(3);
    const w = stableWindow(x, 10, 40, 20);
    expect([w.start, w.end, w.sd]).toEqual([10, 30, 0]);
  });
});
