import { describe, expect, it } from 'vitest';
import { loadAmmo } from '../../../src/backend/services/ammo.js';
import { buildBodyModel, jointIndex, type BodyModel } from '../../../src/core/physics/body/bodyModel.js';
import { lowestPoint, poseSegments } from '../../../src/core/physics/body/pose.js';
import { trackMotion, type MotionInput } from '../../../src/core/physics/body/tracking.js';

const ammo = await loadAmmo();
const model = buildBodyModel({ stature: 1.75, mass: 75 });

/** A slow squat whose feet stay flat on the ground (ankle = knee − hip keeps the foot level), 100 Hz. */
function squat(m: BodyModel, seconds: number, rate: number, wobble = 0): MotionInput {
  const frames = Math.round(seconds * rate) + 1;
  const J = m.joints.length;
  const angles = new Float64Array(frames * J * 3);
  const root = new Float64Array(frames * 3);
  const quat = new Float64Array(frames * 4);
  const grf = new Float64Array(frames);
  const com = new Float64Array(frames);
  const foot = m.segments.findIndex((s) => s.name === 'foot_r');
  const sink = Math.pow((m.mass * 9.81) / 8 / 1e5, 2 / 3); // static Hunt–Crossley sphere compression
  let footX = 0;
  for (let f = 0; f < frames; f++) {
    const t = f / rate;
    const s = (1 - Math.cos((2 * Math.PI * t) / seconds)) / 2;
    const a = angles.subarray(f * J * 3, (f + 1) * J * 3);
    for (const side of ['r', 'l']) {
      a[jointIndex(m, `hip_${side}`) * 3] = 40 * s;
      a[jointIndex(m, `knee_${side}`) * 3] = 70 * s;
      a[jointIndex(m, `ankle_${side}`) * 3] = 30 * s;
    }
    quat[f * 4 + 3] = 1;
    const pose = poseSegments(m, a, [0, 0, 0], [0, 0, 0, 1]);
    if (f === 0) footX = pose[foot * 7];
    root[f * 3] = footX - pose[foot * 7];
    root[f * 3 + 1] = -lowestPoint(m, pose) - sink + wobble * Math.sin(2 * Math.PI * 3 * t);
    let c = 0;
    m.segments.forEach((seg, i) => { c += seg.mass * (pose[i * 7 + 1] + root[f * 3 + 1]); });
    com[f] = c / m.mass;
  }
  for (let f = 0; f < frames; f++) {
    const acc = f > 0 && f < frames - 1 ? (com[f + 1] - 2 * com[f] + com[f - 1]) * rate * rate : 0;
    grf[f] = m.mass * (9.81 + acc); // what force plates would measure for this CoM motion
  }
  return { rate, frames, rootPosition: root, rootQuaternion: quat, jointAnglesDeg: angles, measuredGrfN: grf };
}

describe('trackMotion (physics consistency)', () => {
  const consistent = trackMotion(ammo, model, squat(model, 2, 100));
  const corrupted = trackMotion(ammo, model, { ...squat(model, 2, 100, 0.03), measuredGrfN: squat(model, 2, 100).measuredGrfN });

  it('tracks a feasible squat: no root residual, the pads carry the measured GRF, joints within a degree', () => {
    expect(consistent.residualSource).toBe('friction cone'); // no 3-D plate wrench given: residual = what a floor cannot supply
    expect(consistent.rmsResidualForcePctBw).toBeLessThan(0.5);
    expect(consistent.grfRmseBw).toBeLessThan(0.15);
    expect(consistent.simulationRootForceRmsPctBw).toBeLessThan(15); // the simulated feet, not the actuator, hold the body
    expect(consistent.trackingErrorRmsDeg).toBeLessThan(1);
    expect(consistent.rootErrorRmsM).toBeLessThan(0.01);
    expect(consistent.jointLimitViolationMaxDeg).toBeLessThan(2);
    expect(consistent.penetrationMaxM).toBeLessThan(consistent.staticDeflectionM + 0.005);
    expect(consistent.consistencyScore).toBeGreaterThan(75);
  });

  it('needs larger root residuals, and scores lower, when the motion is corrupted (3 cm whole-body wobble at 3 Hz)', () => {
    // 0.03·(6π)² ≈ 10.7 m/s² > g: the body would have to be pulled down, and the feet leave the floor
    expect(corrupted.rmsResidualForcePctBw).toBeGreaterThan(4);
    expect(corrupted.simulationRootForceRmsPctBw).toBeGreaterThan(3 * consistent.simulationRootForceRmsPctBw);
    expect(corrupted.grfRmseBw).toBeGreaterThan(4 * consistent.grfRmseBw);
    expect(corrupted.consistencyScore).toBeLessThan(consistent.consistencyScore / 1.5);
  });

  it('rejects motion arrays that do not match the model, and non-finite frames', () => {
    const m = squat(model, 0.2, 100);
    expect(() => trackMotion(ammo, model, { ...m, jointAnglesDeg: new Float64Array(3) })).toThrow(/do not match/);
    const bad = m.rootPosition.slice();
    bad[4] = NaN;
    expect(() => trackMotion(ammo, model, { ...m, rootPosition: bad })).toThrow(/non-finite/);
  });
});
