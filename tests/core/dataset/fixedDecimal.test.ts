import { describe, expect, it } from 'vitest';
import { fixedDecimal } from '../../../src/core/dataset/fixedDecimal';
import { seriesMot } from '../../../src/core/dataset/sample';
import { writeMot } from '../../../src/core/formats/mot/write';
import { CounterRandom } from '../../../src/core/physics/random';

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

describe('fixedDecimal(x, digits)', () => {
  it('writes exactly String(x) for 200,000 values rounded to 0–8 decimals, of magnitudes 1e-5 to 1e7', () => {
    const rng = new CounterRandom(11, 0);
    for (let i = 0; i < 200_000; i++) {
      const d = i % 9;
      const x = round(rng.uniform(-1, 1) * 10 ** ((i % 13) - 5), d);
      expect(fixedDecimal(x, d)).toBe(String(x));
    }
  });

  it('writes edge cases as String does: ±0, the smallest step, integers, NaN, ±Infinity and unrounded values', () => {
    for (const x of [0, -0, 1e-5, -1e-5, 0.1, 0.3, 299 * 0.001, 1e9 + 0.5, -42, 0.1 + 0.2, Math.PI, 1e21, 2 ** 60, Infinity, -Infinity]) expect(fixedDecimal(x, 5)).toBe(String(x));
    expect(fixedDecimal(NaN, 5)).toBe('NaN');
  });
});

describe('seriesMot(name, series)', () => {
  it('gives the bytes of writeMot for a 5-decimal landing series (NaN included)', () => {
    const rng = new CounterRandom(3, 0);
    const n = 300;
    const col = (scale: number): number[] => Array.from({ length: n }, () => round(rng.uniform(-1, 1) * scale, 5));
    const series = { time: Array.from({ length: n }, (_, i) => round(i * 0.001, 5)), grfVerticalBw: col(6), hipFlexionDeg: col(120), kneeFlexionDeg: col(140), ankleFlexionDeg: col(50), comHeightM: col(1.2) };
    series.kneeFlexionDeg[7] = NaN;
    const cols = ['time', 'ground_force_vy_bw', 'hip_flexion_r', 'knee_angle_r', 'ankle_angle_r', 'com_height_m'];
    const keys = ['time', 'grfVerticalBw', 'hipFlexionDeg', 'kneeFlexionDeg', 'ankleFlexionDeg', 'comHeightM'] as const;
    const data = new Float64Array(n * 6);
    for (let r = 0; r < n; r++) keys.forEach((k, c) => { data[r * 6 + c] = series[k][r]; });
    const expected = writeMot({ name: 'drop-landing S0001\nsample 0', version: 1, inDegrees: true, columns: cols, data, rows: n, header: {}, warnings: [] });
    expect(seriesMot('drop-landing S0001\nsample 0', series)).toBe(expected);
  });

  it('writes only the columns present and refuses series shorter than time or no columns', () => {
    expect(seriesMot('x', { time: [0, 0.001], grfVerticalBw: [1, 2.5] })).toBe('x\nversion=1\nnRows=2\nnColumns=2\ninDegrees=yes\nendheader\ntime\tground_force_vy_bw\n0\t1\n0.001\t2.5\n');
    expect(() => seriesMot('x', { time: [0, 0.001], grfVerticalBw: [1] })).toThrow(/holds 1 values/);
    expect(() => seriesMot('x', { other: [1] })).toThrow(/without columns/);
  });
});
