import { describe, expect, it } from 'vitest';
import { intrinsicsFromFov, lookAt, type PinholeCamera } from '../../../src/core/render/camera';
import { keypointVisibility, maskBox } from '../../../src/core/render/visibility';

const W = 64, H = 48;
const cam: PinholeCamera = { width: W, height: H, K: intrinsicsFromFov(W, H, Math.PI / 2), ...lookAt([0, 0, -5], [0, 0, 0], [0, 1, 0]) };

describe('keypointVisibility', () => {
  const points = [0, 0, 0, 100, 0, 0, 0, 0, -10]; // centre (z = 5 m), far outside the image, behind the camera
  const tol = [0.1, 0.1, 0.1];

  it('is 2 where nothing is in front (background depth 0) and 0 outside the image or behind the camera', () => {
    const r = keypointVisibility(cam, points, tol, new Float32Array(W * H));
    expect(Array.from(r.visibility)).toEqual([2, 0, 0]);
    expect(r.points[0]).toBeCloseTo(32, 12);
    expect(r.points[1]).toBeCloseTo(24, 12);
    expect([r.points[2], r.points[3], r.points[4], r.points[5]]).toEqual([0, 0, 0, 0]);
    expect(r.depth[0]).toBeCloseTo(5, 12);
  });

  it('is 2 when its own surface is within the tolerance in front and 1 when something is nearer', () => {
    const depth = new Float32Array(W * H);
    depth[24 * W + 32] = 4.95;
    expect(keypointVisibility(cam, points, tol, depth).visibility[0]).toBe(2);
    depth[24 * W + 32] = 4.0;
    expect(keypointVisibility(cam, points, tol, depth).visibility[0]).toBe(1);
  });
});

describe('maskBox', () => {
  it('is the tight box and pixel count of non-zero ids', () => {
    const mask = new Uint8Array(W * H);
    for (let y = 10; y < 20; y++) for (let x = 5; x < 12; x++) mask[y * W + x] = 3;
    mask[30 * W + 40] = 1;
    expect(maskBox(mask, W, H)).toEqual({ bbox: [5, 10, 36, 21], area: 71 });
  });

  it('is null for an empty mask', () => {
    expect(maskBox(new Uint8Array(W * H), W, H)).toBeNull();
  });
});
