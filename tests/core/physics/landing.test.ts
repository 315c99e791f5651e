import { describe, expect, it } from 'vitest';
import { loadAmmo } from '../../../src/backend/services/ammo.js';
import { KinetwinError } from '../../../src/core/errors.js';
import { simulateLanding, type LandingResult } from '../../../src/core/physics/body/landing.js';

const ammo = await loadAmmo();
const subject = { mass: 75, stature: 1.75, sex: 'm' as const };
const bodies = [{ mass: 55, stature: 1.62, sex: 'f' as const }, { mass: 95, stature: 1.9, sex: 'm' as const }];

describe('simulateLanding', () => {
  // Landing studies: peak vGRF 2–6 BW for 0.3–0.6 m drops (REFERENCE.md §3); DeVita & Skelly 1992 (0.59 m): soft
  // landings flex the knee ~100–115° with lower peaks than stiff ones (knee ~60–70°, 4–6 BW); Zhang et al. 2000.
  const runs: Array<{ body: string; height: number; soft: LandingResult; stiff: LandingResult }> = [];
  for (const b of bodies) for (const height of [0.3, 0.6]) {
    runs.push({ body: `${b.mass} kg ${b.sex}`, height, soft: simulateLanding(ammo, { ...b, height, strategy: 'soft', duration: 0.3 }), stiff: simulateLanding(ammo, { ...b, height, strategy: 'stiff', duration: 0.3 }) });
  }

  it('gives a peak vertical GRF within the 2–6 BW reported for 0.3–0.6 m drops, for a small and a large body, both strategies', () => {
    for (const r of runs) for (const x of [r.soft, r.stiff]) {
      expect(x.peakVerticalGrfBw, `${r.body} ${r.height} m ${x.strategy}`).toBeGreaterThan(2);
      expect(x.peakVerticalGrfBw, `${r.body} ${r.height} m ${x.strategy}`).toBeLessThan(6);
    }
  });

  it('the soft strategy lowers the peak and flexes the knee and hip more (soft knee ~95–125°, stiff ~60–90°)', () => {
    for (const r of runs) {
      expect(r.soft.peakVerticalGrfBw, `${r.body} ${r.height} m`).toBeLessThan(r.stiff.peakVerticalGrfBw);
      expect(r.soft.kneeFlexionPeakDeg).toBeGreaterThan(95);
      expect(r.soft.kneeFlexionPeakDeg).toBeLessThan(125);
      expect(r.stiff.kneeFlexionPeakDeg).toBeGreaterThan(60);
      expect(r.stiff.kneeFlexionPeakDeg).toBeLessThan(90);
      expect(r.soft.hipFlexionPeakDeg).toBeGreaterThan(r.stiff.hipFlexionPeakDeg);
    }
  });

  it('deforms the heel pad and sole by at most ~1.6 cm, stays inside the joint limits, and gives a smooth GRF (no contact chatter)', () => {
    for (const r of runs) for (const x of [r.soft, r.stiff]) {
      expect(x.penetrationMaxM).toBeGreaterThan(0.003);
      expect(x.penetrationMaxM).toBeLessThan(0.017);
      expect(x.jointLimitViolationMaxDeg).toBeLessThan(2);
      let jump = 0;
      for (let i = 1; i < x.grfVerticalBw.length; i++) jump = Math.max(jump, Math.abs(x.grfVerticalBw[i] - x.grfVerticalBw[i - 1]));
      expect(jump).toBeLessThan(2); // BW per ms (impact loading up to ~1 BW/ms); an unstable contact alternates by 5–10 BW
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

  it('dissipates energy: the CoM mechanical energy after the landing is below that at touchdown', () => {
    for (const strategy of ['soft', 'stiff'] as const) {
      const r = simulateLanding(ammo, { ...subject, height: 0.45, strategy });
      const n = r.comHeightM.length;
      const v = (r.comHeightM[n - 1] - r.comHeightM[n - 2]) * r.sampleRate;
      const e0 = 9.81 * r.comHeightM[0] + r.touchdownVelocityMs ** 2 / 2; // J/kg
      const e1 = 9.81 * r.comHeightM[n - 1] + v * v / 2;
      expect(e1).toBeLessThan(e0 - 9.81 * 0.1); // at least the energy of a 0.1 m drop absorbed by the joints
    }
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
