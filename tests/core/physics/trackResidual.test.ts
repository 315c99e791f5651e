import { describe, expect, it } from 'vitest';
import { buildBodyModel } from '../../../src/core/physics/body/bodyModel.js';
import type { MotionInput } from '../../../src/core/physics/body/tracking.js';
import { consistencyScore, CONSISTENCY_THRESHOLDS } from '../../../src/core/physics/track/consistencyScore.js';
import { projectFrictionCone } from '../../../src/core/physics/track/frictionCone.js';
import { buildReference } from '../../../src/core/physics/track/reference.js';
import { rootResidual } from '../../../src/core/physics/track/rootResidual.js';

const model = buildBodyModel({ stature: 1.75, mass: 75 });
const J = model.joints.length;
const G = 9.81, BW = model.mass * G;

/** Neutral pose moved rigidly: pelvis CoM at root(t) (m), turned by yaw(t) rad about the vertical; 100 Hz, 1 s. */
function rigid(root: (t: number) => [number, number, number], yaw: (t: number) => number = () => 0, frames = 101, rate = 100): MotionInput {
  const rootPosition = new Float64Array(frames * 3), rootQuaternion = new Float64Array(frames * 4);
  for (let f = 0; f < frames; f++) {
    rootPosition.set(root(f / rate), f * 3);
    const a = yaw(f / rate);
    rootQuaternion.set([0, Math.sin(a / 2), 0, Math.cos(a / 2)], f * 4);
  }
  return { rate, frames, rootPosition, rootQuaternion, jointAnglesDeg: new Float64Array(frames * J * 3) };
}
const p0 = model.segments[0].com; // pelvis CoM standing on the floor (feet touch y = 0)

describe('projectFrictionCone(fx, fy, fz, mu)', () => {
  it('keeps forces inside the cone, zeroes pulls and puts the rest on the cone surface, orthogonally', () => {
    const out = new Float64Array(3);
    projectFrictionCone(1, 10, -2, 0.5, out);
    expect(Array.from(out)).toEqual([1, 10, -2]);
    projectFrictionCone(1, -10, 0, 0.5, out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
    projectFrictionCone(10, 10, 0, 0.5, out); // onto (0.5, 1): (μh + fy)/(1 + μ²) = 12
    expect(out[0]).toBeCloseTo(6, 12);
    expect(out[1]).toBeCloseTo(12, 12);
    expect((10 - out[0]) * 0.5 + (10 - out[1]) * 1).toBeCloseTo(0, 12); // the removed part is normal to the cone
  });
});

describe('consistencyScore(criteria)', () => {
  const zero = { residualForcePctBw: 0, residualMomentPctBwH: 0, trackingErrorDeg: 0, jointLimitViolationDeg: 0, excessPenetrationM: 0 };
  it('is 100 for a perfect motion, 50 with every criterion at its threshold, 0 when a criterion is NaN', () => {
    expect(consistencyScore(zero)).toBe(100);
    const T = CONSISTENCY_THRESHOLDS;
    expect(consistencyScore({ residualForcePctBw: T.residualForcePctBw, residualMomentPctBwH: T.residualMomentPctBwH, grfRmseBw: T.grfRmseBw, trackingErrorDeg: T.trackingErrorDeg,
      jointLimitViolationDeg: T.jointLimitViolationDeg, excessPenetrationM: T.excessPenetrationM })).toBeCloseTo(50, 10);
    expect(consistencyScore({ ...zero, residualForcePctBw: NaN })).toBe(0);
  });

  it('falls as the residual grows, ignores a missing GRF comparison and penetration within the pads', () => {
    expect(consistencyScore({ ...zero, residualForcePctBw: 10 })).toBeLessThan(consistencyScore({ ...zero, residualForcePctBw: 5 }));
    expect(consistencyScore({ ...zero, grfRmseBw: null })).toBe(100);
    expect(consistencyScore({ ...zero, excessPenetrationM: -0.01 })).toBe(100);
    // one criterion at 3× its threshold among 5: (1/10)^(1/5) ≈ 63 %
    expect(consistencyScore({ ...zero, residualForcePctBw: 15 })).toBeCloseTo(100 * Math.pow(0.1, 1 / 5), 8);
  });
});

describe('buildReference + rootResidual (inverse dynamics at the root)', () => {
  it('needs exactly body weight, upward, to stand still; the floor supplies it, no residual', () => {
    const ref = buildReference(model, rigid(() => [p0[0], p0[1], p0[2]]));
    for (let f = 0; f < ref.frames; f++) {
      expect(ref.requiredForce[f * 3 + 1]).toBeCloseTo(BW, 6);
      expect(Math.abs(ref.requiredForce[f * 3]) + Math.abs(ref.requiredMoment[f * 3 + 2])).toBeLessThan(1e-6);
    }
    const r = rootResidual(model, ref, undefined, 0.8);
    expect(r.footOnGround.every((v) => v === 1)).toBe(true);
    expect(Math.max(...r.force.map(Math.abs))).toBeLessThan(1e-6);
  });

  it('needs nothing in free fall and a full body weight to hover above the floor', () => {
    const fall = buildReference(model, rigid((t) => [p0[0], p0[1] + 2 - (G * t * t) / 2, p0[2]]));
    const rf = rootResidual(model, fall, undefined, 0.8);
    for (let f = 0; f < fall.frames; f++) expect(Math.hypot(rf.force[f * 3], rf.force[f * 3 + 1], rf.force[f * 3 + 2])).toBeLessThan(1e-6 * BW);
    const hover = rootResidual(model, buildReference(model, rigid(() => [p0[0], p0[1] + 0.5, p0[2]])), undefined, 0.8);
    expect(hover.footOnGround.every((v) => v === 0)).toBe(true);
    expect(hover.force[50 * 3 + 1] / BW).toBeCloseTo(1, 9);
  });

  it('measures a spin-up: required moment about the CoM = I_yy·α (whole-body inertia, parallel axes)', () => {
    const alpha = 2; // rad/s²
    const ref = buildReference(model, rigid(() => [p0[0], p0[1], p0[2]], (t) => (alpha * t * t) / 2));
    const c = [0, 0, 0];
    for (const s of model.segments) for (let k = 0; k < 3; k++) c[k] += (s.mass * s.com[k]) / model.mass;
    let Iyy = 0;
    for (const s of model.segments) Iyy += s.inertia[1] + s.mass * ((s.com[0] - c[0]) ** 2 + (s.com[2] - c[2]) ** 2);
    for (const f of [20, 50, 80]) expect(ref.requiredMoment[f * 3 + 1]).toBeCloseTo(Iyy * alpha, 1);
  });

  it('subtracts a measured ground wrench: exact plates leave no residual, plates reading 10 % low leave 0.1 BW', () => {
    const m = rigid(() => [p0[0], p0[1], p0[2]]);
    const ref = buildReference(model, m);
    const forceN = new Float64Array(m.frames * 3), momentNm = new Float64Array(m.frames * 3);
    for (let f = 0; f < m.frames; f++) {
      const c = ref.com.subarray(f * 3, f * 3 + 3);
      forceN[f * 3 + 1] = BW; // centre of pressure under the CoM: moment about the origin c × F
      momentNm[f * 3] = -c[2] * BW; momentNm[f * 3 + 2] = c[0] * BW;
    }
    const exact = rootResidual(model, ref, { forceN, momentNm }, 0.8);
    expect(Math.max(...exact.force.map(Math.abs), ...exact.moment.map(Math.abs))).toBeLessThan(1e-6);
    const low = rootResidual(model, ref, { forceN: forceN.map((v) => v * 0.9), momentNm: momentNm.map((v) => v * 0.9) }, 0.8);
    expect(low.force[10 * 3 + 1] / BW).toBeCloseTo(0.1, 9);
    expect(Math.hypot(low.moment[30], low.moment[31], low.moment[32])).toBeLessThan(1e-6);
  });
});
