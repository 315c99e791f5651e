import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { createFullBodyModel } from '../../../src/core/twin/fullBody';
import { kneeFppa, landingKinematics } from '../../../src/core/twin/landing';
import { coordinateIndex } from '../../../src/core/twin/model';

const DEG = Math.PI / 180;
const { model, pose } = createFullBodyModel({ massKg: 70, sex: 'female' });
const n = model.coordinates.length;

function frames(count: number, at: (f: number) => Record<string, number>): Float64Array {
  const out = new Float64Array(count * n);
  for (let f = 0; f < count; f++) {
    out.set(pose, f * n);
    for (const [k, v] of Object.entries(at(f))) out[f * n + coordinateIndex(model, k)] = v * DEG;
  }
  return out;
}

describe('knee frontal-plane projection angle', () => {
  it('is atan(tan θ·sin φ) for knee flexion θ with hip internal rotation φ, valgus positive on both sides', () => {
    const q = frames(1, () => ({ knee_flexion_r: 60, hip_rotation_r: 20, knee_flexion_l: 60, hip_rotation_l: 20 }));
    const expected = Math.atan(Math.tan(60 * DEG) * Math.sin(20 * DEG)) / DEG;
    expect(kneeFppa(model, q, 'r')[0]).toBeCloseTo(expected, 6);
    expect(kneeFppa(model, q, 'l')[0]).toBeCloseTo(expected, 6);
  });

  it('is negative (varus) with hip external rotation and zero for pure sagittal flexion', () => {
    expect(kneeFppa(model, frames(1, () => ({ knee_flexion_r: 60, hip_rotation_r: -20 })), 'r')[0]).toBeLessThan(-10);
    expect(kneeFppa(model, frames(1, () => ({ knee_flexion_r: 60, hip_flexion_r: 30 })), 'r')[0]).toBeCloseTo(0, 9);
  });
});

describe('landingKinematics', () => {
  const rate = 100;
  // Flight until frame 20, then hips and knees flex for 0.2 s while the hips rotate internally.
  const ramp = (f: number) => Math.min(1, Math.max(0, (f - 20) / 20));
  const q = frames(60, (f) => ({
    hip_flexion_r: 20 + 30 * ramp(f), knee_flexion_r: 10 + 70 * ramp(f), hip_rotation_r: 15 * ramp(f),
    hip_flexion_l: 20 + 30 * ramp(f), knee_flexion_l: 10 + 70 * ramp(f),
  }));
  const force = Float64Array.from({ length: 60 }, (_, f) => (f < 20 ? 2 : 900));

  it('finds contact from the vertical force and reports flexion at contact and peak', () => {
    const [r, l] = landingKinematics(model, q, rate, { verticalForce: force });
    expect(r.contactFrame).toBe(20);
    expect(r.contactTimeS).toBeCloseTo(0.2, 12);
    expect(r.kneeFlexionAtContactDeg).toBeCloseTo(10, 9);
    expect(r.hipFlexionAtContactDeg).toBeCloseTo(20, 9);
    expect(r.peakKneeFlexionDeg).toBeCloseTo(80, 9);
    expect(r.peakHipFlexionDeg).toBeCloseTo(50, 9);
    expect(r.timeToPeakKneeFlexionS).toBeCloseTo(0.2, 9);
    expect(r.peakKneeValgusFppaDeg).toBeCloseTo(Math.max(...kneeFppa(model, q, 'r').slice(20, 51)), 9);
    expect(r.peakKneeValgusFppaDeg).toBeGreaterThan(10);
    expect(r.kneeFppaAtContactDeg).toBeCloseTo(0, 9);
    expect(l.peakKneeValgusFppaDeg).toBeCloseTo(0, 6);
  });

  it('needs a contact frame or a force', () => {
    expect(() => landingKinematics(model, q, rate)).toThrow(KinetwinError);
    expect(() => landingKinematics(model, q, rate, { verticalForce: new Float64Array(60).fill(900) })).toThrow(/no landing/);
    expect(landingKinematics(model, q, rate, { contactFrame: 30 })[0].kneeFlexionAtContactDeg).toBeCloseTo(45, 9);
  });
});
