import { describe, expect, it } from 'vitest';
import { cardanZXY, matrixToQuat, quatFromZXY } from '../../../src/core/physics/body/jointAngles.js';

describe('cardanZXY', () => {
  it('recovers the Z-X-Y angles a quaternion was built from', () => {
    const q = new Float64Array(4);
    const out = new Float64Array(3);
    for (const [a, b, c] of [[0.3, -0.2, 0.5], [-1.2, 0.7, -2.0], [2.5, 1.2, 0.1], [0, 0, 0]]) {
      quatFromZXY(a, b, c, q, 0);
      expect(Math.hypot(q[0], q[1], q[2], q[3])).toBeCloseTo(1, 12);
      cardanZXY(0, 0, 0, 1, q[0], q[1], q[2], q[3], out, 0);
      expect(out[0]).toBeCloseTo(a, 10);
      expect(out[1]).toBeCloseTo(b, 10);
      expect(out[2]).toBeCloseTo(c, 10);
    }
  });

  it('is relative: the same child rotation under a rotated parent gives the relative angle', () => {
    const p = new Float64Array(4);
    const c = new Float64Array(4);
    const out = new Float64Array(3);
    quatFromZXY(0.4, 0, 0, p, 0);
    quatFromZXY(1.0, 0, 0, c, 0);
    cardanZXY(p[0], p[1], p[2], p[3], c[0], c[1], c[2], c[3], out, 0);
    expect(out[0]).toBeCloseTo(0.6, 10);
    expect(out[1]).toBeCloseTo(0, 10);
  });

  it('a pure +Z rotation of 90° turns the segment X axis onto Y (right-handed)', () => {
    const q = new Float64Array(4);
    quatFromZXY(Math.PI / 2, 0, 0, q, 0);
    // rotate (1,0,0) by q: v' = v + 2w(u×v) + 2u×(u×v)
    const [x, y, z, w] = q;
    const uxv = [0, z, -y];
    const uxuxv = [y * uxv[2] - z * uxv[1], z * uxv[0] - x * uxv[2], x * uxv[1] - y * uxv[0]];
    expect(1 + 2 * w * uxv[0] + 2 * uxuxv[0]).toBeCloseTo(0, 12);
    expect(2 * w * uxv[1] + 2 * uxuxv[1]).toBeCloseTo(1, 12);
  });
});

describe('matrixToQuat', () => {
  it('inverts the quaternion → matrix map in every Shepperd branch (up to sign)', () => {
    const q = new Float64Array(4);
    const back = new Float64Array(4);
    for (const [a, b, c] of [[0.1, 0.2, 0.3], [3.0, 0.1, 0.2], [0.2, 0.1, 3.0], [0.1, 1.5, 0.2], [2.9, -1.2, 2.8]]) {
      quatFromZXY(a, b, c, q, 0);
      const [x, y, z, w] = q;
      matrixToQuat(
        1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
        2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
        2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y), back, 0,
      );
      const s = Math.sign(back[3] * q[3] + back[0] * q[0] + back[1] * q[1] + back[2] * q[2]);
      for (let k = 0; k < 4; k++) expect(s * back[k]).toBeCloseTo(q[k], 12);
    }
  });
});
