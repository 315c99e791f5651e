import { describe, expect, it } from 'vitest';
import { loadAmmo } from '../../../src/backend/services/ammo.js';
import { simulateJump } from '../../../src/core/physics/body/jump.js';

const ammo = await loadAmmo();

describe('simulateJump (torque-driven countermovement jump)', () => {
  const r = simulateJump(ammo, { mass: 75, stature: 1.75 });

  it('jumps a plausible CMJ height (0.15–0.5 m) after a countermovement', () => {
    expect(r.jumpHeightM).toBeGreaterThan(0.15);
    expect(r.jumpHeightM).toBeLessThan(0.5);
    expect(r.countermovementDepthM).toBeGreaterThan(0.05);
    expect(r.kneeFlexionPeakDeg).toBeGreaterThan(60);
    expect(r.peakVerticalGrfBw).toBeGreaterThan(1.5);
  });

  it('conserves momentum: ∫(F − mg)dt from onset to take-off equals m·v_takeoff within 1 %', () => {
    expect(r.impulseMomentumErrorPct).toBeLessThan(1);
  });

  it('conserves energy in flight: the CoM rises v²/2g after take-off within 2 %', () => {
    expect(Math.abs(r.jumpHeightApexM - r.jumpHeightM) / r.jumpHeightM).toBeLessThan(0.02);
  });

  it('jumps higher when stronger, and is bit-identical for identical inputs', () => {
    const strong = simulateJump(ammo, { mass: 75, stature: 1.75, strength: 1.2 });
    expect(strong.jumpHeightM).toBeGreaterThan(r.jumpHeightM);
    const again = simulateJump(ammo, { mass: 75, stature: 1.75 });
    expect(again.jumpHeightM).toBe(r.jumpHeightM);
    expect(Buffer.from(again.grfVerticalBw.buffer).equals(Buffer.from(r.grfVerticalBw.buffer))).toBe(true);
  });

  it('rejects impossible options', () => {
    expect(() => simulateJump(ammo, { mass: 75, stature: 1.75, depthDeg: 5 })).toThrow(/depth/);
    expect(() => simulateJump(ammo, { mass: 75, stature: 2.6 })).toThrow(/stature/);
  });
});
