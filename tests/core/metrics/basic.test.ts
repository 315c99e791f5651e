import { describe, expect, it } from 'vitest';
import { aucOfSamples, rocAuc } from '../../../src/core/metrics/auc';
import { correlationSimilarity, correlationSimilarityOf } from '../../../src/core/metrics/correlation-similarity';
import { meanAndSd, pearson } from '../../../src/core/metrics/correlation';
import { ksComplement, ksStatistic } from '../../../src/core/metrics/ks';
import { normalCdf, normalQuantile } from '../../../src/core/metrics/normal';
import { averageRanks } from '../../../src/core/metrics/rank';
import { tvComplement } from '../../../src/core/metrics/tv';

describe('ksStatistic', () => {
  it('is 0 for identical samples and 1 for disjoint ones', () => {
    expect(ksStatistic([1, 2, 3], [3, 2, 1])).toBe(0);
    expect(ksStatistic([1, 2, 3], [4, 5, 6])).toBe(1);
    expect(ksComplement([1, 2, 3], [4, 5, 6])).toBe(0);
  });
  it('handles ties as scipy.stats.ks_2samp does (D = 0.5 for this case)', () => {
    expect(ksStatistic([1, 2, 2, 3, 5], [2, 2, 4, 6, 7, 8])).toBeCloseTo(0.5, 12);
  });
  it('ignores NaN and returns NaN for an empty side', () => {
    expect(ksStatistic([1, NaN, 2], [1, 2])).toBe(0);
    expect(ksStatistic([NaN], [1])).toBeNaN();
  });
});

describe('tvComplement', () => {
  it('is 1 − ½ Σ|Δf| over categories', () => {
    expect(tvComplement(['a', 'a', 'b'], ['a', 'b', 'b'])).toBeCloseTo(2 / 3, 12);
    expect(tvComplement(['a'], ['b'])).toBe(0);
    expect(tvComplement(['x', 'y'], ['y', 'x'])).toBe(1);
  });
});

describe('correlationSimilarity', () => {
  it('is 1 − |ρr − ρs|/2', () => {
    expect(correlationSimilarityOf(1, -1)).toBe(0);
    expect(correlationSimilarityOf(0.8, 0.6)).toBeCloseTo(0.9, 12);
    const x = [1, 2, 3, 4];
    expect(correlationSimilarity(x, [2, 4, 6, 8], x, [8, 6, 4, 2])).toBeCloseTo(0, 12);
  });
  it('pearson matches a hand-computed value (r = 0.8 for x = 1..5, y = [2,1,4,3,5])', () => {
    expect(pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
  });
  it('meanAndSd uses n − 1 and skips NaN', () => {
    const m = meanAndSd([2, 4, 4, 4, 5, 5, 7, 9, NaN]);
    expect(m.mean).toBe(5);
    expect(m.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(m.count).toBe(8);
  });
});

describe('rocAuc', () => {
  it('counts ties as ½ (6/9 for this hand case)', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8, 0.4, 0.4], [0, 0, 1, 1, 1, 0])).toBeCloseTo(6 / 9, 12);
  });
  it('is 1 for perfect separation and 0.5 for identical scores', () => {
    expect(aucOfSamples([3, 4], [1, 2])).toBe(1);
    expect(aucOfSamples([1, 1], [1, 1])).toBe(0.5);
  });
  it('averageRanks averages ties', () => {
    expect(Array.from(averageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });
});

describe('normal distribution', () => {
  it('Φ and Φ⁻¹ match tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 6);
    for (const p of [1e-6, 0.01, 0.3, 0.5, 0.9, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
  });
});
