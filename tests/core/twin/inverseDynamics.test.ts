import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { createFullBodyModel } from '../../../src/core/twin/fullBody';
import { assignGroundReactions, resample } from '../../../src/core/twin/groundReaction';
import { solveInverseKinematics } from '../../../src/core/twin/ik';
import { inverseDynamics } from '../../../src/core/twin/inverseDynamics';
import { OPENSIM_GAIT } from '../../../src/core/twin/markerSets';
import { createBodyModel, type SegmentDef } from '../../../src/core/twin/model';
import { scaleModel } from '../../../src/core/twin/scale';
import { readMotColumns, readTrcFile } from './helpers';

const g = 9.81;
// A rigid rod hanging from a fixed base by a hinge about Z: mass m, CoM d below the pivot, Izz about the CoM.
const m = 3, L = 0.5, d = 0.2, Izz = 0.05;
function pendulum() {
  const defs: SegmentDef[] = [
    { name: 'base', parent: null, joint: 'ground', origin: [0, 0, 0], coordinates: [], distal: [0, 0, 0], massKg: 1, com: [0, 0, 0], inertia: [0, 0, 0] },
    {
      name: 'rod', parent: 'base', joint: 'pivot', origin: [0, 0, 0],
      coordinates: [{ name: 'theta', kind: 'rotation', axis: [0, 0, 1], min: -Infinity, max: Infinity }],
      distal: [0, -L, 0], massKg: m, com: [0, -d, 0], inertia: [0.04, 0.01, Izz],
    },
  ];
  return createBodyModel('pendulum', defs, [], 1 + m, 'male');
}

describe('inverseDynamics (Newton–Euler)', () => {
  it('a swinging pendulum needs M = I_pivot·α + m·g·d·sin θ at its hinge', () => {
    const model = pendulum(), rate = 1000, frames = 2000, A = 0.8, w = 2 * Math.PI * 1.3;
    const q = Float64Array.from({ length: frames }, (_, f) => A * Math.sin((w * f) / rate));
    const id = inverseDynamics(model, q, rate, { loads: [], cutoffHz: null, normalise: false });
    for (let f = 5; f < frames - 5; f += 37) {
      const th = q[f], alpha = -A * w * w * Math.sin((w * f) / rate), omega = A * w * Math.cos((w * f) / rate);
      const expected = (Izz + m * d * d) * alpha + m * g * d * Math.sin(th);
      expect(id.generalizedForces[f]).toBeCloseTo(expected, 3);
      expect(id.moments[f * 3 + 2]).toBeCloseTo(expected, 3); // Z component in the base (proximal) frame
      expect(id.powers[f]).toBeCloseTo(expected * omega, 2);
    }
  });

  it('a rod held horizontal under a tip load needs M = m·g·d + F·L, and the joint carries m·g + F', () => {
    const model = pendulum(), rate = 100, frames = 50, F = 40;
    const q = new Float64Array(frames).fill(Math.PI / 2); // rod along +X
    const force = new Float64Array(frames * 3), point = new Float64Array(frames * 3);
    for (let f = 0; f < frames; f++) { force[f * 3 + 1] = -F; point[f * 3] = L; }
    const id = inverseDynamics(model, q, rate, { loads: [{ segment: 'rod', force, point }], normalise: false });
    for (let f = 0; f < frames; f++) {
      expect(id.generalizedForces[f]).toBeCloseTo(m * g * d + F * L, 9);
      expect(id.forces[f * 3 + 1]).toBeCloseTo(m * g + F, 9);
      expect(id.powers[f]).toBeCloseTo(0, 9);
    }
  });

  it('rejects loads on unknown segments and mis-sized series', () => {
    const model = pendulum(), q = new Float64Array(10);
    expect(() => inverseDynamics(model, q, 100, { loads: [{ segment: 'wing', force: new Float64Array(30) }] })).toThrow(KinetwinError);
    expect(() => inverseDynamics(model, q, 100, { loads: [{ segment: 'rod', force: new Float64Array(3) }] })).toThrow(/frames × 3/);
  });

  it('resample interpolates linearly and leaves times outside the record NaN', () => {
    const out = resample(Float64Array.of(0, 1, 2), Float64Array.of(0, 10, 20, 30, 40, 50), 2, Float64Array.of(0.5, 2, 3));
    expect(Array.from(out.subarray(0, 4))).toEqual([10, 20, 40, 50]);
    expect(Number.isNaN(out[4])).toBe(true);
  });

  it('gives plausible net joint moments for subject01 walking (ankle plantarflexor peak 1–2 N·m/kg)', () => {
    const dir = ['opensim_core', 'gait10dof18musc'];
    const mass = 72.6;
    const { model } = createFullBodyModel({ massKg: mass, sex: 'male' });
    const scaled = scaleModel(model, OPENSIM_GAIT, readTrcFile(...dir, 'subject01_static.trc'), { massKg: mass, sex: 'male' });
    const ik = solveInverseKinematics(scaled.model, OPENSIM_GAIT, readTrcFile(...dir, 'subject01_walk.trc'));
    const grf = readMotColumns(...dir, 'subject01_walk_grf.mot');
    const series = (prefix: string, names: string[]) => {
      const k = grf.time.length, out = new Float64Array(k * 3);
      names.forEach((nm, j) => grf[prefix + nm].forEach((v, i) => (out[i * 3 + j] = v)));
      return resample(grf.time, out, 3, ik.time);
    };
    const plates = ['', '1_'].map((p) => ({
      force: series(p, ['ground_force_vx', 'ground_force_vy', 'ground_force_vz']),
      cop: series(p, ['ground_force_px', 'ground_force_py', 'ground_force_pz']),
      moment: series(p, ['ground_torque_x', 'ground_torque_y', 'ground_torque_z']),
    }));
    const loads = assignGroundReactions(scaled.model, ik.coordinates, ik.rate, plates);
    const id = inverseDynamics(scaled.model, ik.coordinates, ik.rate, { loads });
    expect(id.warnings.join(' ')).toMatch(/wrist_flexion_r/);
    const n = id.coordinateNames.length;
    const col = (name: string) => {
      const c = id.coordinateNames.indexOf(name);
      return Array.from({ length: id.frames }, (_, f) => id.generalizedForces[f * n + c]).filter(Number.isFinite);
    };
    for (const side of ['r', 'l']) {
      const ankle = col(`ankle_dorsiflexion_${side}`), knee = col(`knee_flexion_${side}`), hip = col(`hip_flexion_${side}`);
      expect(Math.min(...ankle)).toBeLessThan(-1); // plantarflexor moment in push-off
      expect(Math.min(...ankle)).toBeGreaterThan(-2);
      expect(Math.max(...ankle)).toBeLessThan(0.5);
      expect(Math.min(...knee)).toBeLessThan(-0.3); // knee extensor moment in loading response
      for (const v of [...knee, ...hip]) expect(Math.abs(v)).toBeLessThan(1.5);
    }
  });
});
