import { describe, expect, it } from 'vitest';
import { buildBodyModel } from '../../../../src/core/physics/body/bodyModel.js';
import { deLeva, REFERENCE_STATURE } from '../../../../src/core/physics/body/deLeva.js';
import { DE_LEVA, LOWER_TRUNK_MASS, REFERENCE_HEIGHT } from '../../../../src/core/twin/deLeva.js';

describe('physics body model on the twin de Leva (1996) table', () => {
  it('takes segment lengths, masses and the pelvis share from the twin table (de Leva Table 4)', () => {
    for (const [sex, key] of [['m', 'male'], ['f', 'female']] as const) {
      const H = 1.8, M = 80;
      const m = buildBodyModel({ stature: H, mass: M, sex });
      const t = DE_LEVA[key];
      const k = H / REFERENCE_HEIGHT[key];
      const seg = (n: string) => m.segments.find((s) => s.name === n)!;
      expect(seg('thigh_r').length).toBeCloseTo(t.thigh.lengthM * k, 12);
      expect(seg('upperArm_l').length).toBeCloseTo(t.upperarm.lengthM * k, 12);
      expect(seg('shank_r').mass).toBeCloseTo(t.shank.mass * M, 12);
      expect(seg('foot_l').mass).toBeCloseTo(t.foot.mass * M, 12);
      expect(seg('pelvis').mass).toBeCloseTo(LOWER_TRUNK_MASS[key] * M, 12);
      expect(seg('pelvis').mass + seg('torso').mass).toBeCloseTo(t.trunk.mass * M, 12);
    }
  });

  it('puts the sagittal radius of gyration about the medio-lateral Z axis, as the twin does (limbs along Y, foot along X)', () => {
    const m = buildBodyModel({ stature: 1.735, mass: 61.9, sex: 'f' });
    const shank = m.segments.find((s) => s.name === 'shank_r')!;
    const r = DE_LEVA.female.shank;
    expect(shank.inertia[2]).toBeCloseTo(shank.mass * (r.rSagittal * shank.length) ** 2, 12);
    expect(shank.inertia[0]).toBeCloseTo(shank.mass * (r.rTransverse * shank.length) ** 2, 12);
    expect(shank.inertia[1]).toBeCloseTo(shank.mass * (r.rLongitudinal * shank.length) ** 2, 12);
    const foot = m.segments.find((s) => s.name === 'foot_r')!;
    const f = DE_LEVA.female.foot;
    expect(foot.inertia[0]).toBeCloseTo(foot.mass * (f.rLongitudinal * foot.length) ** 2, 12);
    expect(foot.inertia[2]).toBeCloseTo(foot.mass * (f.rSagittal * foot.length) ** 2, 12);
  });

  it('keeps the reference-length view used by the tracking code consistent with the table', () => {
    expect(REFERENCE_STATURE.m).toBe(REFERENCE_HEIGHT.male);
    expect(deLeva('f', 'thigh').lengthMm).toBeCloseTo(368.5, 9);
  });
});
