import { describe, expect, it } from 'vitest';
import { monotony } from '../../../src/core/load/monotony';
import { strain } from '../../../src/core/load/strain';
import { KinetwinError } from '../../../src/core/errors';

// Week 0, 200, 200, 400, 400, 200, 0 AU: mean 200, Σ(x − mean)² = 4 × 200² = 160 000.
const WEEK = [0, 200, 200, 400, 400, 200, 0];

describe('monotony', () => {
  it('is mean / sample SD: 200 / √(160000/6) = √6/2', () => {
    expect(monotony(WEEK)).toBeCloseTo(Math.sqrt(6) / 2, 12);
  });

  it('uses the population SD on request: 200 / √(160000/7) = √7/2', () => {
    expect(monotony(WEEK, { sd: 'population' })).toBeCloseTo(Math.sqrt(7) / 2, 12);
  });

  it('is Infinity for the same non-zero load every day and NaN for a week of rest', () => {
    expect(monotony([300, 300, 300, 300, 300, 300, 300])).toBe(Number.POSITIVE_INFINITY);
    expect(monotony(new Float64Array(7))).toBeNaN();
  });

  it('throws KinetwinError for fewer than 2 days or a non-number', () => {
    expect(() => monotony([1])).toThrow(KinetwinError);
    expect(() => monotony([1, Number.NaN, 2])).toThrow(KinetwinError);
  });
});

describe('strain', () => {
  it('is weekly load × monotony: 1400 × √6/2', () => {
    expect(strain(WEEK)).toBeCloseTo(1400 * (Math.sqrt(6) / 2), 9);
  });

  it('is 0 for a week of rest', () => {
    expect(strain([0, 0, 0, 0, 0, 0, 0])).toBe(0);
  });
});
