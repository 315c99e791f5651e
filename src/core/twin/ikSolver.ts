// One frame of inverse kinematics: weighted least squares over the coordinates, min Σ wₘ‖xₘ − x̂ₘ(q)‖²,
// by Levenberg–Marquardt (Marquardt 1963, diagonal scaling) with analytic Jacobians — ∂x/∂q = a × (x − o)
// for a rotation about lab axis a through joint centre o, = a for a translation — projected onto the joint
// limits after every step. Normal equations are accumulated per marker over only the coordinates that move
// its segment and solved by a sparse (tree-structured) Cholesky in preallocated buffers: nothing is
// allocated per frame.
import { createKinematicsData, forwardKinematics, markerPositions, type KinematicsData } from './forwardKinematics';
import type { BodyModel } from './model';

export interface IkSolver {
  model: BodyModel;
  kin: KinematicsData;
  n: number; // coordinates
  q: Float64Array; // current solution, rad / m
  qTrial: Float64Array;
  H: Float64Array; // n × n normal matrix JᵀWJ, lower triangle on the coordParent chains only
  A: Float64Array; // n × n damped copy, then its LᵀL factor (same pattern)
  g: Float64Array; // n, JᵀW·r
  delta: Float64Array; // n
  jac: Float64Array; // 3 × n scratch: one marker's Jacobian over its chain
  active: Uint8Array; // n, 1 when the coordinate is solved this frame
  free: Uint8Array; // n, scratch: active and not held on a limit this iteration
  weights: Float64Array; // markers, this frame's weights (0 = missing)
  observed: Float64Array; // markers × 3, lab, m
  iterations: number; // iterations used by the last solve
  pairStart: Int32Array; // segments: where each segment's chain pairs start in pairIndex
  pairIndex: Int32Array; // for each segment's chain pair (a ≤ b), its lower-triangle index in H
  qPrev: Float64Array; // n, the warm start the regularisation pulls towards
  mu: number; // regularisation weight, m² per rad² (or per m²)
}

export function createIkSolver(model: BodyModel): IkSolver {
  const n = model.coordinates.length, m = model.markers.length;
  const { chainStart, chainCoord } = model;
  const pairs: number[] = [], pairStart = new Int32Array(model.segments.length);
  for (let seg = 0; seg < model.segments.length; seg++) {
    pairStart[seg] = pairs.length;
    for (let a = chainStart[seg]; a < chainStart[seg + 1]; a++)
      for (let b = a; b < chainStart[seg + 1]; b++) {
        const ca = chainCoord[a], cb = chainCoord[b];
        pairs.push(ca > cb ? ca * n + cb : cb * n + ca);
      }
  }
  return {
    pairStart, pairIndex: Int32Array.from(pairs),
    model, kin: createKinematicsData(model), n,
    q: new Float64Array(n), qTrial: new Float64Array(n),
    H: new Float64Array(n * n), A: new Float64Array(n * n), g: new Float64Array(n), delta: new Float64Array(n),
    jac: new Float64Array(3 * n), active: new Uint8Array(n).fill(1), free: new Uint8Array(n),
    weights: new Float64Array(m), observed: new Float64Array(m * 3), iterations: 0,
    qPrev: new Float64Array(n), mu: 0,
  };
}

/** Weighted squared marker error Σ wₘ‖xₘ − x̂ₘ‖² at the kinematics last computed. */
function cost(s: IkSolver): number {
  const x = s.kin.markers, o = s.observed, w = s.weights;
  let c = 0;
  for (let m = 0; m < w.length; m++) {
    if (w[m] === 0) continue;
    const dx = o[m * 3] - x[m * 3], dy = o[m * 3 + 1] - x[m * 3 + 1], dz = o[m * 3 + 2] - x[m * 3 + 2];
    c += w[m] * (dx * dx + dy * dy + dz * dz);
  }
  return c;
}

// Marker cost plus μ·‖q − q_prev‖² over the solved coordinates (damped least squares: keeps directions the
// markers barely see, e.g. humeral rotation with a straight elbow, from wandering, and makes frames converge).
function evaluate(s: IkSolver, q: Float64Array): number {
  forwardKinematics(s.model, q, s.kin);
  markerPositions(s.model, s.kin);
  let r = 0;
  if (s.mu > 0) for (let i = 0; i < s.n; i++) if (s.active[i]) r += (q[i] - s.qPrev[i]) ** 2;
  return cost(s) + s.mu * r;
}

// Lower triangle of H = JᵀWJ and g = JᵀW·r at the current kinematics, over each marker's chain only.
// Two coordinates on one marker's chain are ancestor and descendant, so H has branch-induced sparsity:
// row i is non-zero only at i's ancestors (coordParent chain), which ltlSolve exploits.
function normalEquations(s: IkSolver): void {
  const { model, kin, H, g, jac, n, weights, observed } = s;
  const { markerSegment, chainStart, chainCoord, coordKind, coordParent } = model;
  for (let k = 0; k < n; k++) {
    g[k] = 0;
    for (let i = k; i >= 0; i = coordParent[i]) H[k * n + i] = 0;
  }
  const ax = kin.dofAxis, pt = kin.dofPoint, x = kin.markers;
  for (let m = 0; m < weights.length; m++) {
    const w = weights[m];
    if (w === 0) continue;
    const seg = markerSegment[m], c0 = chainStart[seg], c1 = chainStart[seg + 1];
    const mx = x[m * 3], my = x[m * 3 + 1], mz = x[m * 3 + 2];
    const rx = observed[m * 3] - mx, ry = observed[m * 3 + 1] - my, rz = observed[m * 3 + 2] - mz;
    for (let k = c0; k < c1; k++) {
      const c = chainCoord[k], c3 = c * 3, j = (k - c0) * 3;
      if (coordKind[c] === 1) {
        jac[j] = ax[c3]; jac[j + 1] = ax[c3 + 1]; jac[j + 2] = ax[c3 + 2];
      } else {
        const vx = mx - pt[c3], vy = my - pt[c3 + 1], vz = mz - pt[c3 + 2];
        jac[j] = ax[c3 + 1] * vz - ax[c3 + 2] * vy;
        jac[j + 1] = ax[c3 + 2] * vx - ax[c3] * vz;
        jac[j + 2] = ax[c3] * vy - ax[c3 + 1] * vx;
      }
      g[c] += w * (jac[j] * rx + jac[j + 1] * ry + jac[j + 2] * rz);
    }
    let p = s.pairStart[seg];
    const len = c1 - c0;
    for (let a = 0; a < len; a++) {
      const ja = a * 3, jx = w * jac[ja], jy = w * jac[ja + 1], jz = w * jac[ja + 2];
      for (let jb = ja; jb < len * 3; jb += 3) H[s.pairIndex[p++]] += jx * jac[jb] + jy * jac[jb + 1] + jz * jac[jb + 2];
    }
  }
  if (s.mu > 0)
    for (let i = 0; i < n; i++) {
      H[i * n + i] += s.mu;
      g[i] += s.mu * (s.qPrev[i] - s.q[i]);
    }
}

// Solves A·x = b for a matrix with branch-induced sparsity (lower triangle, row k non-zero only at k's
// ancestors in `parent`, parent[k] < k), factorising A = LᵀL in place — Featherstone's LTL algorithm
// (RBDA 2008, §6.5): no fill-in, cost Σ depth². Returns false if A is not positive definite.
export function ltlSolve(A: Float64Array, n: number, parent: Int32Array, b: Float64Array, x: Float64Array): boolean {
  for (let k = n - 1; k >= 0; k--) {
    const d = A[k * n + k];
    if (!(d > 0)) return false;
    const lkk = Math.sqrt(d);
    A[k * n + k] = lkk;
    for (let i = parent[k]; i >= 0; i = parent[i]) A[k * n + i] /= lkk;
    for (let i = parent[k]; i >= 0; i = parent[i]) {
      const lki = A[k * n + i];
      for (let j = i; j >= 0; j = parent[j]) A[i * n + j] -= lki * A[k * n + j];
    }
  }
  for (let k = 0; k < n; k++) x[k] = b[k];
  for (let k = n - 1; k >= 0; k--) {
    x[k] /= A[k * n + k];
    for (let i = parent[k]; i >= 0; i = parent[i]) x[i] -= A[k * n + i] * x[k];
  }
  for (let k = 0; k < n; k++) {
    let v = x[k];
    for (let i = parent[k]; i >= 0; i = parent[i]) v -= A[k * n + i] * x[i];
    x[k] = v / A[k * n + k];
  }
  return true;
}

/**
 * Solves the frame whose observed markers and weights are in s.observed / s.weights, starting from s.q;
 * inactive coordinates stay fixed. Iterations stop when the largest step is below `tolerance` (rad or m) or
 * the cost falls by less than `costTolerance` (weighted m²) + 1e-5 of itself. Returns the final weighted squared error; s.kin holds the solution's kinematics.
 */
export function solveFrame(s: IkSolver, maxIterations: number, tolerance: number, costTolerance = 0): number {
  const { n, H, A, g, delta, q, qTrial, active } = s;
  const { coordMin, coordMax } = s.model;
  s.qPrev.set(q);
  let c = evaluate(s, q);
  let lambda = 1e-3;
  let it = 0;
  let fresh = true; // s.kin corresponds to q
  for (; it < maxIterations; it++) {
    if (!fresh) evaluate(s, q);
    normalEquations(s);
    // Active set: a coordinate on a limit whose descent direction points outside stays there this step.
    for (let i = 0; i < n; i++) s.free[i] = active[i] && !((q[i] <= coordMin[i] && g[i] < 0) || (q[i] >= coordMax[i] && g[i] > 0)) ? 1 : 0;
    let maxStep = 0, accepted = false;
    const cPrev = c;
    while (!accepted) {
      const free = s.free, parent = s.model.coordParent;
      for (let k = 0; k < n; k++) {
        if (!free[k]) {
          g[k] = 0;
          A[k * n + k] = 1;
          for (let i = parent[k]; i >= 0; i = parent[i]) A[k * n + i] = 0;
          continue;
        }
        A[k * n + k] = H[k * n + k] * (1 + lambda) + 1e-12;
        for (let i = parent[k]; i >= 0; i = parent[i]) A[k * n + i] = free[i] ? H[k * n + i] : 0;
      }
      if (!ltlSolve(A, n, parent, g, delta)) {
        lambda *= 10;
        if (lambda > 1e10) break;
        continue;
      }
      maxStep = 0;
      for (let i = 0; i < n; i++) {
        let v = q[i] + delta[i];
        if (v < coordMin[i]) v = coordMin[i];
        else if (v > coordMax[i]) v = coordMax[i];
        qTrial[i] = v;
        const step = Math.abs(v - q[i]);
        if (step > maxStep) maxStep = step;
      }
      const cTrial = evaluate(s, qTrial);
      if (cTrial <= c) {
        q.set(qTrial);
        c = cTrial;
        fresh = true;
        lambda = Math.max(lambda / 10, 1e-9);
        accepted = true;
      } else {
        fresh = false;
        lambda *= 10;
        if (lambda > 1e10 || maxStep < tolerance) break;
      }
    }
    if (!accepted || maxStep < tolerance || cPrev - c <= costTolerance + 1e-5 * cPrev) break;
  }
  if (!fresh) evaluate(s, q);
  s.iterations = it + 1;
  return c;
}
