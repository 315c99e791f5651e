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

  it('arrests the fall: the CoM stops sinking within 0.5 s of touchdown, after dropping less than the leg length', () => {
    const r = simulateLanding(ammo, { ...subject, height: 0.45 });
    const n = r.comHeightM.length;
    const v = (r.comHeightM[n - 1] - r.comHeightM[n - 21]) / 0.02;
    expect(Math.abs(v)).toBeLessThan(0.3);
    expect(r.comHeightM[0] - Math.min(...r.comHeightM)).toBeLessThan(0.5);
    expect(r.comHeightM[0] - Math.min(...r.comHeightM)).toBeGreaterThan(0.1);
  });

  it('stops recording when the body falls over, so later impacts are not counted as landing loads', () => {
    const short = simulateLanding(ammo, { ...subject, height: 0.45, duration: 0.5 });
    const long = simulateLanding(ammo, { ...subject, height: 0.45, duration: 3 });
    expect(long.peakVerticalGrfBw).toBe(short.peakVerticalGrfBw);
    if (long.fellAtS !== null) expect(long.grfVerticalBw.length).toBe(Math.round(long.fellAtS * 1000));
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
