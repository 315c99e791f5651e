// L2-regularised logistic regression fitted by Newton–Raphson / IRLS (Hastie et al., ESL 2nd ed. §4.4.1).
import { cholesky, choleskySolve } from './cholesky';

export interface LogisticModel {
  weights: Float64Array; // features + 1, the last entry is the intercept
}

/**
 * Fit on `x` (rows × features, row-major, already standardised) and labels y ∈ {0,1}. `lambda` penalises the
 * weights (not the intercept). Stops when the largest Newton step is below `tol` or after `maxIter` steps.
 */
export function fitLogistic(x: Float64Array, y: ArrayLike<number>, rows: number, features: number, lambda = 1e-3, maxIter = 25, tol = 1e-8): LogisticModel {
  const p = features + 1;
  const w = new Float64Array(p);
  const h = new Float64Array(p * p);
  const g = new Float64Array(p);
  for (let iter = 0; iter < maxIter; iter++) {
    h.fill(0);
    g.fill(0);
    for (let i = 0; i < rows; i++) {
      const o = i * features;
      let eta = w[features];
      for (let j = 0; j < features; j++) eta += w[j] * x[o + j];
      const mu = 1 / (1 + Math.exp(-eta));
      const r = y[i] - mu;
      const s = Math.max(mu * (1 - mu), 1e-10);
      for (let j = 0; j < features; j++) {
        const xj = x[o + j];
        g[j] += r * xj;
        const sx = s * xj;
        for (let k = 0; k <= j; k++) h[j * p + k] += sx * x[o + k];
        h[features * p + j] += sx;
      }
      g[features] += r;
      h[features * p + features] += s;
    }
    for (let j = 0; j < features; j++) {
      g[j] -= lambda * rows * w[j];
      h[j * p + j] += lambda * rows;
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) h[k * p + j] = h[j * p + k];
    const step = choleskySolve(cholesky(h, p, 1e-12), p, g);
    let maxStep = 0;
    for (let j = 0; j < p; j++) {
      w[j] += step[j];
      maxStep = Math.max(maxStep, Math.abs(step[j]));
    }
    if (maxStep < tol) break;
  }
  return { weights: w };
}

/** Linear predictor (log-odds) of row `i` of `x`. */
export function logisticScore(model: LogisticModel, x: Float64Array, i: number, features: number): number {
  let eta = model.weights[features];
  for (let j = 0; j < features; j++) eta += model.weights[j] * x[i * features + j];
  return eta;
}
