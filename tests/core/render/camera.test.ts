import { describe, expect, it } from 'vitest';
import { cameraCentre, intrinsicsFromFov, lookAt, projectPoints, type PinholeCamera } from '../../../src/core/render/camera';

function camera(eye: number[], target: number[], width = 200, height = 100, fovDeg = 90): PinholeCamera {
  return { width, height, K: intrinsicsFromFov(width, height, (fovDeg * Math.PI) / 180), ...lookAt(eye, target, [0, 1, 0]) };
}

describe('pinhole camera', () => {
  it('intrinsicsFromFov gives f = (h/2)/tan(fov/2) and the principal point at the image centre', () => {
    const K = intrinsicsFromFov(200, 100, Math.PI / 2);
    expect(K[0]).toBeCloseTo(50, 12);
    expect(K[4]).toBeCloseTo(50, 12);
    expect([K[2], K[5], K[8]]).toEqual([100, 50, 1]);
  });

  it('lookAt gives a proper rotation whose optical axis points at the target and a centre at the eye', () => {
    const eye = [3, 1.2, -4], cam = camera(eye, [0.5, 1, 0.2]);
    const R = cam.R;
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) {
      const dot = R[3 * a] * R[3 * b] + R[3 * a + 1] * R[3 * b + 1] + R[3 * a + 2] * R[3 * b + 2];
      expect(dot).toBeCloseTo(a === b ? 1 : 0, 12);
    }
    const det = R[0] * (R[4] * R[8] - R[5] * R[7]) - R[1] * (R[3] * R[8] - R[5] * R[6]) + R[2] * (R[3] * R[7] - R[4] * R[6]);
    expect(det).toBeCloseTo(1, 12);
    cameraCentre(cam).forEach((v, k) => expect(v).toBeCloseTo(eye[k], 12));
    const out = new Float64Array(3);
    projectPoints(cam, [0.5, 1, 0.2], out);
    expect(out[0]).toBeCloseTo(100, 9);
    expect(out[1]).toBeCloseTo(50, 9);
    expect(out[2]).toBeCloseTo(Math.hypot(2.5, 0.2, 4.2), 12);
  });

  it('projects a point 1 m up and 0.5 m right at 5 m to v = cy − f/5 and u = cx + f/10 (image y down)', () => {
    // camera at z = −5 looking at the origin along +z: image right is world −x, image up is world +y
    const cam = camera([0, 0, -5], [0, 0, 0]);
    const out = new Float64Array(6);
    projectPoints(cam, [0, 1, 0, -0.5, 0, 0], out);
    expect(out[0]).toBeCloseTo(100, 12);
    expect(out[1]).toBeCloseTo(50 - 50 / 5, 12);
    expect(out[3]).toBeCloseTo(100 + 50 * 0.1, 12);
    expect(out[4]).toBeCloseTo(50, 12);
    expect(out[5]).toBeCloseTo(5, 12);
  });

  it('marks points behind the camera with NaN pixels and non-positive depth', () => {
    const cam = camera([0, 0, -5], [0, 0, 0]);
    const out = new Float64Array(3);
    projectPoints(cam, [0, 0, -6], out);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(-1, 12);
  });

  it('rejects a degenerate look-at and field of view', () => {
    expect(() => lookAt([1, 2, 3], [1, 2, 3], [0, 1, 0])).toThrow(/coincide/);
    expect(() => lookAt([0, 5, 0], [0, 0, 0], [0, 1, 0])).toThrow(/parallel/);
    expect(() => intrinsicsFromFov(10, 10, 0)).toThrow(/field of view/);
  });
});
