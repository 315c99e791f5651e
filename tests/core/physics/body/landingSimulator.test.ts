import { describe, expect, it } from 'vitest';
import { loadAmmo } from '../../../../src/backend/services/ammo.js';
import { createLandingSimulator, simulateLanding, type LandingOptions, type LandingResult } from '../../../../src/core/physics/body/landing.js';

const ammo = await loadAmmo();

const bytes = (a: Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
function identical(a: LandingResult, b: LandingResult): void {
  expect(b.peakVerticalGrfBw).toBe(a.peakVerticalGrfBw);
  expect(b.kneeFlexionPeakDeg).toBe(a.kneeFlexionPeakDeg);
  expect(b.penetrationMaxM).toBe(a.penetrationMaxM);
  for (const k of ['grfVerticalBw', 'kneeFlexionDeg', 'hipFlexionDeg', 'ankleFlexionDeg', 'comHeightM'] as const) expect(bytes(b[k]).equals(bytes(a[k]))).toBe(true);
}

describe('createLandingSimulator (one Bullet world for many subjects)', () => {
  const subjects: LandingOptions[] = [
    { mass: 55, stature: 1.62, sex: 'f', height: 0.3, strategy: 'soft', seed: 3, duration: 0.3 },
    { mass: 95, stature: 1.9, sex: 'm', height: 0.6, strategy: 'stiff', seed: 4, duration: 0.3 },
    { mass: 72, stature: 1.74, sex: 'm', height: 0.45, strategy: 'soft', seed: 5, duration: 0.3 },
  ];

  it('gives bit-identical results to a fresh world per subject, in any order and after other bodies', () => {
    const fresh = subjects.map((o) => simulateLanding(ammo, o));
    const sim = createLandingSimulator(ammo);
    try {
      subjects.forEach((o, k) => identical(fresh[k], sim.run(o)));
      [...subjects].reverse().forEach((o, k) => identical(fresh[subjects.length - 1 - k], sim.run(o)));
      identical(fresh[0], sim.run({ ...subjects[0], dt: 0.001 }));
    } finally {
      sim.destroy();
    }
  });

  it('refuses to run after destroy, and destroy can be called twice', () => {
    const sim = createLandingSimulator(ammo);
    sim.destroy();
    expect(() => sim.destroy()).not.toThrow();
    expect(() => sim.run(subjects[0])).toThrow(/destroyed/);
  });
});
