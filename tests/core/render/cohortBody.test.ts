import { describe, expect, it } from 'vitest';
import { cohortBodyModel, cohortSkeleton } from '../../../src/core/render/cohortBody';
import { KinetwinError } from '../../../src/core/errors';
import { genericSkeleton } from '../../../src/core/twin/fullBody';

const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const subject = {
  stature: 1.8, mass: 80, trochanterionHeight: 0.93, tibialHeight: 0.49, lateralMalleolusHeight: 0.075, footLength: 0.28,
  shoulderElbowLength: 0.364 * 1.1, radialeStylionLength: 0.268 * 0.9, handLength: 0.193, biacromialBreadth: 0.416 * 1.2, hipBreadth: 0.346,
};

describe('cohortSkeleton (subject body from ANSUR measurements)', () => {
  it('puts hip, knee and ankle centres at the measured trochanterion, tibial and malleolus heights', () => {
    const sk = cohortSkeleton({ sex: 'male', values: subject });
    for (const s of ['r', 'l'] as const) {
      expect(sk.segments[`thigh_${s}`].origin[1]).toBeCloseTo(0.93, 12);
      expect(sk.segments[`shank_${s}`].origin[1]).toBeCloseTo(0.49, 12);
      expect(sk.segments[`foot_${s}`].origin[1]).toBeCloseTo(0.075, 12);
      expect(dist(sk.landmarks[`heel_${s}`], sk.landmarks[`toe_${s}`])).toBeCloseTo(0.28, 12); // heel → toe tip = foot length
      expect(sk.landmarks[`heel_${s}`][1]).toBe(0); // standing on the ground
    }
  });

  it('keeps the vertex at the stature and scales arm segments by measurement / ANSUR mean', () => {
    const sk = cohortSkeleton({ sex: 'male', values: subject });
    const generic = genericSkeleton(1.8, 'male');
    expect(sk.landmarks.vertex[1]).toBeCloseTo(1.8, 12);
    const len = (sg: typeof sk, name: string) => dist(sg.segments[name].origin, sg.segments[name].distal);
    expect(len(sk, 'upperarm_r') / len(generic, 'upperarm_r')).toBeCloseTo(1.1, 9);
    expect(len(sk, 'forearm_l') / len(generic, 'forearm_l')).toBeCloseTo(0.9, 9);
    expect(len(sk, 'hand_r') / len(generic, 'hand_r')).toBeCloseTo(1, 9); // mean hand length → de Leva's hand
    const width = (sg: typeof sk) => dist(sg.segments.upperarm_r.origin, sg.segments.upperarm_l.origin);
    expect(width(sk) / width(generic)).toBeCloseTo(1.2, 9);
  });

  it('falls back to the stature-scaled generic body for missing measurements', () => {
    const sk = cohortSkeleton({ sex: 'female', values: { stature: 1.65, mass: 60 } });
    const generic = genericSkeleton(1.65, 'female');
    expect(sk.segments.shank_r.origin).toEqual(generic.segments.shank_r.origin);
    expect(sk.segments.upperarm_l.distal[1]).toBeCloseTo(generic.segments.upperarm_l.distal[1], 12);
  });
});

describe('cohortBodyModel', () => {
  it('builds a model whose neutral pose reproduces the skeleton, with girth from BMI', () => {
    const b = cohortBodyModel({ sex: 'male', values: subject });
    expect(b.heightM).toBe(1.8);
    expect(b.massKg).toBe(80);
    expect(b.girth).toBeCloseTo(Math.sqrt(80 / 1.8 ** 2 / (73 / 1.741 ** 2)), 12);
    expect(b.model.coordinates.length).toBe(b.pose.length);
    expect(cohortBodyModel({ sex: 'male', values: { ...subject, mass: 300 } }).girth).toBe(1.4); // clamped
  });

  it('refuses a subject without a plausible body mass', () => {
    expect(() => cohortBodyModel({ sex: 'male', values: { stature: 1.8 } })).toThrow(KinetwinError);
  });
});
