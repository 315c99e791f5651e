// Pinhole camera in the OpenCV convention (Hartley & Zisserman 2004, §6.1): x_cam = R·X_world + t,
// camera axes x right, y down, z forward; pixel u = fx·x/z + cx, v = fy·y/z + cy, pixel (i, j) covers
// [i, i+1) × [j, j+1) so its centre is (i + 0.5, j + 0.5).
import { KinetwinError } from '../errors';

export interface PinholeCamera {
  width: number; // px
  height: number; // px
  K: number[]; // 9, row-major intrinsics [fx 0 cx; 0 fy cy; 0 0 1], px
  R: number[]; // 9, row-major world → camera rotation
  t: number[]; // 3, world → camera translation, m
}

/** Intrinsics for a vertical field of view (rad), square pixels and the principal point at the image centre. */
export function intrinsicsFromFov(width: number, height: number, fovYRad: number): number[] {
  if (!(fovYRad > 0 && fovYRad < Math.PI)) throw new KinetwinError(`field of view must be in (0, π), got ${fovYRad}`);
  const f = height / 2 / Math.tan(fovYRad / 2);
  return [f, 0, width / 2, 0, f, height / 2, 0, 0, 1];
}

/** World → camera extrinsics for a camera at `eye` looking at `target`, with `up` (world) pointing image-up. */
export function lookAt(eye: ArrayLike<number>, target: ArrayLike<number>, up: ArrayLike<number>): { R: number[]; t: number[] } {
  let zx = target[0] - eye[0], zy = target[1] - eye[1], zz = target[2] - eye[2];
  const zn = Math.hypot(zx, zy, zz);
  if (!(zn > 0)) throw new KinetwinError('camera eye and target coincide');
  zx /= zn; zy /= zn; zz /= zn;
  // x = z × up (right), y = z × x (down)
  let xx = zy * up[2] - zz * up[1], xy = zz * up[0] - zx * up[2], xz = zx * up[1] - zy * up[0];
  const xn = Math.hypot(xx, xy, xz);
  if (!(xn > 1e-9)) throw new KinetwinError('camera up vector is parallel to the viewing direction');
  xx /= xn; xy /= xn; xz /= xn;
  const yx = zy * xz - zz * xy, yy = zz * xx - zx * xz, yz = zx * xy - zy * xx;
  const R = [xx, xy, xz, yx, yy, yz, zx, zy, zz];
  const t = [
    -(R[0] * eye[0] + R[1] * eye[1] + R[2] * eye[2]),
    -(R[3] * eye[0] + R[4] * eye[1] + R[5] * eye[2]),
    -(R[6] * eye[0] + R[7] * eye[1] + R[8] * eye[2]),
  ];
  return { R, t };
}

/** Camera centre in the world, C = −Rᵀ·t (m). */
export function cameraCentre(cam: PinholeCamera): number[] {
  const { R, t } = cam;
  return [
    -(R[0] * t[0] + R[3] * t[1] + R[6] * t[2]),
    -(R[1] * t[0] + R[4] * t[1] + R[7] * t[2]),
    -(R[2] * t[0] + R[5] * t[1] + R[8] * t[2]),
  ];
}

/**
 * Projects world points (n × 3, m) to pixels: writes out[3i] = u, out[3i+1] = v (px), out[3i+2] = depth z along
 * the optical axis (m). Points at or behind the camera get u = v = NaN and their (non-positive) depth. Allocation-free.
 */
export function projectPoints(cam: PinholeCamera, points: ArrayLike<number>, out: Float64Array): void {
  const { K, R, t } = cam;
  const n = Math.floor(points.length / 3);
  for (let i = 0; i < n; i++) {
    const X = points[3 * i], Y = points[3 * i + 1], Z = points[3 * i + 2];
    const x = R[0] * X + R[1] * Y + R[2] * Z + t[0];
    const y = R[3] * X + R[4] * Y + R[5] * Z + t[1];
    const z = R[6] * X + R[7] * Y + R[8] * Z + t[2];
    if (z > 0) {
      out[3 * i] = K[0] * (x / z) + K[1] * (y / z) + K[2];
      out[3 * i + 1] = K[4] * (y / z) + K[5];
    } else {
      out[3 * i] = NaN;
      out[3 * i + 1] = NaN;
    }
    out[3 * i + 2] = z;
  }
}
