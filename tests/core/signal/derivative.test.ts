import { describe, expect, it } from 'vitest';
import { derivative } from '../../../src/core/signal/derivative';

describe('derivative', () => {
  it('derivative of sin is cos within 1e-4 (relative) at 1000 Hz, ends included', () => {
    const rate = 1000;
    const w = 2 * Math.PI;
    const x = Float64Array.from({ length: 2001 }, (_, i) => Math.sin((w * i) / rate));
    const d = derivative(x, rate);
    for (let i = 0; i < x.length; i++) expect(Math.abs(d[i] - w * Math.cos((w * i) / rate)) / w).toBeLessThan(1e-4);
  });

  it('is exact for a quadratic (central inside, second-order one-sided at the ends)', () => {
    const rate = 50;
    const x = Float64Array.from({ length: 20 }, (_, i) => 3 * (i / rate) ** 2 - (i / rate) + 2);
    const d = derivative(x, rate);
    for (let i = 0; i < x.length; i++) expect(d[i]).toBeCloseTo(6 * (i / rate) - 1, 9);
  });

  it('handles 0, 1 and 2 samples', () => {
    expect(derivative(new Float64Array(0), 10).length).toBe(0);
    expect(derivative(Float64Array.of(1), 10)[0]).toBeNaN();
    expect(Array.from(derivative(Float64Array.of(1, 3), 10))).toEqual([20, 20]);
  });

  it('makes only the neighbours of a NaN sample NaN', () => {
    const d = derivative(Float64Array.of(0, 1, 2, Number.NaN, 4, 5, 6), 1);
    expect(d[1]).toBe(1);
    expect(d[2]).toBeNaN();
    expect(d[4]).toBeNaN();
    expect(d[5]).toBe(1);
  });
});
