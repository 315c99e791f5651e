// The part of a required force the ground can supply: its Euclidean projection onto the Coulomb friction cone
// { |F_h| ≤ μ·F_y } of a horizontal floor (Y up). What lies outside (pulling on the floor, slipping sideways) needs a
// non-ground force — in a tracking simulation, the root residual actuator.

/**
 * Projects (fx, fy, fz) (N, lab, Y up) onto the friction cone of coefficient mu, into out[o..o+2]. Inside: unchanged;
 * in the polar cone (e.g. any downward pull): 0; otherwise onto the cone's surface. Allocation-free; NaN propagates.
 */
export function projectFrictionCone(fx: number, fy: number, fz: number, mu: number, out: Float64Array, o = 0): void {
  const h = Math.hypot(fx, fz);
  if (h <= mu * fy) { out[o] = fx; out[o + 1] = fy; out[o + 2] = fz; return; }
  if (mu * h <= -fy) { out[o] = 0; out[o + 1] = 0; out[o + 2] = 0; return; }
  // onto the ray (μ·ĥ, 1)/√(1+μ²): length (μh + fy)/√(1+μ²)
  const s = (mu * h + fy) / (1 + mu * mu);
  out[o] = (s * mu * fx) / h; out[o + 1] = s; out[o + 2] = (s * mu * fz) / h;
}
