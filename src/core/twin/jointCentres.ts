// Joint-centre estimates from skin markers on a static trial (lab frame, m).
import { add, cross, dot, frameFromAxes, normalize, scale, sub, toWorld, type Vec3 } from './mat3';

/** Segment frame (row-major 3×3) with Y exactly along `y` and Z as close as possible to `zRef`. */
export function frameFromYZ(y: Vec3, zRef: Vec3): Float64Array {
  const Y = normalize(y);
  const X = normalize(cross(Y, zRef));
  return frameFromAxes(X, Y, cross(X, Y));
}

/** Segment frame with X along `x` (projected) and Z as close as possible to `zRef` — the foot. */
export function frameFromXZ(x: Vec3, zRef: Vec3): Float64Array {
  const Y = normalize(cross(zRef, x));
  const Z = normalize(cross(x, Y));
  return frameFromAxes(cross(Y, Z), Y, Z);
}

/**
 * Pelvis frame and hip joint centres. Pelvis: origin mid-ASIS, Z from left to right ASIS, X anterior in the
 * ASIS–PSIS (or sacrum) plane. Hip centres from Harrington et al. (2007) J Biomech 40:595 (pelvic width PW
 * and depth PD, mm): x = −0.24·PD − 9.9, y = −0.30·PW − 10.9, z = ±(0.33·PW + 7.3); Bell et al. (1990)
 * (x = −0.19·PW, y = −0.30·PW, z = ±0.36·PW) when `method` is 'bell'.
 */
export function pelvisAndHips(asisR: Vec3, asisL: Vec3, back: Vec3, method: 'harrington' | 'bell' = 'harrington') {
  const origin: Vec3 = scale(add(asisR, asisL), 0.5);
  const R = frameFromYZ(cross(sub(asisR, asisL), sub(origin, back)), sub(asisR, asisL));
  const pw = Math.hypot(...sub(asisR, asisL)) * 1000;
  const pd = Math.hypot(...sub(origin, back)) * 1000;
  const local = (side: 1 | -1): Vec3 =>
    method === 'bell'
      ? [-0.19 * pw / 1000, -0.3 * pw / 1000, side * 0.36 * pw / 1000]
      : [(-0.24 * pd - 9.9) / 1000, (-0.3 * pw - 10.9) / 1000, (side * (0.33 * pw + 7.3)) / 1000];
  const hip = (side: 1 | -1): Vec3 => add(origin, toWorld(R, local(side)));
  return { origin, R, widthM: pw / 1000, depthM: pd / 1000, hipR: hip(1), hipL: hip(-1) };
}

/**
 * Joint centre from a lateral marker alone: moved along the unit `inward` direction by half the joint width
 * plus the marker radius (the Plug-in Gait idea, without its chord construction).
 */
export function centreFromLateral(lateral: Vec3, inward: Vec3, jointWidthM: number, markerDiameterM: number): Vec3 {
  return add(lateral, scale(normalize(inward), (jointWidthM + markerDiameterM) / 2));
}

/** Unit vector from p towards its foot on the line a→b (the inward direction of a surface marker). */
export function towardsLine(p: Vec3, a: Vec3, b: Vec3): Vec3 {
  const u = normalize(sub(b, a));
  const foot = add(a, scale(u, dot(sub(p, a), u)));
  return normalize(sub(foot, p));
}
