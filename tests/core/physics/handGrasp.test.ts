import { describe, expect, it } from 'vitest';
import { loadAmmo } from '../../../src/backend/services/ammo.js';
import { KinetwinError } from '../../../src/core/errors.js';
import {
  boneObjectDistance, createGraspContactWorld, destroyGraspContactWorld, INFLATE, placeContactBone, placeGraspObject, setGraspObjectSize,
} from '../../../src/core/physics/hand/graspContact.js';
import { checkGraspOptions, type GraspOptions } from '../../../src/core/physics/hand/graspObject.js';
import { createHandCollider, destroyHandCollider, findSelfCollision, placeBones, segmentDistanceSq } from '../../../src/core/physics/hand/handCollision.js';
import { buildHandModel, type HandVariant } from '../../../src/core/physics/hand/handModel.js';
import { createHandPose, handForwardKinematics } from '../../../src/core/physics/hand/handPose.js';
import { createHandSampler } from '../../../src/core/physics/hand/handSampler.js';
import { createWorld, destroyWorld } from '../../../src/core/physics/world.js';
import { handLabel } from '../../../src/core/physics/tasks.js';

const ammo = await loadAmmo();
const HL = 0.19;
const I3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/**
 * One bone of a hand model posed by hand in the contact world: the middle distal phalanx (index 10) along +Y from
 * `base`, i.e. a capsule of radius r whose axis runs from base + (r/2)·Y to base + (len − r/2)·Y.
 */
function probe(object: { type: 'cylinder' | 'sphere'; radius: number; length: number }) {
  const model = buildHandModel(HL);
  const bone = 10;
  const { radius: r, length: len } = model.bones[bone];
  const gw = createGraspContactWorld(ammo, model, object);
  const pose = createHandPose(model);
  const place = (base: number[], R: number[] = I3): void => {
    pose.rotation.set(R, bone * 9);
    pose.origin.set(base, bone * 3);
    placeContactBone(gw, pose, bone);
  };
  placeGraspObject(gw, I3, [0, 0, 0]);
  return { gw, r, len, place, dist: () => boneObjectDistance(gw, bone) };
}

describe('grasp contact queries against analytic geometry (Ammo, centimetre world, hull capsules)', () => {
  it('documents why bones are not btCapsuleShapes: Bullet 2.82 gives them a 0.04 m margin, not their radius', () => {
    const c = new ammo.btCapsuleShape(0.008, 0.03);
    expect(c.getMargin()).toBeCloseTo(0.04, 6);
    c.setMargin(0.008); // and setMargin moves the radius instead
    expect(c.getRadius()).toBeCloseTo(0.04, 6);
    ammo.destroy(c);
  });

  it('documents why the contact world is in centimetres: in metres, Bullet 2.82 puts a sphere touching a cylinder millimetres away', () => {
    const pw = createWorld(ammo, { ground: null, gravity: 0 });
    const body = (shape: InstanceType<typeof ammo.btCollisionShape>, z: number) => {
      pw.t.setIdentity();
      pw.v.setValue(0, 0, z);
      pw.t.setOrigin(pw.v);
      const motion = new ammo.btDefaultMotionState(pw.t);
      pw.v.setValue(0, 0, 0);
      const info = new ammo.btRigidBodyConstructionInfo(0, motion, shape, pw.v);
      const b = new ammo.btRigidBody(info);
      pw.world.addCollisionObject(b, 1, 0);
      pw.owned.push(shape, motion, info, b);
      return b;
    };
    pw.v.setValue(0.05, 0.03, 0.03);
    const cylinder = new ammo.btCylinderShapeX(pw.v);
    cylinder.setMargin(0.0002);
    const a = body(cylinder, 0), b = body(new ammo.btSphereShape(0.008), 0.038); // touching: gap 0
    let d = Infinity;
    const cb = new ammo.ConcreteContactResultCallback();
    cb.addSingleResult = (cp: number): number => { d = Math.min(d, ammo.HEAPF32[(cp >> 2) + 20]!); return 0; };
    pw.world.contactPairTest(b, a, cb as unknown as InstanceType<typeof ammo.ContactResultCallback>);
    expect(d).toBeGreaterThan(0.001);
    for (const o of [a, b]) pw.world.removeCollisionObject(o);
    ammo.destroy(cb);
    destroyWorld(pw);
  });

  it('reports ~0 for a capsule tangent to a sphere side-on and tip-on, and the analytic depth of a known overlap', () => {
    const R = 0.03;
    const p = probe({ type: 'sphere', radius: R, length: 0 });
    // side-on: the capsule axis at distance R + r from the centre, its midpoint level with it
    const side = (gap: number): void => p.place([0, -p.len / 2, R + p.r + gap]);
    side(0);
    expect(Math.abs(p.dist())).toBeLessThan(2e-5);
    side(-0.003);
    expect(p.dist()).toBeCloseTo(-0.003, 4);
    expect(Array.from(p.gw.hit.slice(4, 7))).toEqual([expect.closeTo(0, 4), expect.closeTo(0, 4), expect.closeTo(1, 4)]); // outward normal +Z
    expect(p.gw.hit[3]).toBeCloseTo(R, 4); // point on the sphere's surface
    side(0.0005);
    expect(p.dist()).toBeGreaterThan(0); // apart: positive distance (or none reported)
    // tip-on: the capsule's end cap meets the sphere's pole
    const tip = (gap: number): void => p.place([0, -(p.len - p.r / 2) - p.r - R - gap, 0]);
    tip(0);
    expect(Math.abs(p.dist())).toBeLessThan(2e-5);
    tip(-0.002);
    expect(p.dist()).toBeCloseTo(-0.002, 4);
    destroyGraspContactWorld(p.gw);
  });

  it('reports the analytic distance to a cylinder on its side, at 40° round it, on its flat end and at an oblique crossing', () => {
    const R = 0.025, L = 0.12;
    const p = probe({ type: 'cylinder', radius: R, length: L }); // axis = X
    for (const gap of [0, -0.001, -0.004]) {
      p.place([0.01, -p.len / 2, R + p.r + gap]); // lying across the cylinder, on top
      expect(p.dist()).toBeCloseTo(gap, 4);
      const a = (40 * Math.PI) / 180, d = R + p.r + gap; // axis parallel to X, 40° round the cylinder
      p.place([-0.03 - p.len / 2, d * Math.cos(a), d * Math.sin(a)], [0, 1, 0, -1, 0, 0, 0, 0, 1]);
      expect(p.dist()).toBeCloseTo(gap, 4);
      p.place([L / 2 + p.r / 2 + gap, 0.005, 0], [0, 1, 0, -1, 0, 0, 0, 0, 1]); // end-on against the flat end (+X face)
      expect(p.dist()).toBeCloseTo(gap, 4);
    }
    // apart: exact up to 0.3 mm; beyond, the inflated copy (+2 mm) reads the gap exactly while the object itself may not
    p.place([0.01, -p.len / 2, R + p.r + 0.0003]);
    expect(p.dist()).toBeCloseTo(0.0003, 5);
    for (const gap of [0.0008, 0.0015]) {
      p.place([0.01, -p.len / 2, R + p.r + gap]);
      expect(boneObjectDistance(p.gw, 10, true) + INFLATE).toBeCloseTo(gap, 5);
    }
    // oblique: the capsule tilted 30° in the YZ plane; expected = axis-to-axis segment distance − R − r (Ericson's closest points)
    const t = Math.PI / 6, c = Math.cos(t), s = Math.sin(t), h = (p.len - p.r) / 2;
    for (const z of [R + p.r + 0.001, R + p.r - 0.002]) {
      p.place([0.02, -c * p.len / 2, z - s * p.len / 2], [1, 0, 0, 0, c, -s, 0, s, c]);
      const mid = [0.02, 0, z], dir = [0, c * h, s * h];
      const expected = Math.sqrt(segmentDistanceSq(mid[0] - dir[0], mid[1] - dir[1], mid[2] - dir[2], 2 * dir[0], 2 * dir[1], 2 * dir[2], -L / 2, 0, 0, L, 0, 0)) - R - p.r;
      expect(p.dist()).toBeCloseTo(expected, 4);
    }
    destroyGraspContactWorld(p.gw);
  });

  it('follows a size change of the object (shapes rebuilt, not scaled)', () => {
    const p = probe({ type: 'sphere', radius: 0.02, length: 0 });
    setGraspObjectSize(p.gw, { type: 'sphere', radius: 0.04, length: 0 });
    p.place([0, -p.len / 2, 0.04 + p.r - 0.001]);
    expect(p.dist()).toBeCloseTo(-0.001, 4);
    setGraspObjectSize(p.gw, { type: 'cylinder', radius: 0.02, length: 0.1 });
    p.place([0, -p.len / 2, 0.02 + p.r]);
    expect(Math.abs(p.dist())).toBeLessThan(5e-5);
    destroyGraspContactWorld(p.gw);
  });
});

const digitsWithPhalanges = (v: HandVariant): number[] => {
  const m = buildHandModel(HL, v);
  return [...new Set(m.bones.filter((b) => b.present && b.kind !== 'metacarpal').map((b) => b.digit))];
};

describe('grasp sampling', () => {
  it('closes every digit of a full hand onto a 30 mm cylinder: each distal phalanx touches in ≥ 90% of samples', () => {
    const m = buildHandModel(HL);
    const s = createHandSampler(ammo, m, { seed: 11, grasp: { object: 'cylinder', radius: 0.03 } });
    const touches = new Map<number, number>();
    const N = 200;
    for (let i = 0; i < N; i++) {
      const g = s.sample(i).grasp!;
      for (const d of g.digitsInContact) touches.set(d, (touches.get(d) ?? 0) + 1);
      expect(g.maxPenetrationM).toBeLessThanOrEqual(0.002);
    }
    s.destroy();
    for (const d of [1, 2, 3, 4, 5]) expect(touches.get(d) ?? 0).toBeGreaterThanOrEqual(0.9 * N);
  });

  it('reports contact points on the object surface with its outward normal (sphere: |p − c| = r, n = (p − c)/r)', () => {
    const m = buildHandModel(HL);
    const s = createHandSampler(ammo, m, { seed: 4, grasp: { object: 'sphere', radius: 0.035 } });
    let n = 0;
    for (let i = 0; i < 40; i++) {
      const g = s.sample(i).grasp!;
      for (const c of g.contacts) {
        const v = c.point.map((x, k) => x - g.centre[k]);
        expect(Math.hypot(...v)).toBeCloseTo(0.035, 4);
        for (let k = 0; k < 3; k++) expect(c.normal[k]).toBeCloseTo(v[k] / 0.035, 3);
        expect(c.depthM).toBeGreaterThanOrEqual(-0.002);
        expect(c.depthM).toBeLessThanOrEqual(0.002);
        n++;
      }
    }
    s.destroy();
    expect(n).toBeGreaterThan(40 * 3); // several digits touch in each sample
  });

  it('rests the object on the palm: a cylinder contact lies on its mantle (distance to the axis = r) or its ends, some on the palm', () => {
    const m = buildHandModel(HL);
    const s = createHandSampler(ammo, m, { seed: 5, grasp: { object: 'cylinder', radius: 0.02, length: 0.15 } });
    let palm = 0;
    for (let i = 0; i < 40; i++) {
      const g = s.sample(i).grasp!;
      const ax = [g.rotation[0], g.rotation[3], g.rotation[6]];
      for (const c of g.contacts) {
        const v = c.point.map((x, k) => x - g.centre[k]);
        const along = v[0] * ax[0] + v[1] * ax[1] + v[2] * ax[2];
        const radial = Math.hypot(...v.map((x, k) => x - along * ax[k]));
        const tol = c.depthM >= 0 ? 1e-4 : 2e-4; // touching: exact query (rims rounded by the 0.2 mm margin); gaps: the inflated copy
        const onMantle = Math.abs(radial - 0.02) < tol && Math.abs(along) <= 0.075 + tol;
        const onEnd = Math.abs(Math.abs(along) - 0.075) < tol && radial <= 0.02 + tol;
        expect(onMantle || onEnd).toBe(true);
        if (c.segment === 'metacarpal') palm++;
      }
    }
    s.destroy();
    expect(palm).toBeGreaterThan(0);
  });

  it('never reports contact for absent digits, nor for the phalanges a cut digit lacks', () => {
    const m = buildHandModel(HL, { absent: [3, 4], absentFrom: [{ digit: 2, joint: 'pip' }] });
    const s = createHandSampler(ammo, m, { seed: 6, grasp: { object: 'cylinder' } });
    let index = 0;
    for (let i = 0; i < 100; i++) {
      const g = s.sample(i).grasp!;
      for (const c of g.contacts) {
        expect([3, 4]).not.toContain(c.digit);
        if (c.digit === 2) { expect(['metacarpal', 'proximal']).toContain(c.segment); index++; }
      }
      expect(g.digitsInContact).not.toContain(3);
      expect(g.digitsInContact).not.toContain(4);
    }
    s.destroy();
    expect(index).toBeGreaterThan(0); // the index stump still closes on the object
  });

  const VARIANTS: Record<string, HandVariant> = {
    typical: {},
    'absent 3,4': { absent: [3, 4] },
    'fused 3,4': { fused: [[3, 4]] },
    'extra digit': { extra: true },
    'short little middle phalanx, index cut at the DIP': { shortened: [{ digit: 5, bone: 'middle', factor: 0.5 }], absentFrom: [{ digit: 2, joint: 'dip' }] },
  };
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it(`keeps limits within 2°, the hand collision-free and penetration ≤ 0.3 mm across 400 grasps (${name})`, () => {
      const m = buildHandModel(HL, variant);
      const objects: GraspOptions[] = [{ object: 'cylinder' }, { object: 'sphere' }];
      const check = createHandCollider(ammo, m);
      const pose = createHandPose(m);
      let worst = 0, deepest = 0, touching = 0;
      for (const o of objects) {
        const s = createHandSampler(ammo, m, { seed: 21, grasp: o });
        for (let i = 0; i < 200; i++) {
          const r = s.sample(i);
          expect(r.collisionFree).toBe(true);
          worst = Math.max(worst, r.limitViolationDeg);
          deepest = Math.max(deepest, r.grasp!.maxPenetrationM);
          touching += r.grasp!.digitsInContact.length;
          // independent re-check of self-collision from the labelled angles
          const a = r.angles.map((x) => (Number.isNaN(x) ? 0 : x));
          placeBones(check, handForwardKinematics(m, a, pose));
          expect(findSelfCollision(check)).toBe(-1);
          if (variant.fused) for (const k of ['mcp', 'pip', 'dip']) {
            const j = (n: string) => m.joints.findIndex((x) => x.name === n);
            expect(r.angles[j(`${k}4`) * 2]).toBe(r.angles[j(`${k}3`) * 2]);
          }
        }
        s.destroy();
      }
      destroyHandCollider(check);
      expect(worst).toBeLessThanOrEqual(2);
      expect(deepest).toBeLessThanOrEqual(0.0003); // closing stops within 0.25 mm of first contact (tolerance 2 mm)
      expect(touching / 400).toBeGreaterThan(digitsWithPhalanges(variant).length / 2); // most digits hold the object
    });
  }

  it('makes a grasp sample depend only on (seed, i): identical labels in any order, another seed differs', () => {
    const m = buildHandModel(HL, { fused: [[4, 5]] });
    const jn = m.joints.map((j) => j.name);
    const label = (seed: number, order: number[]): string[] => {
      const s = createHandSampler(ammo, m, { seed, grasp: { object: 'sphere' } });
      const out: string[] = [];
      for (const i of order) out[i] = JSON.stringify(handLabel(m.keypointNames, jn, s.sample(i), seed));
      s.destroy();
      return out;
    };
    const a = label(3, [0, 1, 2, 3, 4, 5]);
    expect(label(3, [5, 3, 1, 4, 2, 0])).toEqual(a);
    expect(label(4, [0, 1, 2, 3, 4, 5])).not.toEqual(a);
    const parsed = JSON.parse(a[0]) as { grasp: { object: { type: string; radiusM: number; pose: { positionM: number[]; rotation: number[] } }; digitsInContact: number[] } };
    expect(parsed.grasp.object.type).toBe('sphere');
    expect(parsed.grasp.object.radiusM).toBeGreaterThanOrEqual(0.02);
    expect(parsed.grasp.object.radiusM).toBeLessThanOrEqual(0.045);
    expect(parsed.grasp.object.pose.rotation).toHaveLength(9);
  });

  it('rejects a non-positive radius, an unknown primitive and a sphere length with a KinetwinError', () => {
    const m = buildHandModel(HL);
    expect(() => createHandSampler(ammo, m, { seed: 1, grasp: { object: 'cylinder', radius: 0 } })).toThrow(KinetwinError);
    expect(() => createHandSampler(ammo, m, { seed: 1, grasp: { object: 'sphere', radius: -0.02 } })).toThrow(/radius/);
    expect(() => createHandSampler(ammo, m, { seed: 1, grasp: { object: 'cube' as 'sphere' } })).toThrow(/unknown grasp primitive 'cube'/);
    expect(() => checkGraspOptions({ object: 'sphere', length: 0.1 })).toThrow(/cylinder only/);
    expect(() => checkGraspOptions({ object: 'cylinder', length: Number.NaN })).toThrow(KinetwinError);
  });
});
