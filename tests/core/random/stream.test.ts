import { describe, expect, it } from 'vitest';
import { seededPermutation, streamFor } from '../../../src/core/random/stream';
import { KinetwinError } from '../../../src/core/errors';

function draw(seed: number, index: number, n: number): number[] {
  const s = streamFor(seed, index);
  return Array.from({ length: n }, () => s.nextUint32());
}

describe('streamFor', () => {
  it('gives the same sequence for the same (seed, index)', () => {
    expect(draw(42, 7, 50)).toEqual(draw(42, 7, 50));
  });

  it('gives different sequences for different indices, seeds and substreams', () => {
    const a = draw(42, 7, 8);
    expect(draw(42, 8, 8)).not.toEqual(a);
    expect(draw(43, 7, 8)).not.toEqual(a);
    const s = streamFor(42, 7, 1);
    expect(Array.from({ length: 8 }, () => s.nextUint32())).not.toEqual(a);
  });

  it('sample i depends only on (seed, i), not on draws made for other samples', () => {
    const before = streamFor(5, 1000).nextDouble();
    for (let i = 0; i < 1000; i++) streamFor(5, i).nextDouble();
    expect(streamFor(5, 1000).nextDouble()).toBe(before);
  });

  it('is the Philox keystream: first words equal philox(counter [0, 0, index], key seed)', () => {
    // seed 0, index 0 → the all-zero Random123 vector
    expect(draw(0, 0, 4)).toEqual([0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]);
  });

  it('nextDouble is uniform on [0, 1): chi-square over 20 bins below the p = 0.001 critical value', () => {
    const s = streamFor(2024, 3);
    const bins = new Array(20).fill(0);
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = s.nextDouble();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      bins[Math.floor(u * 20)]++;
    }
    const expected = n / 20;
    const chi2 = bins.reduce((acc, b) => acc + ((b - expected) ** 2) / expected, 0);
    expect(chi2).toBeLessThan(43.82); // χ²(19) at p = 0.001
  });

  it('nextNormal has mean 0 and variance 1 (n = 40000: |mean| < 0.02, |var − 1| < 0.03)', () => {
    const s = streamFor(7, 0);
    let sum = 0;
    let sum2 = 0;
    const n = 40000;
    for (let i = 0; i < n; i++) {
      const z = s.nextNormal();
      sum += z;
      sum2 += z * z;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sum2 / n - mean * mean - 1)).toBeLessThan(0.03);
  });

  it('nextInt stays in range and hits every value', () => {
    const s = streamFor(1, 1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const k = s.nextInt(7);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(7);
      seen.add(k);
    }
    expect(seen.size).toBe(7);
  });

  it('choice respects weights (zero weight never chosen)', () => {
    const s = streamFor(3, 3);
    let a = 0;
    for (let i = 0; i < 4000; i++) {
      const c = s.choice(['a', 'b', 'c'], [3, 1, 0]);
      expect(c).not.toBe('c');
      if (c === 'a') a++;
    }
    expect(a / 4000).toBeGreaterThan(0.72);
    expect(a / 4000).toBeLessThan(0.78);
  });

  it('rejects negative or non-integer seeds and indices', () => {
    expect(() => streamFor(-1, 0)).toThrow(KinetwinError);
    expect(() => streamFor(1.5, 0)).toThrow(KinetwinError);
    expect(() => streamFor(1, 2 ** 60)).toThrow(KinetwinError);
  });
});

describe('seededPermutation', () => {
  it('is a permutation and reproducible', () => {
    const p = seededPermutation(1000, 9);
    expect(Array.from(p).sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(Array.from(seededPermutation(1000, 9))).toEqual(Array.from(p));
    expect(Array.from(seededPermutation(1000, 10))).not.toEqual(Array.from(p));
  });
});
