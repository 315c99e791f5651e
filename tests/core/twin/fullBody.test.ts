import { describe, expect, it } from 'vitest';
import { createFullBodyModel } from '../../../src/core/twin/fullBody';
import { createKinematicsData, forwardKinematics } from '../../../src/core/twin/forwardKinematics';
import { coordinateIndex, segmentIndex } from '../../../src/core/twin/model';

const { model, pose } = createFullBodyModel({ massKg: 75, sex: 'male' });
const DEG = Math.PI / 180;

function jointCentre(q: Float64Array, segment: string): number[] {
  const kin = createKinematicsData(model);
  forwardKinematics(model, q, kin);
  const s = segmentIndex(model, segment);
  return Array.from(kin.segP.subarray(s * 3, s * 3 + 3));
}

function posed(values: Record<string, number>): Float64Array {
  const q = Float64Array.from(pose);
  for (const [k, v] of Object.entries(values)) q[coordinateIndex(model, k)] = v * DEG;
  return q;
}

describe('full-body model', () => {
  it('has the ISB/OpenSim coordinate names in output order', () => {
    const names = model.coordinates.map((c) => c.name);
    expect(names.slice(0, 12)).toEqual([
      'pelvis_tilt', 'pelvis_list', 'pelvis_rotation', 'pelvis_tx', 'pelvis_ty', 'pelvis_tz',
      'hip_flexion_r', 'hip_adduction_r', 'hip_rotation_r', 'knee_flexion_r', 'ankle_dorsiflexion_r', 'ankle_inversion_r',
    ]);
    expect(names).toContain('lumbar_extension');
    expect(names).toContain('elbow_flexion_l');
    expect(names).toContain('pronation_r');
    expect(names).toHaveLength(38);
    expect(model.segments.map((s) => s.jointType).filter((t) => t === 'hinge')).toHaveLength(2);
  });

  it('adds 2-DOF shoulder girdles between the torso and the upper arms on request, carrying the acromion markers', async () => {
    const { OPENSIM_GAIT } = await import('../../../src/core/twin/markerSets');
    const girdle = createFullBodyModel({ massKg: 75, sex: 'male', shoulderGirdle: true, markerSet: OPENSIM_GAIT }).model;
    expect(girdle.coordinates).toHaveLength(42);
    const clav = girdle.segments[segmentIndex(girdle, 'clavicle_r')];
    expect(girdle.segments[clav.parent].name).toBe('torso');
    expect(girdle.segments[girdle.segments[segmentIndex(girdle, 'upperarm_r')].parent].name).toBe('clavicle_r');
    expect(clav.jointType).toBe('universal');
    expect(clav.massKg).toBe(0); // its mass is in de Leva's trunk
    expect(girdle.segments.reduce((a, s) => a + s.massKg, 0)).toBeCloseTo(model.segments.reduce((a, s) => a + s.massKg, 0), 9);
    const acr = girdle.markers.find((m) => m.name === 'L.Acromium')!;
    expect(girdle.segments[acr.segment].name).toBe('clavicle_l');
    const rigid = createFullBodyModel({ massKg: 75, sex: 'male', markerSet: OPENSIM_GAIT }).model;
    expect(rigid.segments[rigid.markers.find((m) => m.name === 'L.Acromium')!.segment].name).toBe('torso');
    // elevation raises the lateral end on both sides (mirrored axes), protraction moves it forward
    const kin = createKinematicsData(girdle);
    const gh = (values: Record<string, number>, side: string) => {
      const q = new Float64Array(girdle.coordinates.length);
      for (const [k, v] of Object.entries(values)) q[coordinateIndex(girdle, k)] = v * DEG;
      forwardKinematics(girdle, q, kin);
      const s = segmentIndex(girdle, `upperarm_${side}`);
      return Array.from(kin.segP.subarray(s * 3, s * 3 + 3));
    };
    for (const side of ['r', 'l']) {
      const rest = gh({}, side);
      expect(gh({ [`clavicle_elevation_${side}`]: 20 }, side)[1]).toBeGreaterThan(rest[1] + 0.03);
      expect(gh({ [`clavicle_protraction_${side}`]: 20 }, side)[0]).toBeGreaterThan(rest[0] + 0.03);
    }
  });

  it('reproduces de Leva segment lengths at the neutral pose', () => {
    const hip = jointCentre(pose, 'thigh_r'), knee = jointCentre(pose, 'shank_r'), ankle = jointCentre(pose, 'foot_r');
    expect(hip[1] - knee[1]).toBeCloseTo(0.4222, 6);
    expect(knee[1] - ankle[1]).toBeCloseTo(0.434, 6);
    expect(model.segments[segmentIndex(model, 'thigh_r')].length).toBeCloseTo(0.4222, 6);
  });

  it('hip flexion moves the knee forward, knee flexion the ankle back, dorsiflexion lifts the toes', () => {
    const k0 = jointCentre(pose, 'shank_r'), k1 = jointCentre(posed({ hip_flexion_r: 30 }), 'shank_r');
    expect(k1[0] - k0[0]).toBeCloseTo(0.4222 * Math.sin(30 * DEG), 6);
    const a0 = jointCentre(pose, 'foot_r'), a1 = jointCentre(posed({ knee_flexion_r: 90 }), 'foot_r');
    expect(a1[0] - a0[0]).toBeCloseTo(-0.434, 6);
    const kin = createKinematicsData(model);
    forwardKinematics(model, posed({ ankle_dorsiflexion_r: 20 }), kin);
    const foot = segmentIndex(model, 'foot_r');
    expect(kin.segR[foot * 9 + 3]).toBeCloseTo(Math.sin(20 * DEG), 9); // foot X axis tilts up (lab Y component)
  });

  it('adduction moves either knee towards the midline (mirrored left axes)', () => {
    const r0 = jointCentre(pose, 'shank_r'), r1 = jointCentre(posed({ hip_adduction_r: 10 }), 'shank_r');
    const l0 = jointCentre(pose, 'shank_l'), l1 = jointCentre(posed({ hip_adduction_l: 10 }), 'shank_l');
    expect(r1[2]).toBeLessThan(r0[2]);
    expect(l1[2]).toBeGreaterThan(l0[2]);
    expect(r0[2] - r1[2]).toBeCloseTo(l1[2] - l0[2], 12);
  });

  it('keeps joint limits from anatomical ranges (knee 0–135° flexion, widened by 10°)', () => {
    const k = model.coordinates[coordinateIndex(model, 'knee_flexion_r')];
    expect(k.min / DEG).toBeCloseTo(-10, 9);
    expect(k.max / DEG).toBeCloseTo(145, 9);
  });
});
