import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import type { MotTable } from '../../../src/core/formats/mot/table';
import { bodyGeometry } from '../../../src/core/render/body';
import { cohortBodyModel } from '../../../src/core/render/cohortBody';
import { frameTimes, groundBody, legPose, motPose, peakGrfAngles } from '../../../src/core/render/taskPose';

const COLUMNS = ['time', 'ground_force_vy_bw', 'hip_flexion_r', 'knee_angle_r', 'ankle_angle_r'];
function mot(rows: number[][], inDegrees = true): MotTable {
  return { name: 't', version: 1, inDegrees, columns: COLUMNS, data: Float64Array.from(rows.flat()), rows: rows.length, header: {}, warnings: [] };
}

describe('peakGrfAngles', () => {
  it('takes the angles at the row of maximal vertical GRF (the first on ties)', () => {
    const a = peakGrfAngles(mot([[0, 0.5, 10, 10, -15], [0.001, 3.2, 30, 45, 12], [0.002, 3.2, 40, 60, 20], [0.003, 1, 60, 90, 25]]));
    expect(a).toEqual({ time: 0.001, grfBw: 3.2, hipDeg: 30, kneeDeg: 45, ankleDeg: 12 });
  });

  it('converts a radian MOT to degrees', () => {
    const a = peakGrfAngles(mot([[0, 2, Math.PI / 6, Math.PI / 4, 0]], false));
    expect(a.hipDeg).toBeCloseTo(30, 12);
    expect(a.kneeDeg).toBeCloseTo(45, 12);
  });

  it('uses left-side and lumbar columns when the series has them', () => {
    const t: MotTable = { ...mot([[0, 2, 30, 40, 5]]), columns: [...COLUMNS, 'hip_flexion_l', 'knee_angle_l', 'ankle_angle_l', 'lumbar_flexion'], data: Float64Array.of(0, 2, 30, 40, 5, 35, 50, 8, 12) };
    const a = peakGrfAngles(t);
    expect(a.left).toEqual({ hipDeg: 35, kneeDeg: 50, ankleDeg: 8 });
    expect(a.lumbarDeg).toBe(12);
    const body = cohortBodyModel({ sex: 'male', values: { stature: 1.8, mass: 75 } });
    const names = body.model.coordinates.map((c) => c.name);
    const q = legPose(body.model, body.pose, a);
    expect(q[names.indexOf('knee_flexion_l')]).toBeCloseTo((50 * Math.PI) / 180, 12);
    expect(q[names.indexOf('knee_flexion_r')]).toBeCloseTo((40 * Math.PI) / 180, 12);
    expect(q[names.indexOf('lumbar_extension')]).toBeCloseTo((-12 * Math.PI) / 180, 12); // flexion = negative extension
  });

  it('refuses a series without the GRF or joint-angle columns, or without rows', () => {
    expect(() => peakGrfAngles({ ...mot([[0, 1, 2, 3, 4]]), columns: ['time', 'x', 'hip_flexion_r', 'knee_angle_r', 'ankle_angle_r'] })).toThrow(/ground_force_vy_bw/);
    expect(() => peakGrfAngles(mot([]))).toThrow(KinetwinError);
  });
});

describe('legPose + groundBody', () => {
  const body = cohortBodyModel({ sex: 'female', values: { stature: 1.68, mass: 62 } });
  const names = body.model.coordinates.map((c) => c.name);
  const angles = { time: 0.1, grfBw: 3, hipDeg: 50, kneeDeg: 80, ankleDeg: 25 };

  it('sets hip, knee and ankle flexion on both sides and leaves every other coordinate neutral', () => {
    const q = legPose(body.model, body.pose, { ...angles, ankleDeg: 60 });
    const rad = (d: number) => (d * Math.PI) / 180;
    for (const s of ['r', 'l']) {
      expect(q[names.indexOf(`hip_flexion_${s}`)]).toBeCloseTo(rad(50), 12);
      expect(q[names.indexOf(`knee_flexion_${s}`)]).toBeCloseTo(rad(80), 12);
    }
    // the ankle's dorsiflexion range ends at 20° (+ margin): 60° is clamped to the model's limit
    expect(q[names.indexOf('ankle_dorsiflexion_r')]).toBe(body.model.coordinates[names.indexOf('ankle_dorsiflexion_r')].max);
    names.forEach((n, j) => { if (!/^(hip_flexion|knee_flexion|ankle_dorsiflexion)_/.test(n)) expect(q[j]).toBe(body.pose[j]); });
  });

  it('lowers the flexed body until its lowest surface touches the ground, and the knees end up in front of the hips', () => {
    const q = legPose(body.model, body.pose, angles);
    const g = groundBody(body.model, q, body.heightM, body.girth);
    const lowest = Math.min(...g.capsules.flatMap((c) => [c.a[1] - c.radius, c.b[1] - c.radius]));
    expect(lowest).toBeCloseTo(0, 12);
    const standing = bodyGeometry(body.model, body.pose, body.heightM, undefined, body.girth);
    expect(g.joints.hip_r[1]).toBeLessThan(standing.joints.hip_r[1] - 0.1); // a deep landing squat
    expect(g.joints.knee_r[0]).toBeGreaterThan(g.joints.hip_r[0] + 0.1); // X anterior
  });
});

describe('motPose + frameTimes (gait frames)', () => {
  const body = cohortBodyModel({ sex: 'male', values: { stature: 1.8, mass: 75 } });
  const names = body.model.coordinates.map((c) => c.name);
  const table: MotTable = { name: 'g', version: 1, inDegrees: true, columns: ['time', 'knee_flexion_r', 'pelvis_ty'], data: Float64Array.of(0, 10, 0.9, 0.01, 30, 1.0), rows: 2, header: {}, warnings: [] };

  it('reads coordinates by name, degrees → rad for rotations, metres kept, linear between rows', () => {
    const q = motPose(body.model, body.pose, table, 0.005);
    expect(q[names.indexOf('knee_flexion_r')]).toBeCloseTo((20 * Math.PI) / 180, 12);
    expect(q[names.indexOf('pelvis_ty')]).toBeCloseTo(0.95, 12);
    expect(q[names.indexOf('hip_flexion_r')]).toBe(body.pose[names.indexOf('hip_flexion_r')]); // absent column: neutral
    expect(motPose(body.model, body.pose, table, 5)[names.indexOf('pelvis_ty')]).toBeCloseTo(1.0, 12); // clamped to the end
  });

  it('spaces frames 1/fps apart from the start, within the series and the cap', () => {
    expect(frameTimes(2.2, 4, 8)).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75]);
    expect(frameTimes(0.5, 4, 8)).toEqual([0, 0.25, 0.5]);
    expect(frameTimes(10, 30, 8)).toHaveLength(8);
  });
});
