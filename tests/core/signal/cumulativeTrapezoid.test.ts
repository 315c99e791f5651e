import { describe, expect, it } from 'vitest';
import { cumulativeTrapezoid } from '../../../src/core/signal/cumulativeTrapezoid';
import { KinetwinError } from '../../../src/core/errors';

describe('cumulativeTrapezoid', () => {
  it('integrates a straight line exactly (trapezoids are exact for linear signals)', () => {
    const rate = 10;
    const x = Float64Array.from({ length: 31 }, (_, i) => 2 + 4 * (i / rate));
    const y = cumulativeTrapezoid(x, rate, 1.5);
    for (let i = 0; i < x.length; i++) {
      const t = i / rate;
      expect(y[i]).toBeCloseTo(1.5 + 2 * t + 2 * t * t, 10);
    }
  });

  it('integral of cos is sin within h²/12 error bound at 1000 Hz', () => {
    const rate = 1000;
    const w = 2 * Math.PI;
    const x = Float64Array.from({ length: 1001 }, (_, i) => Math.cos((w * i) / rate));
    const y = cumulativeTrapezoid(x, rate);
    for (let i = 0; i < x.length; i++) expect(Math.abs(y[i] - Math.sin((w * i) / rate) / w)).toBeLessThan(1e-6);
  });

  it('starts at `initial` and keeps the input length', () => {
    const y = cumulativeTrapezoid(Float64Array.of(1, 1, 1), 2, -3);
    expect(Array.from(y)).toEqual([-3, -2.5, -2]);
  });

  it('throws KinetwinError for a non-positive rate', () => {
    expect(() => cumulativeTrapezoid(Float64Array.of(1), 0)).toThrow(KinetwinError);
  });
});
