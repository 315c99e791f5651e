import { describe, expect, it } from 'vitest';
import { loadAmmo } from '../../../src/backend/services/ammo.js';
import { KinetwinError } from '../../../src/core/errors.js';
import { findSelfCollision, placeBones, createHandCollider, destroyHandCollider } from '../../../src/core/physics/hand/handCollision.js';
import { buildHandModel, type HandVariant } from '../../../src/core/physics/hand/handModel.js';
import { createHandPose, handForwardKinematics } from '../../../src/core/physics/hand/handPose.js';
import { createHandSampler } from '../../../src/core/physics/hand/handSampler.js';

const ammo = await loadAmmo();
const HL = 0.19;
const kp = (m: ReturnType<typeof buildHandModel>, name: string, pts: Float64Array): number[] => {
  const k = m.keypointNames.indexOf(name);
  return [pts[k * 3], pts[k * 3 + 1], pts[k * 3 + 2]];
};
const dist = (a: number[], b: number[]): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

const VARIANTS: Record<string, HandVariant> = {
  typical: {},
  'absent 3,4': { absent: [3, 4] },
  'absent from 2:pip': { absentFrom: [{ digit: 2, joint: 'pip' }] },
  'fused 3,4': { fused: [[3, 4]] },
  'extra digit': { extra: true },
  'short little middle phalanx': { shortened: [{ digit: 5, bone: 'middle', factor: 0.5 }] },
};

describe('hand model', () => {
  it('scales phalanx lengths by hand length (Buchholz 1992 ratios): middle finger MCP → tip = 0.555 × hand length', () => {
    const m = buildHandModel(HL);
    const pose = handForwardKinematics(m, new Float64Array(m.joints.length * 2), createHandPose(m));
    expect(dist(kp(m, 'middle_mcp', pose.keypoints), kp(m, 'middle_tip', pose.keypoints))).toBeCloseTo((0.277 + 0.17 + 0.108) * HL, 10);
    expect(m.keypointNames).toHaveLength(21);
    expect(m.keypointNames.slice(0, 5)).toEqual(['wrist', 'thumb_cmc', 'thumb_mcp', 'thumb_ip', 'thumb_tip']);
  });

  it('uses the clinical ranges of REFERENCE.md §5 (MCP −45…90 with ±20 abduction, PIP 0…100, DIP 0…90)', () => {
    const m = buildHandModel(HL);
    const j = (n: string) => m.joints.find((x) => x.name === n)!;
    expect(j('mcp2').flexion).toEqual([-45, 90]);
    expect(j('mcp2').abduction).toEqual([-20, 20]);
    expect(j('pip3').flexion).toEqual([0, 100]);
    expect(j('dip5').flexion).toEqual([0, 90]);
  });

  it('flexing the PIP by 90° turns the middle phalanx perpendicular to the proximal one, towards the palm', () => {
    const m = buildHandModel(HL);
    const a = new Float64Array(m.joints.length * 2);
    a[m.joints.findIndex((x) => x.name === 'pip3') * 2] = 90;
    const p = handForwardKinematics(m, a, createHandPose(m)).keypoints;
    const mcp = kp(m, 'middle_mcp', p), pip = kp(m, 'middle_pip', p), dip = kp(m, 'middle_dip', p);
    const u = [pip[0] - mcp[0], pip[1] - mcp[1], pip[2] - mcp[2]], v = [dip[0] - pip[0], dip[1] - pip[1], dip[2] - pip[2]];
    expect(u[0] * v[0] + u[1] * v[1] + u[2] * v[2]).toBeCloseTo(0, 10);
    expect(v[2]).toBeGreaterThan(0); // Z is palmar
  });

  it('marks the keypoints of absent digits and of digits cut at a joint as absent (NaN)', () => {
    const m = buildHandModel(HL, { absent: [3], absentFrom: [{ digit: 2, joint: 'pip' }] });
    const p = handForwardKinematics(m, new Float64Array(m.joints.length * 2), createHandPose(m)).keypoints;
    const present = (n: string) => m.keypointPresent[m.keypointNames.indexOf(n)];
    expect(present('middle_mcp')).toBe(0);
    expect(present('middle_tip')).toBe(0);
    expect(present('index_mcp')).toBe(1);
    expect(present('index_pip')).toBe(0);
    expect(present('index_tip')).toBe(0);
    expect(Number.isNaN(kp(m, 'index_tip', p)[0])).toBe(true);
    expect(Number.isFinite(kp(m, 'ring_tip', p)[0])).toBe(true);
  });

  it('adds four keypoints for an extra digit and shortens a phalanx by its factor', () => {
    expect(buildHandModel(HL, { extra: true }).keypointNames).toHaveLength(25);
    const m = buildHandModel(HL, { shortened: [{ digit: 5, bone: 'middle', factor: 0.5 }] });
    const p = handForwardKinematics(m, new Float64Array(m.joints.length * 2), createHandPose(m)).keypoints;
    expect(dist(kp(m, 'little_pip', p), kp(m, 'little_dip', p))).toBeCloseTo(0.5 * 0.117 * HL, 10);
  });

  it('rejects unknown digits, joints and factors with a KinetwinError', () => {
    expect(() => buildHandModel(HL, { absent: [7] })).toThrow(KinetwinError);
    expect(() => buildHandModel(HL, { absent: [6] })).toThrow(/unknown digit 6/);
    expect(() => buildHandModel(HL, { absentFrom: [{ digit: 1, joint: 'pip' }] })).toThrow(/no joint 'pip'/);
    expect(() => buildHandModel(HL, { fused: [[2, 4]] })).toThrow(/adjacent/);
    expect(() => buildHandModel(HL, { shortened: [{ digit: 2, bone: 'middle', factor: 0 }] })).toThrow(/factor/);
    expect(() => buildHandModel(0.5)).toThrow(/hand length/);
  });
});

describe('hand self-collision (Ammo contact queries)', () => {
  it('finds the neutral hand collision-free and two fingers crossed into each other colliding', () => {
    const m = buildHandModel(HL);
    const hc = createHandCollider(ammo, m);
    const pose = createHandPose(m);
    const a = new Float64Array(m.joints.length * 2);
    placeBones(hc, handForwardKinematics(m, a, pose));
    expect(findSelfCollision(hc)).toBe(-1);
    // index towards the ulnar side, middle towards the radial side: the proximal phalanges cross
    a[m.joints.findIndex((x) => x.name === 'mcp2') * 2 + 1] = -20;
    a[m.joints.findIndex((x) => x.name === 'mcp3') * 2 + 1] = 20;
    placeBones(hc, handForwardKinematics(m, a, pose));
    expect(findSelfCollision(hc)).toBeGreaterThanOrEqual(0);
    destroyHandCollider(hc);
  });
});

describe('hand pose sampling', () => {
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it(`never exceeds a joint limit by more than 2° across 10,000 collision-free samples (${name})`, () => {
      const m = buildHandModel(HL, variant);
      const s = createHandSampler(ammo, m, { seed: 42 });
      let worst = 0, colliding = 0;
      for (let i = 0; i < 10_000; i++) {
        const r = s.sample(i);
        worst = Math.max(worst, r.limitViolationDeg);
        if (!r.collisionFree) colliding++;
      }
      s.destroy();
      expect(worst).toBeLessThanOrEqual(2);
      expect(colliding).toBe(0);
    });
  }

  it('moves fused digits together (syndactyly couples MCP, PIP and DIP)', () => {
    const m = buildHandModel(HL, { fused: [[3, 4]] });
    const s = createHandSampler(ammo, m, { seed: 3 });
    const j = (n: string) => m.joints.findIndex((x) => x.name === n);
    for (let i = 0; i < 50; i++) {
      const r = s.sample(i);
      for (const k of ['mcp', 'pip', 'dip']) expect(r.angles[j(`${k}4`) * 2]).toBe(r.angles[j(`${k}3`) * 2]);
      expect(r.angles[j('mcp4') * 2 + 1]).toBe(-r.angles[j('mcp3') * 2 + 1]); // same physical deviation
    }
    s.destroy();
  });

  it('keeps functional-range samples inside Hume et al.’s ranges (MCP ≤ 61°, PIP ≤ 60°, DIP ≤ 39°)', () => {
    const m = buildHandModel(HL);
    const s = createHandSampler(ammo, m, { seed: 5, mode: 'functional' });
    const j = (n: string) => m.joints.findIndex((x) => x.name === n);
    for (let i = 0; i < 500; i++) {
      const r = s.sample(i);
      expect(r.angles[j('mcp2') * 2]).toBeLessThanOrEqual(61);
      expect(r.angles[j('pip4') * 2]).toBeLessThanOrEqual(60);
      expect(r.angles[j('dip5') * 2]).toBeLessThanOrEqual(39);
    }
    s.destroy();
  });

  it('makes sample i depend only on (seed, i): same bytes in any order, different for another seed', () => {
    const m = buildHandModel(HL);
    const a = createHandSampler(ammo, m, { seed: 9 });
    const b = createHandSampler(ammo, m, { seed: 9 });
    const c = createHandSampler(ammo, m, { seed: 10 });
    const first = a.sample(17);
    for (let i = 30; i >= 0; i--) b.sample(i);
    const again = b.sample(17);
    expect(Buffer.from(again.keypoints.buffer).equals(Buffer.from(first.keypoints.buffer))).toBe(true);
    expect(Buffer.from(c.sample(17).keypoints.buffer).equals(Buffer.from(first.keypoints.buffer))).toBe(false);
    a.destroy(); b.destroy(); c.destroy();
  });
});
