// Small in-place 3-vector / 3×3-matrix helpers for the twin's hot paths.
// Matrices are row-major 9-element slices of a Float64Array (`m[3*r + c]`), vectors 3-element slices;
// every function writes into an output buffer at an offset and allocates nothing.

export type Vec3 = [number, number, number];

/** out[o..o+9) = a[ao..) · b[bo..) (3×3 · 3×3). `out` must not alias a or b. */
export function mul33(a: Float64Array, ao: number, b: Float64Array, bo: number, out: Float64Array, o: number): void {
  for (let r = 0; r < 3; r++) {
    const a0 = a[ao + 3 * r], a1 = a[ao + 3 * r + 1], a2 = a[ao + 3 * r + 2];
    out[o + 3 * r] = a0 * b[bo] + a1 * b[bo + 3] + a2 * b[bo + 6];
    out[o + 3 * r + 1] = a0 * b[bo + 1] + a1 * b[bo + 4] + a2 * b[bo + 7];
    out[o + 3 * r + 2] = a0 * b[bo + 2] + a1 * b[bo + 5] + a2 * b[bo + 8];
  }
}

/** out[o..o+3) = R[ro..) · v[vo..). `out` must not alias v. */
export function mulVec(R: Float64Array, ro: number, v: ArrayLike<number>, vo: number, out: Float64Array, o: number): void {
  const x = v[vo], y = v[vo + 1], z = v[vo + 2];
  out[o] = R[ro] * x + R[ro + 1] * y + R[ro + 2] * z;
  out[o + 1] = R[ro + 3] * x + R[ro + 4] * y + R[ro + 5] * z;
  out[o + 2] = R[ro + 6] * x + R[ro + 7] * y + R[ro + 8] * z;
}

/** out[o..o+3) = Rᵀ[ro..) · v[vo..). `out` must not alias v. */
export function mulVecT(R: Float64Array, ro: number, v: ArrayLike<number>, vo: number, out: Float64Array, o: number): void {
  const x = v[vo], y = v[vo + 1], z = v[vo + 2];
  out[o] = R[ro] * x + R[ro + 3] * y + R[ro + 6] * z;
  out[o + 1] = R[ro + 1] * x + R[ro + 4] * y + R[ro + 7] * z;
  out[o + 2] = R[ro + 2] * x + R[ro + 5] * y + R[ro + 8] * z;
}

/** Rotation by `angle` (rad) about the unit axis (x, y, z), Rodrigues' formula, into out[o..o+9). */
export function axisAngle(x: number, y: number, z: number, angle: number, out: Float64Array, o: number): void {
  const c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
  out[o] = t * x * x + c;
  out[o + 1] = t * x * y - s * z;
  out[o + 2] = t * x * z + s * y;
  out[o + 3] = t * x * y + s * z;
  out[o + 4] = t * y * y + c;
  out[o + 5] = t * y * z - s * x;
  out[o + 6] = t * x * z - s * y;
  out[o + 7] = t * y * z + s * x;
  out[o + 8] = t * z * z + c;
}

export function setIdentity(out: Float64Array, o: number): void {
  out.fill(0, o, o + 9);
  out[o] = out[o + 4] = out[o + 8] = 1;
}

/** Rotation matrix whose columns are the unit axes X, Y, Z (each a Vec3) — a segment frame in the lab. */
export function frameFromAxes(X: Vec3, Y: Vec3, Z: Vec3): Float64Array {
  return Float64Array.of(X[0], Y[0], Z[0], X[1], Y[1], Z[1], X[2], Y[2], Z[2]);
}

export function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
export function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}
export function scale(a: Vec3, s: number): Vec3 {
  return [a[0] * s, a[1] * s, a[2] * s];
}
export function mid(a: Vec3, b: Vec3): Vec3 {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
}
export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
export function norm(a: Vec3): number {
  return Math.hypot(a[0], a[1], a[2]);
}
export function normalize(a: Vec3): Vec3 {
  const n = norm(a);
  return [a[0] / n, a[1] / n, a[2] / n];
}
/** Rᵀ·v for a 9-element row-major rotation: a lab vector expressed in the frame R. */
export function toLocal(R: ArrayLike<number>, v: Vec3): Vec3 {
  return [
    R[0] * v[0] + R[3] * v[1] + R[6] * v[2],
    R[1] * v[0] + R[4] * v[1] + R[7] * v[2],
    R[2] * v[0] + R[5] * v[1] + R[8] * v[2],
  ];
}
/** R·v for a 9-element row-major rotation. */
export function toWorld(R: ArrayLike<number>, v: Vec3): Vec3 {
  return [
    R[0] * v[0] + R[1] * v[1] + R[2] * v[2],
    R[3] * v[0] + R[4] * v[1] + R[5] * v[2],
    R[6] * v[0] + R[7] * v[1] + R[8] * v[2],
  ];
}
/** Aᵀ·B for two row-major 3×3 rotations (B expressed in A). */
export function relative(A: ArrayLike<number>, B: ArrayLike<number>): Float64Array {
  const out = new Float64Array(9);
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) out[3 * r + c] = A[r] * B[c] + A[3 + r] * B[3 + c] + A[6 + r] * B[6 + c];
  return out;
}
