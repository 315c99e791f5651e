// COCO keypoint visibility from a rendered depth buffer: 2 visible, 1 inside the image but occluded, 0 outside the
// image or behind the camera (COCO: unlabelled, x = y = 0).
import type { PinholeCamera } from './camera';
import { projectPoints } from './camera';

export interface ProjectedKeypoints {
  points: Float64Array; // K × 2, px (0 where unlabelled)
  visibility: Uint8Array; // K, 0 | 1 | 2
  depth: Float64Array; // K, m along the optical axis
}

/**
 * Projects keypoints (K × 3, m, world) and tests each against `depth` (width × height, top-down rows, linear metres
 * along the optical axis, 0 = background): visible when the surface at its pixel lies no more than tolerance[k] (m)
 * in front of it — the keypoint sits inside its own limb, so its own surface is up to one radius nearer.
 */
export function keypointVisibility(cam: PinholeCamera, keypoints: ArrayLike<number>, tolerance: ArrayLike<number>, depth: Float32Array): ProjectedKeypoints {
  const k = Math.floor(keypoints.length / 3);
  const uvz = new Float64Array(3 * k);
  projectPoints(cam, keypoints, uvz);
  const points = new Float64Array(2 * k), visibility = new Uint8Array(k), z = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const u = uvz[3 * j], v = uvz[3 * j + 1];
    z[j] = uvz[3 * j + 2];
    if (!(z[j] > 0 && u >= 0 && v >= 0 && u < cam.width && v < cam.height)) continue;
    points[2 * j] = u;
    points[2 * j + 1] = v;
    const surface = depth[Math.floor(v) * cam.width + Math.floor(u)];
    visibility[j] = surface === 0 || surface >= z[j] - tolerance[j] ? 2 : 1;
  }
  return { points, visibility, depth: z };
}

/** Tight box [x, y, w, h] (px) and pixel area of mask pixels ≠ 0 (width × height ids, top-down); null if empty. */
export function maskBox(mask: Uint8Array, width: number, height: number): { bbox: [number, number, number, number]; area: number } | null {
  let x0 = width, y0 = height, x1 = -1, y1 = -1, area = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (mask[row + x] === 0) continue;
      area++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return area === 0 ? null : { bbox: [x0, y0, x1 - x0 + 1, y1 - y0 + 1], area };
}
