import { describe, expect, it } from 'vitest';
import { ANSUR_COHORT_COLUMNS } from '../../../src/core/cohort/ansur-columns';
import { fitCohortModel } from '../../../src/core/cohort/fit';
import { sampleSubject } from '../../../src/core/cohort/sample';
import { encodeDcrRows, planDcrEncoding } from '../../../src/core/metrics/privacy/encode';
import { buildNnIndex, queryKnn } from '../../../src/core/metrics/privacy/nn-index';
import { privacyReport } from '../../../src/core/metrics/privacy/privacy-report';
import { makeTable, numericColumn, selectRows, type Column, type Table } from '../../../src/core/metrics/table';
import { streamFor } from '../../../src/core/random/stream';
import { KinetwinError } from '../../../src/core/errors';
import { ansur } from '../cohort/fixture';

const num = (name: string, values: number[]): Column => ({ name, kind: 'numeric', values: Float64Array.from(values) });

describe('privacyReport on a hand-computed case', () => {
  // ranges from train ∪ holdout: a and b both span 0..10
  const train = makeTable([num('a', [0, 10]), num('b', [0, 10])]);
  const holdout = makeTable([num('a', [5, 0]), num('b', [5, 10])]);
  const synthetic = makeTable([num('a', [1]), num('b', [0])]);
  const r = privacyReport({ synthetic, train, holdout });

  it('DCR is the mean over columns of |Δ|/range (0.05 to train, 0.45 to holdout)', () => {
    expect(r.dcr.syntheticToTrain.median).toBeCloseTo(0.05, 12);
    expect(r.dcr.syntheticToHoldout.median).toBeCloseTo(0.45, 12);
  });
  it('NNDR = d1/d2 = 0.05/0.95', () => {
    expect(r.nndrMedian).toBeCloseTo(0.05 / 0.95, 12);
  });
  it('a synthetic row closer to train than holdout gives p = 1 and overfitting protection 0 → fails', () => {
    expect(r.closerToTrainShare).toBe(1);
    expect(r.dcrOverfittingProtection).toBe(0);
    expect(r.exactCopies).toBe(0);
    expect(r.passed).toBe(false);
  });
  it('membership AUC compares −DCR of train rows (0.05, 0.95) and holdout rows (0.45, 0.55): 2/4', () => {
    expect(r.dcr.trainToSynthetic.min).toBeCloseTo(0.05, 12);
    expect(r.dcr.holdoutToSynthetic.max).toBeCloseTo(0.55, 12);
    expect(r.membershipInferenceAuc).toBeCloseTo(0.5, 12);
  });
  it('rejects empty tables and a bad threshold', () => {
    expect(() => privacyReport({ synthetic: selectRows(synthetic, []), train, holdout })).toThrow(KinetwinError);
    expect(() => privacyReport({ synthetic, train, holdout, threshold: 2 })).toThrow(KinetwinError);
  });
});

describe('exact copies', () => {
  it('counts synthetic rows equal to a training row in every column, missing values matching missing', () => {
    const mk = (a: number[], c: string[]) => makeTable([num('a', a), { name: 'c', kind: 'categorical', values: c }]);
    const train = mk([1, NaN, 3], ['x', 'y', 'z']);
    const holdout = mk([2, 4, 5], ['x', 'y', 'z']);
    const synthetic = mk([1, NaN, 3, -0, 1], ['x', 'y', 'q', 'x', 'y']);
    const r = privacyReport({ synthetic, train, holdout });
    expect(r.exactCopies).toBe(2); // rows 0 and 1; row 2 differs in c, rows 3–4 match no training row
    expect(r.exactCopyRate).toBeCloseTo(0.4, 12);
  });
});

describe('nearest-neighbour index', () => {
  it('returns exactly the brute-force nearest two rows, with categorical and missing values', () => {
    const mk = (n: number, seed: number): Table => {
      const s = streamFor(seed, 0);
      const cols: Column[] = [];
      for (let j = 0; j < 12; j++) {
        const f = Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + j) * 3 + s.nextNormal());
        cols.push(num(`x${j}`, f));
      }
      cols.push(num('gappy', Array.from({ length: n }, () => (s.nextDouble() < 0.2 ? NaN : s.nextDouble()))));
      cols.push({ name: 'cat', kind: 'categorical', values: Array.from({ length: n }, () => s.choice(['a', 'b', 'c', ''])) });
      cols.push(num('const', Array.from({ length: n }, () => 4)));
      return makeTable(cols);
    };
    const ref = mk(2000, 1);
    const q = mk(120, 2);
    const enc = planDcrEncoding([ref, q], 1);
    expect(enc.cleanDims).toBe(12);
    const R = encodeDcrRows(ref, enc);
    const Q = encodeDcrRows(q, enc);
    const res = queryKnn(buildNnIndex(R, enc, { leafSize: 8 }), Q, 2);
    const dist = (i: number, k: number) => {
      let s = 0;
      for (let j = 0; j < enc.cleanDims; j++) s += Math.abs(R.clean[i * enc.cleanDims + j] - Q.clean[k * enc.cleanDims + j]);
      for (let m = 0; m < enc.mixedDims; m++) {
        const x = R.mixed[i * enc.mixedDims + m];
        const y = Q.mixed[k * enc.mixedDims + m];
        if (Number.isNaN(x) || Number.isNaN(y)) s += Number.isNaN(x) && Number.isNaN(y) ? 0 : 1;
        else if (enc.mixedIsCategory[m]) s += x === y ? 0 : 1;
        else s += Math.abs(x - y);
      }
      return s / enc.totalDims;
    };
    for (let k = 0; k < Q.rows; k++) {
      const all = Array.from({ length: R.rows }, (_, i) => dist(i, k)).sort((a, b) => a - b);
      expect(res.distances[2 * k]).toBeCloseTo(all[0], 12);
      expect(res.distances[2 * k + 1]).toBeCloseTo(all[1], 12);
    }
    expect(res.refinedPerQuery).toBeLessThan(R.rows); // the index pruned something
  });
});

describe('privacyReport on ANSUR II', () => {
  const names = ANSUR_COHORT_COLUMNS.slice(0, 10);
  const full = ansur();
  const real = makeTable(names.map((c) => ({ name: c.column, kind: 'numeric' as const, values: numericColumn(full, c.column) })));
  const sixth = (r: number) => Array.from({ length: Math.floor(real.rows / 6) }, (_, i) => 6 * i + r); // 809 rows each
  const train = selectRows(real, sixth(0));
  const holdout = selectRows(real, sixth(1));
  const other = selectRows(real, sixth(2));
  const otherReport = privacyReport({ synthetic: other, train, holdout });

  it('fails a copy of the training rows: exact copies, overfitting protection 0, membership AUC ≈ 1', () => {
    const r = privacyReport({ synthetic: train, train, holdout });
    expect(r.exactCopies).toBe(train.rows);
    expect(r.dcr.syntheticToTrain.max).toBe(0);
    expect(r.dcrOverfittingProtection).toBe(0);
    expect(r.dcrBaselineProtection).toBe(0);
    expect(r.membershipInferenceAuc).toBeGreaterThan(0.99);
    expect(r.passed).toBe(false);
  });

  it('passes independent real rows of the same population (protection ≥ 0.9, membership AUC within 0.5 ± 0.05)', () => {
    const r = otherReport;
    expect(r.exactCopies).toBe(0);
    expect(r.dcrOverfittingProtection).toBeGreaterThan(0.9);
    expect(Math.abs(r.membershipInferenceAuc - 0.5)).toBeLessThan(0.05);
    expect(r.passed).toBe(true);
    expect(r.nndrMedian).toBeGreaterThan(0.5);
    expect(r.nndrMedian).toBeLessThan(1);
  });

  it('passes cohort-model samples fitted on train only', () => {
    const model = fitCohortModel(selectRows(full, sixth(0))); // the same rows as `train`
    const n = 800;
    const cols = names.map(() => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      const s = sampleSubject(model, streamFor(77, i));
      names.forEach((c, j) => (cols[j][i] = Math.round(s.values[c.name] / c.scale)));
    }
    const synthetic = makeTable(names.map((c, j) => ({ name: c.column, kind: 'numeric' as const, values: cols[j] })));
    const r = privacyReport({ synthetic, train, holdout });
    expect(r.exactCopies).toBe(0);
    expect(r.passed).toBe(true);
    expect(r.dcrBaselineProtection).toBeGreaterThan(0.1);
    expect(r.dcrBaselineProtection).toBeLessThanOrEqual(1);
  });

  it('compares equally many train and holdout rows when their sizes differ', () => {
    const bigTrain = selectRows(real, [...sixth(0), ...sixth(3)]);
    const r = privacyReport({ synthetic: other, train: bigTrain, holdout });
    expect(r.warnings.some((w) => w.includes('differ in size'))).toBe(true);
    expect(r.closerToTrainShare).toBeGreaterThan(0.4);
    expect(r.closerToTrainShare).toBeLessThan(0.6);
  });

  it('makes the threshold configurable', () => {
    const r = privacyReport({ synthetic: other, train, holdout, threshold: 1 });
    expect(r.dcrOverfittingProtection).toBe(otherReport.dcrOverfittingProtection);
    expect(r.passed).toBe(r.dcrOverfittingProtection >= 1);
    expect(otherReport.passed).toBe(true);
  });
});
