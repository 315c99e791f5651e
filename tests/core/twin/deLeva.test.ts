import { describe, expect, it } from 'vitest';
import { DE_LEVA, segmentInertia } from '../../../src/core/twin/deLeva';
import { createFullBodyModel } from '../../../src/core/twin/fullBody';

describe('de Leva (1996) inertial parameters', () => {
  it('segment mass fractions of a whole body sum to 100 % for both sexes', () => {
    for (const sex of ['male', 'female'] as const) {
      const t = DE_LEVA[sex];
      const total = t.head.mass + t.trunk.mass + 2 * (t.upperarm.mass + t.forearm.mass + t.hand.mass + t.thigh.mass + t.shank.mass + t.foot.mass);
      expect(total).toBeCloseTo(1, 2);
    }
  });

  it('segmentInertia gives the table mass, CoM and radii of gyration for the reference male thigh', () => {
    const L = 0.4222, m = 73;
    const r = segmentInertia(DE_LEVA.male.thigh, m, [0, 0, 0], [0, -L, 0], 1);
    expect(r.massKg).toBeCloseTo(0.1416 * 73, 10);
    expect(r.com[1]).toBeCloseTo(-0.4095 * L, 10);
    expect(r.inertia[2]).toBeCloseTo(r.massKg * (0.329 * L) ** 2, 12); // sagittal: about the medio-lateral Z
    expect(r.inertia[1]).toBeCloseTo(r.massKg * (0.149 * L) ** 2, 12); // longitudinal: about Y
  });

  it('the foot uses X (heel → toe) as its long axis', () => {
    const r = segmentInertia(DE_LEVA.female.foot, 60, [-0.05, 0, 0], [0.1783, 0, 0], 0);
    expect(r.inertia[0]).toBeCloseTo(r.massKg * (0.139 * 0.2283) ** 2, 12);
    expect(r.com[0]).toBeCloseTo(-0.05 + 0.4014 * 0.2283, 12);
  });

  it('the generic full-body model carries the whole body mass (table rounding: within 0.02 %)', () => {
    for (const sex of ['male', 'female'] as const) {
      const { model } = createFullBodyModel({ massKg: 70, sex });
      expect(Math.abs(model.segments.reduce((s, x) => s + x.massKg, 0) - 70)).toBeLessThan(0.014);
    }
  });
});
