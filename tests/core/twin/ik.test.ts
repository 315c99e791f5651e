import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { createFullBodyModel } from '../../../src/core/twin/fullBody';
import { createKinematicsData, forwardKinematics, markerPositions } from '../../../src/core/twin/forwardKinematics';
import { solveInverseKinematics } from '../../../src/core/twin/ik';
import { OPENSIM_GAIT, PLUG_IN_GAIT, type MarkerSet } from '../../../src/core/twin/markerSets';
import { gaussian, makeTrial } from './helpers';

const DEG = Math.PI / 180;

// A smooth synthetic movement within the joint limits: every rotational coordinate swings sinusoidally.
function synthetic(set: MarkerSet, frames: number, noiseM: number, seed = 1, kneeDof: 1 | 3 = 1, shoulderGirdle = false) {
  const { model, pose } = createFullBodyModel({ massKg: 75, sex: 'male', markerSet: set, kneeDof, shoulderGirdle });
  const n = model.coordinates.length, M = model.markers.length, kin = createKinematicsData(model);
  const truth = new Float64Array(frames * n), data = new Float32Array(frames * M * 3), noise = gaussian(seed);
  for (let f = 0; f < frames; f++) {
    const q = truth.subarray(f * n, f * n + n);
    q.set(pose);
    model.coordinates.forEach((c, i) => {
      if (c.kind !== 'rotation') return;
      const lo = Math.max(c.min + 10 * DEG, -60 * DEG), hi = Math.min(c.max - 10 * DEG, 60 * DEG);
      q[i] = (i < 6 ? 0.3 : 1) * (lo + (hi - lo) * (0.5 + 0.4 * Math.sin(0.05 * f + i)));
    });
    q[3] += 0.01 * f; // walking forward
    forwardKinematics(model, q, kin);
    markerPositions(model, kin);
    for (let k = 0; k < M * 3; k++) data[f * M * 3 + k] = kin.markers[k] + noise(noiseM);
  }
  return { model, truth, trial: makeTrial(model.markers.map((m) => m.name), data, 100) };
}

function rotationErrors(model: ReturnType<typeof synthetic>['model'], truth: Float64Array, est: Float64Array, names: string[]) {
  const n = model.coordinates.length, frames = truth.length / n;
  return names.map((name) => {
    const c = model.coordinates.findIndex((x) => x.name === name);
    let max = 0, ss = 0;
    for (let f = 0; f < frames; f++) {
      const e = Math.abs(est[f * n + c] - truth[f * n + c]);
      max = Math.max(max, e);
      ss += e * e;
    }
    return { name, maxDeg: max / DEG, rmsDeg: Math.sqrt(ss / frames) / DEG };
  });
}

const LOWER = ['pelvis_tilt', 'pelvis_list', 'pelvis_rotation', 'hip_flexion_r', 'hip_adduction_r', 'hip_rotation_r', 'knee_flexion_r',
  'ankle_dorsiflexion_r', 'ankle_inversion_r', 'hip_flexion_l', 'hip_adduction_l', 'hip_rotation_l', 'knee_flexion_l',
  'ankle_dorsiflexion_l', 'ankle_inversion_l', 'lumbar_extension', 'lumbar_bending', 'lumbar_rotation'];

describe('solveInverseKinematics', () => {
  it('recovers noise-free joint angles within 0.1° (OpenSim gait markers)', () => {
    const { model, truth, trial } = synthetic(OPENSIM_GAIT, 120, 0);
    const ik = solveInverseKinematics(model, OPENSIM_GAIT, trial);
    for (const e of rotationErrors(model, truth, ik.coordinates, [...LOWER, 'shoulder_flexion_r', 'elbow_flexion_l'])) expect(e.maxDeg, e.name).toBeLessThan(0.1);
    expect(Math.max(...ik.rmsErrorM)).toBeLessThan(1e-4);
  });

  it('recovers joint angles within 1° RMS from markers with 1 mm Gaussian noise', () => {
    const { model, truth, trial } = synthetic(OPENSIM_GAIT, 150, 0.001, 7);
    const ik = solveInverseKinematics(model, OPENSIM_GAIT, trial);
    for (const e of rotationErrors(model, truth, ik.coordinates, LOWER)) expect(e.rmsDeg, e.name).toBeLessThan(1);
    const meanRms = ik.rmsErrorM.reduce((a, b) => a + b) / ik.frames;
    // 3-D noise of σ = 1 mm per axis puts markers √3 mm (RMS) off; the fit absorbs a little of it, no more.
    expect(meanRms).toBeGreaterThan(0.0012);
    expect(meanRms).toBeLessThan(Math.sqrt(3) * 0.001);
  });

  it('recovers a 3-DOF knee (flexion, ab/adduction, rotation) noise-free within 0.1°', () => {
    const { model, truth, trial } = synthetic(OPENSIM_GAIT, 60, 0, 3, 3);
    expect(model.coordinates.map((c) => c.name)).toContain('knee_rotation_l');
    const ik = solveInverseKinematics(model, OPENSIM_GAIT, trial);
    for (const e of rotationErrors(model, truth, ik.coordinates, ['knee_flexion_r', 'knee_adduction_r', 'knee_rotation_r', 'knee_adduction_l', 'ankle_inversion_l'])) expect(e.maxDeg, e.name).toBeLessThan(0.1);
  });

  it('recovers noise-free joint angles within 0.1° with shoulder girdles, the clavicles included', () => {
    const { model, truth, trial } = synthetic(OPENSIM_GAIT, 80, 0, 5, 1, true);
    const ik = solveInverseKinematics(model, OPENSIM_GAIT, trial);
    const names = [...LOWER, ...['r', 'l'].flatMap((s) => [`clavicle_elevation_${s}`, `clavicle_protraction_${s}`, `shoulder_flexion_${s}`, `shoulder_adduction_${s}`, `elbow_flexion_${s}`])];
    for (const e of rotationErrors(model, truth, ik.coordinates, names)) expect(e.maxDeg, e.name).toBeLessThan(0.1);
    expect(Math.max(...ik.rmsErrorM)).toBeLessThan(1e-4);
  });

  it('recovers trunk, shoulder-girdle and arm angles within 1° RMS from Plug-in Gait markers with 1 mm noise', () => {
    const { model, truth, trial } = synthetic(PLUG_IN_GAIT, 150, 0.001, 7, 1, true);
    const ik = solveInverseKinematics(model, PLUG_IN_GAIT, trial);
    const names = ['lumbar_extension', 'lumbar_bending', 'lumbar_rotation',
      ...['r', 'l'].flatMap((s) => [`clavicle_elevation_${s}`, `clavicle_protraction_${s}`, `shoulder_flexion_${s}`, `shoulder_adduction_${s}`, `elbow_flexion_${s}`])];
    for (const e of rotationErrors(model, truth, ik.coordinates, names)) expect(e.rmsDeg, e.name).toBeLessThan(1);
  });

  it('works with Plug-in Gait markers and a Z-up lab', () => {
    const { model, truth, trial } = synthetic(PLUG_IN_GAIT, 60, 0);
    const pts = trial.points!;
    for (let i = 0; i < pts.data.length; i += 3) {
      const y = pts.data[i + 1], z = pts.data[i + 2];
      pts.data[i + 1] = -z; // (x, y, z)_Y-up → (x, −z, y)_Z-up
      pts.data[i + 2] = y;
    }
    trial.metadata.upAxis = 'z';
    const ik = solveInverseKinematics(model, PLUG_IN_GAIT, trial);
    for (const e of rotationErrors(model, truth, ik.coordinates, ['hip_flexion_r', 'knee_flexion_l', 'ankle_dorsiflexion_r'])) expect(e.maxDeg, e.name).toBeLessThan(0.1);
  });

  it('reports NaN and a warning for coordinates whose segments lost their markers, and solves the rest', () => {
    const { model, truth, trial } = synthetic(OPENSIM_GAIT, 40, 0);
    const pts = trial.points!, M = pts.labels.length;
    const gone = pts.labels.map((l, i) => (/^R\.(Heel|Midfoot|Toe)/.test(l) ? i : -1)).filter((i) => i >= 0);
    for (let f = 10; f < 20; f++) for (const i of gone) pts.data.fill(NaN, (f * M + i) * 3, (f * M + i) * 3 + 3);
    const ik = solveInverseKinematics(model, OPENSIM_GAIT, trial);
    const n = model.coordinates.length, ankle = model.coordinates.findIndex((c) => c.name === 'ankle_dorsiflexion_r');
    expect(Number.isNaN(ik.coordinates[15 * n + ankle])).toBe(true);
    expect(Number.isNaN(ik.coordinates[25 * n + ankle])).toBe(false);
    expect(ik.warnings.join('\n')).toMatch(/ankle_dorsiflexion_r, ankle_inversion_r undetermined \(NaN\) in 10 of 40 frames/);
    for (const e of rotationErrors(model, truth, ik.coordinates, ['knee_flexion_r', 'hip_flexion_l'])) expect(e.maxDeg, e.name).toBeLessThan(0.1);
  });

  it('throws naming the missing markers when the trial has almost none of the model markers', () => {
    const { model } = synthetic(OPENSIM_GAIT, 2, 0);
    const trial = makeTrial(['R.ASIS', 'Foo'], new Float32Array(2 * 2 * 3), 100);
    expect(() => solveInverseKinematics(model, OPENSIM_GAIT, trial)).toThrow(KinetwinError);
    expect(() => solveInverseKinematics(model, OPENSIM_GAIT, trial)).toThrow(/missing: .*L\.ASIS/);
  });
});
