// Cholesky factorisation of a symmetric positive-(semi)definite matrix and triangular solves.
import { KinetwinError } from '../errors';

/**
 * Lower-triangular L (n × n, row-major) with A = L·Lᵀ. A is n × n row-major and symmetric. When A is only
 * semi-definite (e.g. a correlation matrix of collinear columns) a ridge of `jitter`·mean(diag) is added,
 * growing tenfold until the factorisation succeeds (at most 8 times).
 */
export function cholesky(a: Float64Array, n: number, jitter = 1e-10): Float64Array {
  if (a.length !== n * n) throw new KinetwinError(`cholesky: matrix has ${a.length} entries, expected ${n * n}`);
  let meanDiag = 0;
  for (let i = 0; i < n; i++) meanDiag += a[i * n + i];
  meanDiag = n > 0 ? meanDiag / n : 0;
  const l = new Float64Array(n * n);
  let ridge = 0;
  for (let attempt = 0; attempt < 9; attempt++) {
    if (tryCholesky(a, n, ridge, l)) return l;
    ridge = ridge === 0 ? jitter * (meanDiag || 1) : ridge * 10;
  }
  throw new KinetwinError('cholesky: matrix is not positive definite');
}

function tryCholesky(a: Float64Array, n: number, ridge: number, l: Float64Array): boolean {
  l.fill(0);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j] + ridge;
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0) || !Number.isFinite(d)) return false;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return true;
}

/** Solve (L·Lᵀ) x = b in place in `b` (length n), L from `cholesky`. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * b[k];
    b[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
    b[i] = s / l[i * n + i];
  }
  return b;
}
