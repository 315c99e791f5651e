import { describe, expect, it } from 'vitest';
import { butterworthFiltFilt } from '../../../src/core/signal/butterworthFiltFilt';
import { KinetwinError } from '../../../src/core/errors';

const sampled = (n: number, rate: number, f: (t: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i / rate));
const maxAbs = (x: Float64Array, from = 0, to = x.length) => {
  let m = 0;
  for (let i = from; i < to; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
};

// Amplitude of a sine of known frequency over [from, to) by projection on sin and cos.
function amplitude(x: Float64Array, rate: number, freq: number, from: number, to: number): number {
  let s = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    s += x[i] * Math.sin((2 * Math.PI * freq * i) / rate);
    c += x[i] * Math.cos((2 * Math.PI * freq * i) / rate);
  }
  return (2 * Math.hypot(s, c)) / (to - from);
}

describe('butterworthFiltFilt', () => {
  it('keeps a constant signal unchanged', () => {
    const y = butterworthFiltFilt(new Float64Array(500).fill(661.5), 1000, 6);
    for (const v of y) expect(v).toBeCloseTo(661.5, 9);
  });

  it('keeps a straight line unchanged, ends included (odd reflection padding)', () => {
    const x = sampled(1000, 100, (t) => 3 - 2 * t);
    const y = butterworthFiltFilt(x, 100, 6);
    for (let i = 0; i < x.length; i++) expect(Math.abs(y[i] - x[i])).toBeLessThan(1e-6);
  });

  it('attenuates a sine at the cutoff by 3 dB (×1/√2) for the Winter-corrected zero-lag filter, not 6 dB', () => {
    const rate = 1000;
    const x = sampled(5000, rate, (t) => Math.sin(2 * Math.PI * 10 * t));
    const y = butterworthFiltFilt(x, rate, 10);
    expect(amplitude(y, rate, 10, 1000, 4000)).toBeCloseTo(Math.SQRT1_2, 3);
  });

  it('keeps the −3 dB point at the cutoff for orders 2 and 8 too', () => {
    const rate = 200;
    const x = sampled(4000, rate, (t) => Math.sin(2 * Math.PI * 15 * t));
    for (const order of [2, 8]) {
      const y = butterworthFiltFilt(x, rate, 15, order);
      expect(amplitude(y, rate, 15, 800, 3200)).toBeCloseTo(Math.SQRT1_2, 3);
    }
  });

  it('passes a sine a decade below the cutoff (gain > 0.9999) and stops one a decade above (gain < 1e-3)', () => {
    const rate = 1000;
    const low = butterworthFiltFilt(sampled(5000, rate, (t) => Math.sin(2 * Math.PI * 1 * t)), rate, 10);
    const high = butterworthFiltFilt(sampled(5000, rate, (t) => Math.sin(2 * Math.PI * 100 * t)), rate, 10);
    expect(amplitude(low, rate, 1, 1000, 4000)).toBeGreaterThan(0.9999);
    expect(maxAbs(high, 500, 4500)).toBeLessThan(1e-3);
  });

  it('adds no phase lag: a filtered sine stays a scaled copy of the input', () => {
    const rate = 500;
    const x = sampled(2500, rate, (t) => Math.sin(2 * Math.PI * 4 * t));
    const y = butterworthFiltFilt(x, rate, 8);
    const gain = 1 / Math.sqrt(1 + Math.pow(Math.tan((Math.PI * 4) / rate) / (Math.tan((Math.PI * 8) / rate) / Math.pow(Math.SQRT2 - 1, 1 / 4)), 4));
    const residual = y.map((v, i) => v - gain * gain * x[i]);
    expect(maxAbs(residual, 250, 2250)).toBeLessThan(1e-4);
  });

  it('matches scipy.signal.filtfilt (odd padding, 34 samples) with the Winter-corrected 2nd-order filter', () => {
    // Reference: b, a = butter(2, f'/(fs/2)), f' = atan(tan(π·6/100) / (√2 − 1)^(1/4))·fs/π;
    // filtfilt(b, a, x, padtype='odd', padlen=34) on x = sin(2π·3t) + 0.5·sin(2π·40t) + 0.2·t, 100 Hz.
    const x = sampled(200, 100, (t) => Math.sin(2 * Math.PI * 3 * t) + 0.5 * Math.sin(2 * Math.PI * 40 * t) + 0.2 * t);
    const y = butterworthFiltFilt(x, 100, 6);
    const scipy: Record<number, number> = {
      0: 3.6647305812452513e-6, 1: 0.18482891738584645, 2: 0.3631397805353158, 50: 0.09999999999980867, 100: 0.20000000000000093,
      150: 0.30000001121973235, 197: -0.23830919534429604, 198: -0.15790410218701545, 199: -0.08327811092795114,
    };
    for (const [i, v] of Object.entries(scipy)) expect(Math.abs(y[Number(i)] - v)).toBeLessThan(1e-12);
  });

  it('leaves NaN where NaN and filters each finite run separately', () => {
    const rate = 100;
    const a = sampled(300, rate, (t) => Math.sin(2 * Math.PI * 2 * t) + 0.3 * Math.sin(2 * Math.PI * 30 * t));
    const b = sampled(200, rate, (t) => 5 + Math.cos(2 * Math.PI * 1 * t));
    const joined = new Float64Array(300 + 3 + 200);
    joined.set(a, 0);
    joined.fill(Number.NaN, 300, 303);
    joined.set(b, 303);
    const y = butterworthFiltFilt(joined, rate, 6);
    const ya = butterworthFiltFilt(a, rate, 6);
    const yb = butterworthFiltFilt(b, rate, 6);
    for (let i = 0; i < 300; i++) expect(y[i]).toBe(ya[i]);
    for (let i = 300; i < 303; i++) expect(y[i]).toBeNaN();
    for (let i = 0; i < 200; i++) expect(y[303 + i]).toBe(yb[i]);
  });

  it('returns a lone finite sample between NaNs as it is, and an empty signal as empty', () => {
    const y = butterworthFiltFilt(Float64Array.of(Number.NaN, 4, Number.NaN, 1, 1), 100, 10);
    expect(y[0]).toBeNaN();
    expect(y[1]).toBeCloseTo(4, 12);
    expect(y[2]).toBeNaN();
    expect(y[3]).toBeCloseTo(1, 12);
    expect(butterworthFiltFilt(new Float64Array(0), 100, 10).length).toBe(0);
  });

  it('throws KinetwinError for an odd order or a cutoff above Nyquist', () => {
    expect(() => butterworthFiltFilt(new Float64Array(10), 100, 10, 3)).toThrow(KinetwinError);
    expect(() => butterworthFiltFilt(new Float64Array(10), 100, 60)).toThrow(KinetwinError);
  });
});
