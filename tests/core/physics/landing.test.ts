import { describe, expect, it } from 'vitest';
import { loadAmmo } from '../../../src/backend/services/ammo.js';
import { KinetwinError } from '../../../src/core/errors.js';
import { simulateLanding } from '../../../src/core/physics/body/landing.js';

const ammo = await loadAmmo();
const subject = { mass: 75, stature: 1.75, sex: 'm' as const };

describe('simulateLanding', () => {
  it('gives a peak vertical GRF within the 2–6 BW reported for 0.3–0.6 m drops (soft strategy), and the stiff strategy raises it', () => {
    for (const height of [0.3, 0.45, 0.6]) {
      const soft = simulateLanding(ammo, { ...subject, height, strategy: 'soft' });
      const stiff = simulateLanding(ammo, { ...subject, height, strategy: 'stiff' });
      expect(soft.peakVerticalGrfBw).toBeGreaterThan(2);
      expect(soft.peakVerticalGrfBw).toBeLessThan(6);
      expect(stiff.peakVerticalGrfBw).toBeGreaterThan(soft.peakVerticalGrfBw);
      expect(soft.kneeFlexionPeakDeg).toBeGreaterThan(stiff.kneeFlexionPeakDeg);
      expect(soft.hipFlexionPeakDeg).toBeGreaterThan(stiff.hipFlexionPeakDeg);
      expect(soft.jointLimitViolationMaxDeg).toBeLessThan(2);
      expect(soft.penetrationMaxM).toBeLessThan(0.06);
    }
  });

  it('peak GRF grows with drop height', () => {
    const low = simulateLanding(ammo, { ...subject, height: 0.3 });
    const high = simulateLanding(ammo, { ...subject, height: 0.6 });
    expect(high.peakVerticalGrfBw).toBeGreaterThan(low.peakVerticalGrfBw);
    expect(high.touchdownVelocityMs).toBeCloseTo(Math.sqrt(2 * 9.81 * 0.598), 3);
  });

  it('conserves momentum: the GRF impulse minus body weight equals the change of CoM momentum', () => {
    const r = simulateLanding(ammo, { ...subject, height: 0.45, strategy: 'stiff' });
    expect(r.impulseMomentumErrorPct).toBeLessThan(1);
  });

  it('dissipates the fall energy: the body comes to rest on the ground, supported by ~1 BW', () => {
    const r = simulateLanding(ammo, { ...subject, height: 0.45, duration: 1.2 });
    const n = r.grfVerticalBw.length;
    let mean = 0;
    for (let i = n - 100; i < n; i++) mean += r.grfVerticalBw[i] / 100;
    expect(mean).toBeGreaterThan(0.9);
    expect(mean).toBeLessThan(1.1);
    const dh = Math.abs(r.comHeightM[n - 1] - r.comHeightM[n - 50]);
    expect(dh).toBeLessThan(0.005);
  });

  it('is bit-identical for identical inputs', () => {
    const a = simulateLanding(ammo, { ...subject, height: 0.4, seed: 7 });
    const b = simulateLanding(ammo, { ...subject, height: 0.4, seed: 7 });
    expect(Buffer.from(a.grfVerticalBw.buffer).equals(Buffer.from(b.grfVerticalBw.buffer))).toBe(true);
    expect(Buffer.from(a.kneeFlexionDeg.buffer).equals(Buffer.from(b.kneeFlexionDeg.buffer))).toBe(true);
    const c = simulateLanding(ammo, { ...subject, height: 0.4, seed: 8 });
    expect(Buffer.from(a.grfVerticalBw.buffer).equals(Buffer.from(c.grfVerticalBw.buffer))).toBe(false);
  });

  it('rejects impossible anthropometrics and heights with a KinetwinError', () => {
    expect(() => simulateLanding(ammo, { mass: 0, stature: 1.7, height: 0.3 })).toThrow(KinetwinError);
    expect(() => simulateLanding(ammo, { mass: 70, stature: 3, height: 0.3 })).toThrow(/stature/);
    expect(() => simulateLanding(ammo, { mass: 70, stature: 0.4, height: 0.3 })).toThrow(/stature/);
    expect(() => simulateLanding(ammo, { mass: 70, stature: 1.7, height: -0.1 })).toThrow(/height/);
    expect(() => simulateLanding(ammo, { mass: 70, stature: 1.7, height: 0.3, strategy: 'wobbly' as 'soft' })).toThrow(/strategy/);
  });

  it('stops an exploding simulation with a message naming the step and the segment', () => {
    expect(() => simulateLanding(ammo, { ...subject, height: 0.3, footContact: { stiffness: 1e12, dissipation: 0 } })).toThrow(/exploded at step \d+ .*segment '/);
  });
});
