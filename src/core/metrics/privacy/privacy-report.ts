// privacyReport: distance-based privacy of a synthetic table against its training data and a holdout from the
// same population (REFERENCE.md §6; SDMetrics DCRBaselineProtection / DCROverfittingProtection; NNDR; a
// distance-to-closest-record membership-inference attack). Nearest neighbours come from an exact index.
import { KinetwinError } from '../../errors';
import { streamFor } from '../../random/stream';
import { aucOfSamples } from '../auc';
import { histogram, median, summarize, type Histogram, type Quantiles } from '../quantiles';
import type { Table } from '../table';
import { encodeDcrRows, planDcrEncoding, type DcrEncoding, type DcrRows } from './encode';
import { buildNnIndex, queryKnn, type NnIndexOptions } from './nn-index';

export interface PrivacyInput {
  synthetic: Table;
  train: Table;
  holdout: Table;
  threshold?: number; // minimum DCR overfitting protection to pass, default 0.5
  columns?: string[]; // default: all columns shared by the three tables
  seed?: number; // subsampling and random baseline rows, default 0
  maxQueryRows?: number; // nearest-neighbour queries per direction (rows subsampled beyond this), default 5000:
  // the standard error of the overfitting share is then ≤ 0.007 and of the membership AUC ≈ 0.006
  baselineRows?: number; // uniform random rows for the baseline, default min(synthetic rows, 1000): a random row is
  // far from every record so no index can prune its search (each costs a full scan); 1000 pins the median closely
  index?: NnIndexOptions;
}

export interface PrivacyReport {
  columns: string[];
  rows: { synthetic: number; train: number; holdout: number };
  sampled: { synthetic: number; train: number; holdout: number; random: number }; // queries actually run
  exactCopies: number; // synthetic rows identical to a training row (all rows checked)
  exactCopyRate: number;
  dcr: {
    syntheticToTrain: Quantiles;
    syntheticToHoldout: Quantiles;
    randomToTrain: Quantiles;
    trainToSynthetic: Quantiles;
    holdoutToSynthetic: Quantiles;
  };
  dcrBaselineProtection: number; // min(median DCR(syn→train) / median DCR(random→train), 1)
  dcrOverfittingProtection: number; // min(2·(1 − p), 1), p = share of synthetic rows closer to train than holdout
  closerToTrainShare: number; // p
  nndrMedian: number; // median over synthetic rows of d1/d2 to the training rows
  membershipInferenceAuc: number; // train vs holdout scored by −DCR to the synthetic rows; 0.5 = no leak
  threshold: number;
  passed: boolean; // exactCopies == 0 and dcrOverfittingProtection ≥ threshold
  histograms: { syntheticToTrain: Histogram; syntheticToHoldout: Histogram; randomToTrain: Histogram };
  index: { projections: number; refinedPerQuery: number; scannedPerQuery: number };
  warnings: string[];
}

/** Up to `max` row indices of 0..n−1, a seeded random subset in ascending order (all rows when n ≤ max). */
function sampleIndices(n: number, max: number, seed: number, substream: number): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n <= max) return idx;
  streamFor(seed, Number.MAX_SAFE_INTEGER - 2, substream).shuffle(idx);
  return idx.slice(0, max).sort();
}

function subsetRows(rows: DcrRows, enc: DcrEncoding, idx: Uint32Array): DcrRows {
  if (idx.length === rows.rows) return rows;
  const c = enc.cleanDims;
  const m = enc.mixedDims;
  const clean = new Float64Array(idx.length * c);
  const mixed = new Float64Array(idx.length * m);
  for (let k = 0; k < idx.length; k++) {
    clean.set(rows.clean.subarray(idx[k] * c, (idx[k] + 1) * c), k * c);
    mixed.set(rows.mixed.subarray(idx[k] * m, (idx[k] + 1) * m), k * m);
  }
  return { rows: idx.length, clean, mixed };
}

/** Uniform random rows within each column's real range (categories uniform over the real categories). */
function randomRows(enc: DcrEncoding, n: number, realCategories: number[], seed: number): DcrRows {
  const s = streamFor(seed, Number.MAX_SAFE_INTEGER - 2, 99);
  const clean = new Float64Array(n * enc.cleanDims);
  const mixed = new Float64Array(n * enc.mixedDims);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < enc.cleanDims; j++) clean[i * enc.cleanDims + j] = s.nextDouble();
    for (let m = 0; m < enc.mixedDims; m++) {
      const col = enc.cleanDims + m;
      let v: number;
      if (enc.categories[m].size > 0 || Number.isNaN(enc.min[col])) v = realCategories[m] > 0 ? s.nextInt(realCategories[m]) : NaN;
      else if (enc.mixedIsCategory[m] === 1) v = enc.min[col]; // zero-range numeric: its only value
      else v = s.nextDouble();
      mixed[i * enc.mixedDims + m] = v;
    }
  }
  return { rows: n, clean, mixed };
}

const hashView = new DataView(new ArrayBuffer(8));

/** 32-bit hash of a row's raw values (numbers by their float64 bits, NaN and ±0 canonical; strings by code unit). */
function rowHash(cols: Table['columns'], i: number): number {
  let h = 0x811c9dc5;
  for (const c of cols) {
    if (c.kind === 'numeric') {
      const v = c.values[i];
      hashView.setFloat64(0, Number.isNaN(v) ? NaN : v === 0 ? 0 : v);
      h = Math.imul(h ^ hashView.getUint32(0), 0x01000193);
      h = Math.imul(h ^ hashView.getUint32(4), 0x01000193);
    } else {
      const s = c.values[i];
      for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
      h = Math.imul(h ^ 0xff, 0x01000193); // separator
    }
  }
  return h >>> 0;
}

function sameRow(a: Table['columns'], i: number, b: Table['columns'], j: number): boolean {
  for (let k = 0; k < a.length; k++) {
    const x = a[k].values[i];
    const y = b[k].values[j];
    if (x !== y && !(typeof x === 'number' && Number.isNaN(x) && Number.isNaN(y as number))) return false;
  }
  return true;
}

/** Synthetic rows identical to some training row over `columns` (all rows checked, hash join). */
function countExactCopies(synthetic: Table, train: Table, columns: string[]): number {
  const pick = (t: Table) => columns.map((name) => t.columns.find((c) => c.name === name)!);
  const sc = pick(synthetic);
  const tc = pick(train);
  const buckets = new Map<number, number[]>();
  for (let j = 0; j < train.rows; j++) {
    const h = rowHash(tc, j);
    const b = buckets.get(h);
    if (b) b.push(j);
    else buckets.set(h, [j]);
  }
  let copies = 0;
  for (let i = 0; i < synthetic.rows; i++) {
    const b = buckets.get(rowHash(sc, i));
    if (b && b.some((j) => sameRow(sc, i, tc, j))) copies++;
  }
  return copies;
}

function column(dist: Float64Array, k: number, r: number): Float64Array {
  const out = new Float64Array(dist.length / k);
  for (let i = 0; i < out.length; i++) out[i] = dist[i * k + r];
  return out;
}

/** Compute the privacy report. Throws KinetwinError for empty tables or incompatible columns. */
export function privacyReport(input: PrivacyInput): PrivacyReport {
  const { synthetic, train, holdout } = input;
  const threshold = input.threshold ?? 0.5;
  const seed = input.seed ?? 0;
  const maxQ = input.maxQueryRows ?? 5000;
  if (!(threshold >= 0 && threshold <= 1)) throw new KinetwinError(`threshold must be in [0, 1], got ${threshold}`);
  if (!Number.isInteger(maxQ) || maxQ < 1) throw new KinetwinError(`maxQueryRows must be a positive integer, got ${maxQ}`);
  for (const [name, t] of [['synthetic', synthetic], ['train', train], ['holdout', holdout]] as const) {
    if (t.rows === 0) throw new KinetwinError(`${name} table has no rows`);
  }
  if (train.rows < 2) throw new KinetwinError('train table needs at least 2 rows (nearest-neighbour ratio)');
  const warnings: string[] = [];
  const enc = planDcrEncoding([train, holdout, synthetic], 2, input.columns);
  const trainRows = encodeDcrRows(train, enc);
  const holdRows = encodeDcrRows(holdout, enc);
  const realCategories = enc.categories.map((d) => d.size);
  const synRows = encodeDcrRows(synthetic, enc);
  if (enc.mixedDims > 0) warnings.push(`${enc.mixedDims} column(s) categorical, constant or with missing values: compared without index pruning`);

  // exact copies over all synthetic rows
  const exactCopies = countExactCopies(synthetic, train, enc.columns);

  const synQ = subsetRows(synRows, enc, sampleIndices(synthetic.rows, maxQ, seed, 1));
  const trainQ = subsetRows(trainRows, enc, sampleIndices(train.rows, maxQ, seed, 2));
  const holdQ = subsetRows(holdRows, enc, sampleIndices(holdout.rows, maxQ, seed, 3));
  const nRandom = Math.min(input.baselineRows ?? Math.min(synthetic.rows, 1000), 1_000_000);
  if (!Number.isInteger(nRandom) || nRandom < 1) throw new KinetwinError(`baselineRows must be a positive integer, got ${nRandom}`);
  const randQ = randomRows(enc, nRandom, realCategories, seed);
  if (synQ.rows < synthetic.rows || trainQ.rows < train.rows || holdQ.rows < holdout.rows) {
    warnings.push(`nearest-neighbour metrics estimated on random subsets of at most ${maxQ} query rows`);
  }

  const trainIx = buildNnIndex(trainRows, enc, input.index);
  const holdIx = buildNnIndex(holdRows, enc, input.index);
  const synIx = buildNnIndex(synRows, enc, input.index);
  const synTrain = queryKnn(trainIx, synQ, 2);
  const synHold = queryKnn(holdIx, synQ, 1);
  const randTrain = queryKnn(trainIx, randQ, 1);
  const trainSyn = queryKnn(synIx, trainQ, 1);
  const holdSyn = queryKnn(synIx, holdQ, 1);

  const d1 = column(synTrain.distances, 2, 0);
  const d2 = column(synTrain.distances, 2, 1);
  // overfitting: compare against equally many train rows as holdout rows, so p = ½ without memorisation
  let dTrainForOverfit = d1;
  if (train.rows !== holdout.rows) {
    const m = Math.min(train.rows, holdout.rows);
    const trainSub = subsetRows(trainRows, enc, sampleIndices(train.rows, m, seed, 4));
    const holdSub = subsetRows(holdRows, enc, sampleIndices(holdout.rows, m, seed, 5));
    if (trainSub !== trainRows) dTrainForOverfit = queryKnn(buildNnIndex(trainSub, enc, input.index), synQ, 1).distances;
    const dHoldSub = holdSub === holdRows ? synHold.distances : queryKnn(buildNnIndex(holdSub, enc, input.index), synQ, 1).distances;
    synHold.distances.set(dHoldSub);
    warnings.push(`train (${train.rows}) and holdout (${holdout.rows}) differ in size: overfitting protection uses ${m} rows of each`);
  }
  let closer = 0;
  for (let i = 0; i < synQ.rows; i++) {
    const a = dTrainForOverfit[i];
    const b = synHold.distances[i];
    closer += a < b ? 1 : a === b ? 0.5 : 0;
  }
  const p = closer / synQ.rows;
  const nndr = new Float64Array(synQ.rows);
  for (let i = 0; i < synQ.rows; i++) nndr[i] = d2[i] === 0 ? 1 : d1[i] / d2[i]; // 0/0: two identical neighbours, no singling out
  const medSyn = median(d1);
  const medRand = median(randTrain.distances);
  const baseline = medRand > 0 ? Math.min(medSyn / medRand, 1) : NaN;
  if (!(medRand > 0)) warnings.push('random rows lie on the training rows (zero median distance): baseline protection undefined');
  const negTrain = trainSyn.distances.map((d) => -d);
  const negHold = holdSyn.distances.map((d) => -d);
  const overfit = Math.min(2 * (1 - p), 1);
  const hiEdge = Math.max(...[d1, synHold.distances, randTrain.distances].map((a) => summarize(a).p95)) * 1.5 || 1;
  return {
    columns: enc.columns,
    rows: { synthetic: synthetic.rows, train: train.rows, holdout: holdout.rows },
    sampled: { synthetic: synQ.rows, train: trainQ.rows, holdout: holdQ.rows, random: nRandom },
    exactCopies,
    exactCopyRate: exactCopies / synthetic.rows,
    dcr: {
      syntheticToTrain: summarize(d1),
      syntheticToHoldout: summarize(synHold.distances),
      randomToTrain: summarize(randTrain.distances),
      trainToSynthetic: summarize(trainSyn.distances),
      holdoutToSynthetic: summarize(holdSyn.distances),
    },
    dcrBaselineProtection: baseline,
    dcrOverfittingProtection: overfit,
    closerToTrainShare: p,
    nndrMedian: median(nndr),
    membershipInferenceAuc: aucOfSamples(negTrain, negHold),
    threshold,
    passed: exactCopies === 0 && overfit >= threshold,
    histograms: {
      syntheticToTrain: histogram(d1, 40, 0, hiEdge),
      syntheticToHoldout: histogram(synHold.distances, 40, 0, hiEdge),
      randomToTrain: histogram(randTrain.distances, 40, 0, hiEdge),
    },
    index: { projections: trainIx.m, refinedPerQuery: synTrain.refinedPerQuery, scannedPerQuery: synTrain.scannedPerQuery },
    warnings,
  };
}
