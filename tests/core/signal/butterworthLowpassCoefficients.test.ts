import { describe, expect, it } from 'vitest';
import { butterworthLowpassCoefficients } from '../../../src/core/signal/butterworthLowpassCoefficients';
import { KinetwinError } from '../../../src/core/errors';

const close = (actual: Float64Array, expected: number[], tol: number) =>
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, tol));

describe('butterworthLowpassCoefficients', () => {
  it('matches scipy.signal.butter(2, 10/500) for a 2nd-order 10 Hz filter at 1000 Hz', () => {
    const { b, a } = butterworthLowpassCoefficients(1000, 10, 2);
    close(b, [0.00094469, 0.00188938, 0.00094469], 8);
    close(a, [1, -1.91119707, 0.91497583], 8);
  });

  it('matches scipy.signal.butter(4, 0.1) for a 4th-order filter (cascaded pole pairs)', () => {
    const { b, a } = butterworthLowpassCoefficients(1000, 50, 4);
    close(b, [0.0004166, 0.0016664, 0.0024996, 0.0016664, 0.0004166], 7);
    close(a, [1, -3.18063855, 3.86119435, -2.11215536, 0.43826514], 7);
  });

  it('has unit DC gain (Σb / Σa = 1) for orders 1–8', () => {
    for (let order = 1; order <= 8; order++) {
      const { b, a } = butterworthLowpassCoefficients(200, 7, order);
      const gain = b.reduce((s, v) => s + v, 0) / a.reduce((s, v) => s + v, 0);
      expect(gain).toBeCloseTo(1, 6);
      expect(b.length).toBe(order + 1);
    }
  });

  it('is −3 dB at the cutoff for a single pass (|H(e^{jω})| = 1/√2)', () => {
    const rate = 100;
    const cutoff = 12;
    const { b, a } = butterworthLowpassCoefficients(rate, cutoff, 3);
    const w = (2 * Math.PI * cutoff) / rate;
    const evalAt = (c: Float64Array) => {
      let re = 0;
      let im = 0;
      c.forEach((v, k) => {
        re += v * Math.cos(-w * k);
        im += v * Math.sin(-w * k);
      });
      return Math.hypot(re, im);
    };
    expect(evalAt(b) / evalAt(a)).toBeCloseTo(Math.SQRT1_2, 9);
  });

  it('throws KinetwinError for a cutoff at or above Nyquist, a bad rate or a bad order', () => {
    expect(() => butterworthLowpassCoefficients(100, 50)).toThrow(KinetwinError);
    expect(() => butterworthLowpassCoefficients(Number.NaN, 5)).toThrow(KinetwinError);
    expect(() => butterworthLowpassCoefficients(100, 5, 0)).toThrow(KinetwinError);
    expect(() => butterworthLowpassCoefficients(100, -1)).toThrow(KinetwinError);
  });
});
