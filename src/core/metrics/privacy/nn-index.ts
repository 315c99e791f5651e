// Exact k-nearest-neighbour index for the DCR distance (mean per-column |Δ|/range, categorical 0/1).
// Filter-and-refine (Faloutsos et al. 1994, GEMINI): points are projected onto m principal directions, each
// column i of the m × d projection matrix W scaled so Σ_j |W_ji| = 1; then Σ_j |W_j·(x − y)| ≤ Σ_i |x_i − y_i|,
// so the L1 distance between projections is a lower bound of the L1 distance between rows. A k-d tree over the projections prunes with that bound and
// candidates are refined with the full distance (early abandoning). Results are exact.
import { KinetwinError } from '../../errors';
import { symmetricEigen } from '../eigen';
import type { DcrEncoding, DcrRows } from './encode';

export interface NnIndexOptions {
  projections?: number; // m, default min(8, clean columns)
  leafSize?: number; // default 24
  pcaSampleRows?: number; // rows used to estimate principal directions, default 20000
}

export interface NnIndex {
  enc: DcrEncoding;
  rows: number;
  m: number;
  w: Float64Array; // m × cleanDims projection directions
  order: Uint32Array; // tree position → original row
  clean: Float64Array; // rows × cleanDims in tree order
  mixed: Float64Array; // rows × mixedDims in tree order
  proj: Float64Array; // rows × m in tree order
  nodeStart: Int32Array; // per node: first tree position
  nodeEnd: Int32Array; // per node: one past the last
  nodeLeft: Int32Array; // −1 for leaves
  nodeRight: Int32Array;
  nodeLo: Float64Array; // nodes × m, bounding box of projections
  nodeHi: Float64Array;
}

const SAFETY = 1 - 1e-12; // shrink lower bounds so rounding can never prune a true neighbour

/** Principal directions of the clean block (top m eigenvectors of the covariance), columns scaled to Σ_j |W_ji| = 1. */
function projectionDirections(data: DcrRows, dims: number, m: number, sampleRows: number): Float64Array {
  const w = new Float64Array(m * dims);
  if (m === 0) return w;
  const n = data.rows;
  const step = Math.max(1, Math.floor(n / sampleRows));
  const mean = new Float64Array(dims);
  let count = 0;
  for (let i = 0; i < n; i += step, count++) for (let j = 0; j < dims; j++) mean[j] += data.clean[i * dims + j];
  for (let j = 0; j < dims; j++) mean[j] /= Math.max(1, count);
  const cov = new Float64Array(dims * dims);
  const row = new Float64Array(dims);
  for (let i = 0; i < n; i += step) {
    for (let j = 0; j < dims; j++) row[j] = data.clean[i * dims + j] - mean[j];
    for (let a = 0; a < dims; a++) {
      const ra = row[a];
      for (let b = 0; b <= a; b++) cov[a * dims + b] += ra * row[b];
    }
  }
  for (let a = 0; a < dims; a++) for (let b = 0; b < a; b++) cov[b * dims + a] = cov[a * dims + b];
  const { vectors } = symmetricEigen(cov, dims);
  for (let j = 0; j < dims; j++) {
    let colSum = 0;
    for (let k = 0; k < m; k++) colSum += Math.abs(vectors[k * dims + j]);
    for (let k = 0; k < m; k++) w[k * dims + j] = colSum > 0 ? vectors[k * dims + j] / colSum : 0;
  }
  return w;
}

/** Project row `i` of a clean block onto the m directions, into out[at..at+m). */
function projectRow(w: Float64Array, m: number, dims: number, clean: Float64Array, i: number, out: Float64Array, at: number): void {
  const o = i * dims;
  for (let k = 0; k < m; k++) {
    let s = 0;
    const wo = k * dims;
    for (let j = 0; j < dims; j++) s += w[wo + j] * clean[o + j];
    out[at + k] = s;
  }
}

/** Rearrange order[lo..hi) so order[nth] has the nth smallest key and smaller keys come first (Hoare select). */
function selectNth(order: Uint32Array, keys: Float64Array, m: number, dim: number, lo: number, hi: number, nth: number): void {
  let l = lo, r = hi - 1;
  while (r > l) {
    const pivot = keys[order[(l + r) >> 1] * m + dim];
    let i = l, j = r;
    while (i <= j) {
      while (keys[order[i] * m + dim] < pivot) i++;
      while (keys[order[j] * m + dim] > pivot) j--;
      if (i <= j) {
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
        i++;
        j--;
      }
    }
    if (nth <= j) r = j;
    else if (nth >= i) l = i;
    else return;
  }
}

/** Build the index over `data` (the reference rows, e.g. the training table). */
export function buildNnIndex(data: DcrRows, enc: DcrEncoding, options: NnIndexOptions = {}): NnIndex {
  const n = data.rows;
  const dims = enc.cleanDims;
  const m = Math.min(options.projections ?? 8, dims);
  const leafSize = Math.max(2, options.leafSize ?? 24);
  const w = projectionDirections(data, dims, m, options.pcaSampleRows ?? 20000);
  const rawProj = new Float64Array(n * m);
  for (let i = 0; i < n; i++) projectRow(w, m, dims, data.clean, i, rawProj, i * m);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const start: number[] = [], end: number[] = [], left: number[] = [], right: number[] = [], lo: number[] = [], hi: number[] = [];
  const build = (s: number, e: number): number => {
    const id = start.length;
    start.push(s);
    end.push(e);
    left.push(-1);
    right.push(-1);
    let bestDim = -1, bestSpread = 0;
    for (let k = 0; k < m; k++) {
      let a = Infinity, b = -Infinity;
      for (let p = s; p < e; p++) {
        const v = rawProj[order[p] * m + k];
        if (v < a) a = v;
        if (v > b) b = v;
      }
      lo.push(e > s ? a : 0);
      hi.push(e > s ? b : 0);
      if (b - a > bestSpread) {
        bestSpread = b - a;
        bestDim = k;
      }
    }
    if (e - s > leafSize && bestDim >= 0) {
      const mid = (s + e) >> 1;
      selectNth(order, rawProj, m, bestDim, s, e, mid);
      const l = build(s, mid);
      const r = build(mid, e);
      left[id] = l;
      right[id] = r;
    }
    return id;
  };
  build(0, n);
  const clean = new Float64Array(n * dims);
  const mixed = new Float64Array(n * enc.mixedDims);
  const proj = new Float64Array(n * m);
  for (let p = 0; p < n; p++) {
    const i = order[p];
    clean.set(data.clean.subarray(i * dims, (i + 1) * dims), p * dims);
    mixed.set(data.mixed.subarray(i * enc.mixedDims, (i + 1) * enc.mixedDims), p * enc.mixedDims);
    proj.set(rawProj.subarray(i * m, (i + 1) * m), p * m);
  }
  return {
    enc, rows: n, m, w, order, clean, mixed, proj,
    nodeStart: Int32Array.from(start), nodeEnd: Int32Array.from(end), nodeLeft: Int32Array.from(left), nodeRight: Int32Array.from(right),
    nodeLo: Float64Array.from(lo), nodeHi: Float64Array.from(hi),
  };
}

/** Search state for one query; reused across queries (allocation-free hot path). */
class KnnSearch {
  k: number;
  bestD: Float64Array;
  bestI: Int32Array;
  q: Float64Array; // projected query
  qClean: Float64Array = new Float64Array(0);
  qMixed: Float64Array = new Float64Array(0);
  qo = 0; // offset of the query row in qClean
  qmo = 0;
  readonly m: number;
  readonly cleanDims: number;
  readonly mixedDims: number;
  refined = 0; // candidates whose full distance was computed (diagnostics)
  scanned = 0; // leaf points whose projected bound was computed (diagnostics)
  constructor(private readonly ix: NnIndex, k: number) {
    this.k = k;
    this.bestD = new Float64Array(k);
    this.bestI = new Int32Array(k);
    this.q = new Float64Array(ix.m);
    this.m = ix.m;
    this.cleanDims = ix.enc.cleanDims;
    this.mixedDims = ix.enc.mixedDims;
  }

  /** Leaf a projected query falls in when descending by split position (used to order queries for cache reuse). */
  homeLeaf(qClean: Float64Array, row: number): number {
    const ix = this.ix;
    projectRow(ix.w, ix.m, ix.enc.cleanDims, qClean, row, this.q, 0);
    let node = 0;
    while (ix.nodeLeft[node] >= 0) {
      const l = ix.nodeLeft[node];
      const r = ix.nodeRight[node];
      node = this.boxBound(l) <= this.boxBound(r) ? l : r;
    }
    return node;
  }

  private insert(d: number, i: number): void {
    const k = this.k;
    let p = k - 1;
    while (p > 0 && this.bestD[p - 1] > d) {
      this.bestD[p] = this.bestD[p - 1];
      this.bestI[p] = this.bestI[p - 1];
      p--;
    }
    this.bestD[p] = d;
    this.bestI[p] = i;
  }

  /** Sum of per-column distances between the query and tree point p, abandoning once ≥ bound. */
  private distance(p: number, bound: number): number {
    const ix = this.ix;
    const dims = this.cleanDims;
    const a = ix.clean;
    const b = this.qClean;
    const ao = p * dims;
    const bo = this.qo;
    let s = 0;
    let j = 0;
    while (j < dims) {
      const stop = j + 8 < dims ? j + 8 : dims;
      for (; j < stop; j++) {
        const d = a[ao + j] - b[bo + j];
        s += d < 0 ? -d : d;
      }
      if (s >= bound) return s;
    }
    const md = this.mixedDims;
    if (md > 0) {
      const am = ix.mixed;
      const bm = this.qMixed;
      const amo = p * md;
      const bmo = this.qmo;
      const cat = ix.enc.mixedIsCategory;
      for (let c = 0; c < md; c++) {
        const x = am[amo + c];
        const y = bm[bmo + c];
        if (x !== x || y !== y) s += x !== x && y !== y ? 0 : 1;
        else if (cat[c] === 1) s += x === y ? 0 : 1;
        else s += x > y ? x - y : y - x;
      }
    }
    return s;
  }

  visit(node: number): void {
    const ix = this.ix;
    const m = this.m;
    const left = ix.nodeLeft[node];
    if (left < 0) {
      const proj = ix.proj;
      const q = this.q;
      const bestD = this.bestD;
      const last = this.k - 1;
      const start = ix.nodeStart[node];
      const end = ix.nodeEnd[node];
      this.scanned += end - start;
      for (let p = start; p < end; p++) {
        const worst = bestD[last];
        let lb = 0;
        const po = p * m;
        for (let j = 0; j < m && lb * SAFETY < worst; j++) {
          const d = proj[po + j] - q[j]; // leading directions carry the most variance: the bound grows fastest
          lb += d < 0 ? -d : d;
        }
        if (lb * SAFETY >= worst) continue;
        this.refined++;
        const d = this.distance(p, worst);
        if (d < worst) this.insert(d, p);
      }
      return;
    }
    const right = ix.nodeRight[node];
    const lbL = this.boxBound(left);
    const lbR = this.boxBound(right);
    if (lbL <= lbR) {
      if (lbL * SAFETY < this.bestD[this.k - 1]) this.visit(left);
      if (lbR * SAFETY < this.bestD[this.k - 1]) this.visit(right);
    } else {
      if (lbR * SAFETY < this.bestD[this.k - 1]) this.visit(right);
      if (lbL * SAFETY < this.bestD[this.k - 1]) this.visit(left);
    }
  }

  /** L1 gap between the projected query and a node's bounding box. */
  private boxBound(node: number): number {
    const ix = this.ix;
    const m = ix.m;
    const o = node * m;
    let lb = 0;
    for (let j = 0; j < m; j++) {
      const v = this.q[j];
      const g = v < ix.nodeLo[o + j] ? ix.nodeLo[o + j] - v : v > ix.nodeHi[o + j] ? v - ix.nodeHi[o + j] : 0;
      lb += g;
    }
    return lb;
  }

  run(qClean: Float64Array, qMixed: Float64Array, row: number): void {
    const ix = this.ix;
    this.qClean = qClean;
    this.qMixed = qMixed;
    this.qo = row * ix.enc.cleanDims;
    this.qmo = row * ix.enc.mixedDims;
    projectRow(ix.w, ix.m, ix.enc.cleanDims, qClean, row, this.q, 0);
    this.bestD.fill(Infinity);
    this.bestI.fill(-1);
    if (ix.rows > 0) this.visit(0);
  }
}

export interface KnnResult {
  distances: Float64Array; // queries × k, DCR units (mean per-column distance), ascending per query
  indices: Int32Array; // queries × k, original row of the reference table (−1 when fewer than k rows)
  refinedPerQuery: number; // mean number of full distance evaluations (how well the index pruned)
  scannedPerQuery: number; // mean number of leaf points whose projected lower bound was checked
}

/** The k nearest reference rows of every query row (exact). */
export function queryKnn(index: NnIndex, queries: DcrRows, k: number): KnnResult {
  if (!Number.isInteger(k) || k < 1 || k > 64) throw new KinetwinError(`k must be in 1..64, got ${k}`);
  const search = new KnnSearch(index, k);
  const n = queries.rows;
  const distances = new Float64Array(n * k);
  const indices = new Int32Array(n * k);
  const scale = 1 / index.enc.totalDims;
  // visit queries grouped by the leaf they fall in, so consecutive searches reuse cached reference rows
  const home = new Int32Array(n);
  for (let i = 0; i < n; i++) home[i] = search.homeLeaf(queries.clean, i);
  const queue = Array.from({ length: n }, (_, i) => i).sort((a, b) => home[a] - home[b] || a - b);
  for (const i of queue) {
    search.run(queries.clean, queries.mixed, i);
    for (let r = 0; r < k; r++) {
      const p = search.bestI[r];
      distances[i * k + r] = p < 0 ? Infinity : search.bestD[r] * scale;
      indices[i * k + r] = p < 0 ? -1 : index.order[p];
    }
  }
  return { distances, indices, refinedPerQuery: n > 0 ? search.refined / n : 0, scannedPerQuery: n > 0 ? search.scanned / n : 0 };
}
