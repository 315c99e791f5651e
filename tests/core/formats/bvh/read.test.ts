import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../../src/core/errors';
import { readBvh } from '../../../../src/core/formats/bvh/read';
import { bvhJointPositions } from '../../../../src/core/formats/bvh/kinematics';
import { bvhToTrial } from '../../../../src/core/formats/bvh/toTrial';
import { readTrc } from '../../../../src/core/formats/trc/read';
import { writeTrc } from '../../../../src/core/formats/trc/write';
import { readShared } from '../../../helpers/shared';

const mocap = readShared('bvh', 'test_mocapbank.bvh');

const twoJoint = (rootRot: string, childChannels: string, childRot: string) => `HIERARCHY
ROOT A
{
  OFFSET 0 0 0
  CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
  JOINT B
  {
    OFFSET 0 10 0
    CHANNELS ${childChannels}
    End Site
    {
      OFFSET 0 10 0
    }
  }
}
MOTION
Frames: 1
Frame Time: 0.01
1 2 3 ${rootRot} ${childRot}
`;

function dist(p: Float32Array, n: number, f: number, a: number, b: number): number {
  const i = (f * n + a) * 3;
  const j = (f * n + b) * 3;
  return Math.hypot(p[i] - p[j], p[i + 1] - p[j + 1], p[i + 2] - p[j + 2]);
}

describe('readBvh on test_mocapbank.bvh', () => {
  const bvh = readBvh(mocap);
  it('reads the hierarchy: ROOT Hips + 18 JOINTs + 5 End Sites, 60 channels', () => {
    const named = bvh.joints.filter((j) => !j.endSite);
    expect(named.length).toBe(19);
    expect(named.filter((j) => j.parent >= 0).length).toBe(18);
    expect(bvh.joints.filter((j) => j.endSite).length).toBe(5);
    expect(bvh.joints[0].name).toBe('Hips');
    expect(bvh.joints[0].channels).toEqual(['Xposition', 'Yposition', 'Zposition', 'Zrotation', 'Xrotation', 'Yrotation']);
    expect(bvh.channelCount).toBe(60);
    const chest = bvh.joints.find((j) => j.name === 'Chest')!;
    expect(Array.from(chest.offset)).toEqual([-0.1728, 10.287, 0.1254]);
    expect(bvh.joints.find((j) => j.name === 'LeftWrist_End')!.endSite).toBe(true);
  });

  it('reads the motion: 455 frames at 30 Hz, centimetres, values as in the file', () => {
    expect(bvh.frames).toBe(455);
    expect(bvh.frameTime).toBe(0.033333);
    expect(bvh.rate).toBeCloseTo(30, 3);
    expect(bvh.originalUnits).toBe('cm');
    expect(bvh.scale).toBe(0.01);
    expect(Array.from(bvh.motion.subarray(0, 6))).toEqual([-44.0003, 93.5663, 229.0256, -7.98, -20.33, -7.46]);
    expect(bvh.warnings).toEqual([]);
  });

  it('FK: the root position at frame 0 equals its position channels (in metres)', () => {
    const p = bvhJointPositions(bvh);
    expect(p[0]).toBeCloseTo(-0.440003, 6);
    expect(p[1]).toBeCloseTo(0.935663, 6);
    expect(p[2]).toBeCloseTo(2.290256, 6);
  });

  it('FK: every bone keeps its offset length in every frame', () => {
    const p = bvhJointPositions(bvh);
    const n = bvh.joints.length;
    for (let j = 1; j < n; j++) {
      const bone = Math.hypot(...bvh.joints[j].offset) * bvh.scale;
      for (let f = 0; f < bvh.frames; f += 7) expect(Math.abs(dist(p, n, f, j, bvh.joints[j].parent) - bone)).toBeLessThan(2e-6);
    }
  });

  it('bvhToTrial gives points that survive BVH → TRC → Trial', () => {
    const trial = bvhToTrial(bvh);
    expect(trial.points!.labels.length).toBe(24);
    expect(trial.points!.frames).toBe(455);
    expect(trial.metadata.upAxis).toBe('y');
    const back = readTrc(writeTrc(trial, { units: 'mm' }));
    expect(back.points!.labels).toEqual(trial.points!.labels);
    expect(back.points!.data[0]).toBeCloseTo(-0.440003, 6);
    expect(back.points!.rate).toBeCloseTo(bvh.rate, 5);
  });
});

describe('BVH forward kinematics, analytic cases', () => {
  it('a 90° root Z rotation and a 90° child X rotation (order Z X Y) place joints analytically', () => {
    const bvh = readBvh(twoJoint('90 0 0', '3 Zrotation Xrotation Yrotation', '0 90 0'));
    const p = bvhJointPositions(bvh);
    const expected = [[1, 2, 3], [-9, 2, 3], [-9, 2, 13]].flat().map((v) => v / 100);
    expected.forEach((v, i) => expect(p[i]).toBeCloseTo(v, 6));
  });

  it('the channel order is the rotation order: X then Z differs from Z then X', () => {
    const xz = bvhJointPositions(readBvh(twoJoint('0 0 0', '2 Xrotation Zrotation', '90 90')));
    const zx = bvhJointPositions(readBvh(twoJoint('0 0 0', '2 Zrotation Xrotation', '90 90')));
    // B at (1, 12, 3) cm; Rx90·Rz90·(0,10,0) = (-10, 0, 0); Rz90·Rx90·(0,10,0) = (0, 0, 10)
    [0.01 - 0.1, 0.12, 0.03].forEach((v, i) => expect(xz[6 + i]).toBeCloseTo(v, 6));
    [0.01, 0.12, 0.13].forEach((v, i) => expect(zx[6 + i]).toBeCloseTo(v, 6));
  });

  it('units: metres are inferred from a small rest pose, and can be stated', () => {
    const small = twoJoint('0 0 0', '3 Zrotation Xrotation Yrotation', '0 0 0').replace(/OFFSET 0 10 0/g, 'OFFSET 0 0.5 0');
    const bvh = readBvh(small);
    expect(bvh.originalUnits).toBe('m');
    expect(bvh.warnings.length).toBe(1);
    expect(readBvh(small, { units: 'cm' }).originalUnits).toBe('cm');
    expect(readBvh(twoJoint('0 0 0', '3 Zrotation Xrotation Yrotation', '0 0 0'), { units: 'in' }).scale).toBe(0.0254);
  });
});

describe('readBvh rejects bad input', () => {
  const good = twoJoint('0 0 0', '3 Zrotation Xrotation Yrotation', '0 0 0');
  it('garbage, empty and truncated hierarchies', () => {
    expect(() => readBvh('')).toThrow(KinetwinError);
    expect(() => readBvh('hello')).toThrow(/HIERARCHY/);
    expect(() => readBvh(good.slice(0, 120))).toThrow(KinetwinError);
    expect(() => readBvh(good.replace('End Site', 'End Zone'))).toThrow(/expected 'Site'/);
    expect(() => readBvh(good.replace('Zrotation Xrotation Yrotation\n    End', 'Zrotation Xrotation Wrotation\n    End'))).toThrow(/unknown channel/);
  });
  it('a bad frame time or frame count', () => {
    expect(() => readBvh(good.replace('Frame Time: 0.01', 'Frame Time: NaN'))).toThrow(/Frame Time/);
    expect(() => readBvh(good.replace('Frame Time: 0.01', 'Frame Time: 0'))).toThrow(/Frame Time/);
    expect(() => readBvh(good.replace('Frames: 1', 'Frames: -3'))).toThrow(/Frames/);
  });
  it('an absurd frame count is capped by the values present (warning, no huge allocation)', () => {
    const bvh = readBvh(good.replace('Frames: 1', 'Frames: 999999999999'));
    expect(bvh.frames).toBe(1);
    expect(bvh.warnings[0]).toMatch(/declares 999999999999 frames/);
  });
  it('non-numeric motion values', () => {
    expect(() => readBvh(good.replace('1 2 3 0', '1 2 x 0'))).toThrow(/not a number/);
  });
  it('real file cut inside MOTION keeps the complete frames with a warning', () => {
    const text = new TextDecoder().decode(mocap);
    const cut = readBvh(text.slice(0, text.length - 500));
    expect(cut.frames).toBeLessThan(455);
    expect(cut.warnings.length).toBeGreaterThan(0);
  });
});
