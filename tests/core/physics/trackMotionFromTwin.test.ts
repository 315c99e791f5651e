import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors.js';
import { buildBodyModel, jointIndex } from '../../../src/core/physics/body/bodyModel.js';
import { fillGaps } from '../../../src/core/physics/track/fillGaps.js';
import { motionFromTwin } from '../../../src/core/physics/track/motionFromTwin.js';
import { statureFromTwin } from '../../../src/core/physics/track/statureFromTwin.js';
import { createFullBodyModel } from '../../../src/core/twin/fullBody.js';
import { createKinematicsData, forwardKinematics } from '../../../src/core/twin/forwardKinematics.js';

const twin = createFullBodyModel({ massKg: 70, sex: 'male', heightM: 1.8 }).model;
const body = buildBodyModel({ stature: 1.8, mass: 70 });
const nc = twin.coordinates.length;
const ci = (name: string): number => twin.coordinates.findIndex((c) => c.name === name);
const DEG = Math.PI / 180;

/** frames × coordinates, standing (pelvis 1 m up), `set(f, q)` edits each frame. */
function trajectory(frames: number, set: (f: number, q: Float64Array) => void = () => {}): Float64Array {
  const all = new Float64Array(frames * nc);
  for (let f = 0; f < frames; f++) {
    const q = all.subarray(f * nc, (f + 1) * nc);
    q[ci('pelvis_ty')] = 1;
    set(f, q);
  }
  return all;
}
const angle = (m: Float64Array, f: number, joint: string, k: number): number => m[(f * body.joints.length + jointIndex(body, joint)) * 3 + k];

describe('fillGaps(data, width, frames)', () => {
  it('interpolates inner gaps linearly, holds the ends and zeroes channels never seen', () => {
    const d = Float64Array.from([NaN, NaN, 1, NaN, NaN, 0, 3, NaN, NaN, NaN]); // 5 frames × 2
    expect(fillGaps(d, 2, 5)).toEqual([]);
    expect(Array.from(d)).toEqual([1, 0, 1, 0, 2, 0, 3, 0, 3, 0]);
    const e = Float64Array.from([NaN, 1, NaN, 2]);
    expect(fillGaps(e, 2, 2)).toEqual([0]);
    expect(Array.from(e)).toEqual([0, 1, 0, 2]);
  });
});

describe('statureFromTwin(twin, sex)', () => {
  it('recovers the stature of a de Leva-proportioned twin from its leg length', () => {
    expect(statureFromTwin(twin, 'm')).toBeCloseTo(1.8, 3);
    const tall = createFullBodyModel({ massKg: 90, sex: 'female', heightM: 1.95 }).model;
    expect(statureFromTwin(tall, 'f')).toBeCloseTo(1.95, 3);
  });
});

describe('motionFromTwin(twin, coordinates, rate, body)', () => {
  it('maps the neutral standing twin to zero joint angles, an identity pelvis and the feet on the floor (less the pad deflection)', () => {
    const { motion, groundOffsetM, warnings } = motionFromTwin(twin, trajectory(10), 100, body, { cutoffHz: 0, sinkM: 0 });
    expect(motion.frames).toBe(10);
    for (const v of motion.jointAnglesDeg) expect(Math.abs(v)).toBeLessThan(1e-6);
    expect(Array.from(motion.rootQuaternion.subarray(0, 4)).map((v) => +v.toFixed(9))).toEqual([0, 0, 0, 1]);
    // the pelvis CoM sits at its neutral height above the floor whatever the twin's pelvis_ty
    expect(motion.rootPosition[1]).toBeCloseTo(body.segments[0].com[1], 2);
    expect(Number.isFinite(groundOffsetM)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('keeps the clinical senses: hip and knee flexion, ankle dorsiflexion positive as in the twin, left side mirrored', () => {
    const q = trajectory(4, (_, x) => {
      x[ci('hip_flexion_r')] = 30 * DEG; x[ci('knee_flexion_r')] = 40 * DEG; x[ci('ankle_dorsiflexion_r')] = 10 * DEG;
      x[ci('hip_adduction_l')] = 8 * DEG; x[ci('hip_adduction_r')] = 8 * DEG; x[ci('hip_flexion_l')] = -10 * DEG;
    });
    const { motion } = motionFromTwin(twin, q, 100, body, { cutoffHz: 0 });
    expect(angle(motion.jointAnglesDeg, 2, 'hip_r', 0)).toBeCloseTo(30, 0);
    expect(angle(motion.jointAnglesDeg, 2, 'knee_r', 0)).toBeCloseTo(40, 0);
    expect(angle(motion.jointAnglesDeg, 2, 'ankle_r', 0)).toBeCloseTo(10, 0);
    expect(angle(motion.jointAnglesDeg, 2, 'hip_l', 0)).toBeCloseTo(-10, 0);
    expect(angle(motion.jointAnglesDeg, 2, 'hip_r', 1)).toBeCloseTo(angle(motion.jointAnglesDeg, 2, 'hip_l', 1), 3);
    expect(angle(motion.jointAnglesDeg, 2, 'hip_r', 1)).toBeCloseTo(8, 0);
  });

  it('turns the twin lumbar_extension (about −Z: positive tips the torso forward) into physics lumbar flexion', () => {
    const q = trajectory(3, (_, x) => { x[ci('lumbar_extension')] = 0.3; });
    const d = createKinematicsData(twin);
    forwardKinematics(twin, q.subarray(0, nc), d);
    const torso = twin.segments.findIndex((s) => s.name === 'torso');
    expect(d.segR[torso * 9 + 1]).toBeGreaterThan(0.25); // torso Y axis leans anterior (+X): a forward bend
    const { motion } = motionFromTwin(twin, q, 100, body, { cutoffHz: 0 });
    expect(angle(motion.jointAnglesDeg, 1, 'lumbar', 0)).toBeCloseTo(0.3 / DEG, 0); // flexion, not extension
  });

  it('removes a treadmill belt velocity so the stance feet stand still', () => {
    // the whole body slides backwards at 1.2 m/s (feet on a belt), pelvis otherwise still
    const q = trajectory(60, (f, x) => { x[ci('pelvis_tx')] = -1.2 * f / 60; x[ci('knee_flexion_r')] = 20 * DEG; });
    const { motion, warnings } = motionFromTwin(twin, q, 60, body, { cutoffHz: 0 });
    expect(warnings.some((w) => /1\.20 m\/s \(treadmill/.test(w))).toBe(true);
    expect(motion.rootPosition[59 * 3] - motion.rootPosition[0]).toBeCloseTo(0, 6);
  });

  it('tracks the longest stretch with the pelvis seen when no frame range is given', () => {
    const q = trajectory(10, (f, x) => { if (f < 2 || f === 8) x[ci('pelvis_ty')] = NaN; });
    const r = motionFromTwin(twin, q, 100, body, { cutoffHz: 0 });
    expect(r.firstFrame).toBe(2);
    expect(r.motion.frames).toBe(6); // frames 2–7
    expect(r.warnings[0]).toMatch(/tracking frames 2–7/);
  });

  it('cuts the measured ground wrench to the tracked frames and moves its moment with the lab origin (ground offset)', () => {
    const frames = 10, forceN = new Float64Array(frames * 3), momentNm = new Float64Array(frames * 3);
    for (let f = 0; f < frames; f++) { forceN.set([100, 700, 0], f * 3); momentNm.set([1, 2, 3 + f], f * 3); }
    const q = trajectory(frames, (f, x) => { if (f < 2) x[ci('pelvis_ty')] = NaN; });
    const r = motionFromTwin(twin, q, 100, body, { cutoffHz: 0, measuredGrf: { forceN, momentNm } });
    const g = r.motion.measuredGrf!;
    expect(g.forceN.length).toBe(8 * 3);
    // origin raised by the ground offset s = (0, h, 0): M' = M − s × F, (s × F)_z = −h·Fx
    expect(g.momentNm[2]).toBeCloseTo(3 + 2 + r.groundOffsetM * 100, 9);
    expect(g.momentNm[0]).toBeCloseTo(1, 9);
    expect(() => motionFromTwin(twin, trajectory(5), 100, body, { measuredGrf: { forceN: new Float64Array(3), momentNm: new Float64Array(3) } })).toThrow(/ground wrench/);
  });

  it('fills coordinate gaps and rejects impossible input with a KinetwinError', () => {
    const q = trajectory(5, (f, x) => { x[ci('knee_flexion_r')] = f === 2 ? NaN : 20 * DEG; });
    expect(angle(motionFromTwin(twin, q, 100, body, { cutoffHz: 0 }).motion.jointAnglesDeg, 2, 'knee_r', 0)).toBeCloseTo(20, 0);
    expect(() => motionFromTwin(twin, new Float64Array(nc * 3 + 1), 100, body)).toThrow(KinetwinError);
    expect(() => motionFromTwin(twin, trajectory(5), 100, body, { firstFrame: 3, lastFrame: 9 })).toThrow(/frames 3–9/);
    const noRoot = trajectory(5, (_, x) => { x[ci('pelvis_tx')] = NaN; });
    expect(() => motionFromTwin(twin, noRoot, 100, body)).toThrow(/pelvis pose is determined in fewer than 2/);
    expect(() => motionFromTwin(twin, noRoot, 100, body, { firstFrame: 0 })).toThrow(/pelvis pose is undetermined in every frame/);
    expect(() => motionFromTwin(twin, trajectory(5), 100, body, { measuredGrfN: new Float64Array(2) })).toThrow(/measured GRF/);
  });
});
