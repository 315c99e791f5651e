// Discriminator AUC: can a k-fold cross-validated logistic regression tell real rows from synthetic ones?
// 0.5 = indistinguishable, 1 = perfectly separable (the "detection" metric of SDMetrics' LogisticDetection).
import { KinetwinError } from '../errors';
import { streamFor } from '../random/stream';
import { rocAuc } from './auc';
import { fitLogistic, logisticScore } from './logistic';
import type { Column, Table } from './table';

export interface DiscriminatorOptions {
  columns?: string[]; // default: all shared columns
  folds?: number; // default 5
  seed?: number; // fold assignment and subsampling, default 0
  maxRowsPerClass?: number; // subsample each side to at most this many rows, default 5000
  maxCategories?: number; // one-hot levels kept per categorical column (most frequent), default 20
}

/** Encode rows of two tables into one feature matrix (numeric as is, NaN → 0 + missing flag; categorical one-hot). */
function encode(real: Table, synthetic: Table, realRows: Uint32Array, synRows: Uint32Array, columns: string[], maxCategories: number): { x: Float64Array; features: number } {
  // encoders take the column of the table being encoded (looked up once per table, not per cell)
  const encoders: ((c: Column | undefined, row: number, out: Float64Array, at: number) => void)[] = [];
  const widths: number[] = [];
  for (const name of columns) {
    const rc = real.columns.find((c) => c.name === name);
    const sc = synthetic.columns.find((c) => c.name === name);
    if (!rc || !sc || rc.kind !== sc.kind) throw new KinetwinError(`column "${name}" missing or of different kinds`);
    if (rc.kind === 'numeric') {
      let anyNaN = false;
      for (const t of [real, synthetic]) {
        const c = t.columns.find((k) => k.name === name);
        if (c && c.kind === 'numeric') for (const v of c.values) if (Number.isNaN(v)) anyNaN = true;
      }
      widths.push(anyNaN ? 2 : 1);
      encoders.push((c, row, out, at) => {
        const v = c && c.kind === 'numeric' ? c.values[row] : NaN;
        out[at] = Number.isNaN(v) ? 0 : v;
        if (anyNaN) out[at + 1] = Number.isNaN(v) ? 1 : 0;
      });
    } else {
      const counts = new Map<string, number>();
      for (const v of rc.values) counts.set(v, (counts.get(v) ?? 0) + 1);
      const levels = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxCategories).map((e) => e[0]);
      const index = new Map(levels.map((l, i) => [l, i]));
      widths.push(levels.length);
      encoders.push((c, row, out, at) => {
        const k = c && c.kind === 'categorical' ? index.get(c.values[row]) : undefined;
        for (let i = 0; i < levels.length; i++) out[at + i] = i === k ? 1 : 0;
      });
    }
  }
  const features = widths.reduce((a, b) => a + b, 0);
  const rows = realRows.length + synRows.length;
  const x = new Float64Array(rows * features);
  let r = 0;
  for (const [t, idx] of [[real, realRows], [synthetic, synRows]] as const) {
    const cols = columns.map((name) => t.columns.find((k) => k.name === name));
    for (const row of idx) {
      let at = r * features;
      for (let e = 0; e < encoders.length; e++) {
        encoders[e](cols[e], row, x, at);
        at += widths[e];
      }
      r++;
    }
  }
  return { x, features };
}

function subsample(n: number, max: number, seed: number, substream: number): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n <= max) return idx;
  streamFor(seed, Number.MAX_SAFE_INTEGER - 1, substream).shuffle(idx);
  return idx.slice(0, max).sort();
}

/** Cross-validated discriminator AUC (pooled out-of-fold scores) of real vs synthetic rows. */
export function discriminatorAuc(real: Table, synthetic: Table, columns: string[], options: DiscriminatorOptions = {}): number {
  const folds = options.folds ?? 5;
  const seed = options.seed ?? 0;
  const maxRows = options.maxRowsPerClass ?? 5000;
  if (!Number.isInteger(folds) || folds < 2) throw new KinetwinError(`folds must be an integer ≥ 2, got ${folds}`);
  if (columns.length === 0) throw new KinetwinError('discriminator: no shared columns');
  const realRows = subsample(real.rows, maxRows, seed, 1);
  const synRows = subsample(synthetic.rows, maxRows, seed, 2);
  if (realRows.length < folds || synRows.length < folds) throw new KinetwinError(`discriminator needs at least ${folds} rows per side`);
  const { x, features } = encode(real, synthetic, realRows, synRows, columns, options.maxCategories ?? 20);
  const n = realRows.length + synRows.length;
  const label = new Uint8Array(n);
  for (let i = realRows.length; i < n; i++) label[i] = 1; // 1 = synthetic
  // stratified folds: shuffle each class and deal round-robin
  const fold = new Uint8Array(n);
  for (const [start, end, sub] of [[0, realRows.length, 3], [realRows.length, n, 4]] as const) {
    const order = new Uint32Array(end - start);
    for (let i = 0; i < order.length; i++) order[i] = start + i;
    streamFor(seed, Number.MAX_SAFE_INTEGER - 1, sub).shuffle(order);
    for (let i = 0; i < order.length; i++) fold[order[i]] = i % folds;
  }
  const scores = new Float64Array(n);
  for (let f = 0; f < folds; f++) {
    // standardise with the training fold's mean and SD
    const mean = new Float64Array(features);
    const sd = new Float64Array(features);
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (fold[i] === f) continue;
      m++;
      for (let j = 0; j < features; j++) mean[j] += x[i * features + j];
    }
    for (let j = 0; j < features; j++) mean[j] /= m;
    for (let i = 0; i < n; i++) {
      if (fold[i] === f) continue;
      for (let j = 0; j < features; j++) sd[j] += (x[i * features + j] - mean[j]) ** 2;
    }
    for (let j = 0; j < features; j++) sd[j] = Math.sqrt(sd[j] / Math.max(1, m - 1)) || 1;
    const z = new Float64Array(n * features);
    for (let i = 0; i < n * features; i++) {
      const j = i % features;
      z[i] = (x[i] - mean[j]) / sd[j];
    }
    const trainIdx: number[] = [];
    for (let i = 0; i < n; i++) if (fold[i] !== f) trainIdx.push(i);
    const xt = new Float64Array(trainIdx.length * features);
    const yt = new Uint8Array(trainIdx.length);
    for (let k = 0; k < trainIdx.length; k++) {
      xt.set(z.subarray(trainIdx[k] * features, (trainIdx[k] + 1) * features), k * features);
      yt[k] = label[trainIdx[k]];
    }
    const model = fitLogistic(xt, yt, trainIdx.length, features);
    for (let i = 0; i < n; i++) if (fold[i] === f) scores[i] = logisticScore(model, z, i, features);
  }
  return rocAuc(scores, label);
}
