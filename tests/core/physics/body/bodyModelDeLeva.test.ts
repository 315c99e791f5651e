import { describe, expect, it } from 'vitest';
import { buildBodyModel } from '../../../../src/core/physics/body/bodyModel.js';
import { statureFromTwin } from '../../../../src/core/physics/track/statureFromTwin.js';
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

  it('gives the tracking code the stature of a de Leva body from the same table (statureFromTwin)', () => {
    expect(DE_LEVA.female.thigh.lengthM).toBeCloseTo(0.3685, 12);
    const legs = (sex: 'male' | 'female', k: number) => ({ segments: ['thigh_r', 'shank_r', 'thigh_l', 'shank_l'].map((name) => ({ name, length: k * DE_LEVA[sex][name.startsWith('thigh') ? 'thigh' : 'shank'].lengthM })) }) as unknown as Parameters<typeof statureFromTwin>[0];
    expect(statureFromTwin(legs('male', 1), 'm')).toBeCloseTo(REFERENCE_HEIGHT.male, 12);
    expect(statureFromTwin(legs('female', 1.1), 'f')).toBeCloseTo(1.1 * REFERENCE_HEIGHT.female, 12);
  });
});
