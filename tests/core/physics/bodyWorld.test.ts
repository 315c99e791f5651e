import { describe, expect, it } from 'vitest';
import { loadAmmo } from '../../../src/backend/services/ammo.js';
import { buildBodyModel } from '../../../src/core/physics/body/bodyModel.js';
import { centreOfMass, createBodyWorld, destroyBodyWorld, readJointAngles, readState, setJointTarget, stepBodyWorld } from '../../../src/core/physics/body/bodyWorld.js';
import { poseSegments } from '../../../src/core/physics/body/pose.js';

const ammo = await loadAmmo();

describe('body model (de Leva)', () => {
  it('has 15 segments whose masses sum to the body mass (de Leva Table 4 sums to 100 %)', () => {
    for (const sex of ['m', 'f'] as const) {
      const m = buildBodyModel({ stature: 1.7, mass: 70, sex });
      expect(m.segments).toHaveLength(15);
      expect(m.joints).toHaveLength(14);
      expect(m.segments.reduce((s, x) => s + x.mass, 0)).toBeCloseTo(70, 1);
    }
  });

  it('scales thigh inertia as m·(r·L)² with L proportional to stature', () => {
    const a = buildBodyModel({ stature: 1.741, mass: 73, sex: 'm' });
    const thigh = a.segments.find((s) => s.name === 'thigh_r')!;
    expect(thigh.length).toBeCloseTo(0.4222, 6);
    expect(thigh.inertia[2]).toBeCloseTo(0.1416 * 73 * (0.329 * 0.4222) ** 2, 6);
  });
});

describe('body world (Ammo)', () => {
  it('holds a posed body at its motor targets: joint angles read back in ISB Z-X-Y within 0.1°', () => {
    const model = buildBodyModel({ stature: 1.75, mass: 75 });
    const angles = new Float64Array(model.joints.length * 3);
    model.joints.forEach((_, i) => { angles[i * 3] = 10 + i; angles[i * 3 + 1] = i % 2 ? 3 : -3; angles[i * 3 + 2] = ((i % 3) - 1) * 4; });
    const bw = createBodyWorld(ammo, model, { pose: poseSegments(model, angles, [0, 2, 0], [0, 0, 0, 1]), gravity: 0 });
    for (let i = 0; i < model.joints.length; i++) setJointTarget(bw, i, angles[i * 3], angles[i * 3 + 1], angles[i * 3 + 2]);
    for (let s = 0; s < 300; s++) stepBodyWorld(bw);
    readState(bw);
    const got = readJointAngles(bw);
    for (let i = 0; i < angles.length; i++) expect(Math.abs((got[i] * 180) / Math.PI - angles[i])).toBeLessThan(0.1);
    destroyBodyWorld(bw);
  });

  it('keeps joints inside their limits: a knee driven to 170° stops near its 140° limit', () => {
    const model = buildBodyModel({ stature: 1.75, mass: 75 });
    const bw = createBodyWorld(ammo, model, { gravity: 0, lift: 1 });
    const knee = model.joints.findIndex((j) => j.name === 'knee_r');
    setJointTarget(bw, knee, 170);
    for (let s = 0; s < 1000; s++) stepBodyWorld(bw);
    readState(bw);
    const flex = (readJointAngles(bw)[knee * 3] * 180) / Math.PI;
    expect(flex).toBeGreaterThan(135);
    expect(flex).toBeLessThan(142);
    destroyBodyWorld(bw);
  });

  it('stands on the ground supported by 1 BW and is bit-identical across two runs', () => {
    const run = (): Float64Array => {
      const model = buildBodyModel({ stature: 1.75, mass: 75 });
      const bw = createBodyWorld(ammo, model);
      const out = new Float64Array(6);
      let fy = 0;
      for (let s = 0; s < 2000; s++) {
        stepBodyWorld(bw);
        if (s >= 1000) for (let i = 1; i < bw.contactForce.length; i += 3) fy += bw.contactForce[i] / 1000;
      }
      readState(bw);
      centreOfMass(bw, out);
      const state = bw.state.slice();
      destroyBodyWorld(bw);
      expect(fy / (75 * 9.81)).toBeCloseTo(1, 2);
      expect(out[1]).toBeGreaterThan(0.9);
      return state;
    };
    const a = run(), b = run();
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
  });
});
