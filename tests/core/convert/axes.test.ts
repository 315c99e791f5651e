import { describe, expect, it } from 'vitest';
import { axisRotation, convertAxes } from '../../../src/core/convert/axes';
import { newPointData, newTrial } from '../../../src/core/convert/newTrial';
import type { Trial } from '../../../src/core/model/trial';

function zUpTrial(): Trial {
  const t = newTrial('c3d', 'z');
  t.points = newPointData(['head', 'gone'], 1, 100, 'mm', new Float32Array([0.1, 0.2, 1.7, Number.NaN, Number.NaN, Number.NaN]));
  t.forcePlates = [{ type: 2, corners: new Float64Array([0.5, 0.3, 0, -0.5, 0.3, 0, -0.5, -0.3, 0, 0.5, -0.3, 0]), origin: new Float64Array([0, 0, -0.04]), channels: [0, 1, 2, 3, 4, 5], calMatrix: null }];
  return t;
}

describe('convertAxes', () => {
  it('z-up → y-up maps (x, y, z) to (x, z, −y): a head 1.7 m up ends at y = 1.7', () => {
    const y = convertAxes(zUpTrial(), 'z-up', 'y-up');
    expect(y.metadata.upAxis).toBe('y');
    expect(Array.from(y.points!.data.subarray(0, 3)).map((v) => Math.fround(v))).toEqual([0.1, 1.7, -0.2].map(Math.fround));
    expect(y.points!.data.subarray(3).every(Number.isNaN)).toBe(true);
    expect(Array.from(y.forcePlates[0].corners.subarray(0, 3))).toEqual([0.5, 0, -0.3]);
    expect(Array.from(y.forcePlates[0].origin)).toEqual([0, 0, -0.04]); // plate-frame vector: unchanged
  });

  it('is a proper rotation (det +1, orthonormal) and y-up → z-up undoes it exactly', () => {
    const r = axisRotation('z-up', 'y-up');
    const det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) + r[2] * (r[3] * r[7] - r[4] * r[6]);
    expect(det).toBe(1);
    const src = zUpTrial();
    const back = convertAxes(convertAxes(src, 'z-up', 'y-up'), 'y-up', 'z-up');
    expect(back.metadata.upAxis).toBe('z');
    expect(Array.from(back.points!.data.subarray(0, 3))).toEqual(Array.from(src.points!.data.subarray(0, 3)));
    expect(Array.from(back.forcePlates[0].corners)).toEqual(Array.from(src.forcePlates[0].corners).map((v) => v + 0));
  });

  it('does not mutate its input and warns when the trial says another up axis', () => {
    const src = zUpTrial();
    const before = Array.from(src.points!.data);
    const y = convertAxes(src, 'y-up', 'z-up');
    expect(Array.from(src.points!.data)).toEqual(before);
    expect(y.metadata.warnings.length).toBe(1);
  });
});
