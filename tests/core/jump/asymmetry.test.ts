import { describe, expect, it } from 'vitest';
import { jumpAsymmetry, sidePair } from '../../../src/core/jump/asymmetry';

describe('sidePair (Bishop et al. 2018)', () => {
  it('is (larger − smaller) / larger × 100 on magnitudes, naming the larger side', () => {
    expect(sidePair(80, 100)).toEqual({ left: 80, right: 100, asymmetryPct: 20, larger: 'right' });
    expect(sidePair(-50, -40).asymmetryPct).toBeCloseTo(20, 12);
    expect(sidePair(-50, -40).larger).toBe('left');
    expect(sidePair(0, 0)).toEqual({ left: 0, right: 0, asymmetryPct: 0, larger: 'equal' });
  });
});

describe('jumpAsymmetry', () => {
  it('nets each plate against its own standing force and compares phase impulses and peaks', () => {
    // 10 Hz; left stands at 300 N, right at 400 N; a push phase (samples 2–4): left 600 N, right 500 N.
    const left = Float64Array.from([300, 300, 600, 600, 600, 300]);
    const right = Float64Array.from([400, 400, 500, 500, 500, 400]);
    const a = jumpAsymmetry(left, right, 10, 300, 400, [{ name: 'propulsion', start: 2, end: 4 }], { start: 0, end: 6 }, null);
    expect(a.weighingSharePct.left).toBeCloseTo((300 / 700) * 100, 12);
    const p = a.phases[0];
    expect(p.impulse.left).toBeCloseTo(60, 12); // (600 − 300) N × 0.2 s
    expect(p.impulse.right).toBeCloseTo(20, 12); // (500 − 400) N × 0.2 s
    expect(p.impulse.asymmetryPct).toBeCloseTo((40 / 60) * 100, 12);
    expect(p.peakForce.asymmetryPct).toBeCloseTo((100 / 600) * 100, 12);
    expect(a.landingPeakForce).toBeNull();
  });
});
