import { describe, expect, it } from 'vitest';
import { fitCohortModel } from '../../../src/core/cohort/fit';
import { sampleSubject } from '../../../src/core/cohort/sample';
import { discriminatorAuc } from '../../../src/core/metrics/discriminator';
import { fitLogistic } from '../../../src/core/metrics/logistic';
import { categoricalColumn, makeTable, numericColumn, type Table } from '../../../src/core/metrics/table';
import { validateSynthetic } from '../../../src/core/metrics/validate';
import { streamFor } from '../../../src/core/random/stream';
import { ansur } from '../cohort/fixture';

const COLS = ['stature', 'weightkg', 'footlength', 'handlength', 'biacromialbreadth'];
const VARS = ['stature', 'mass', 'footLength', 'handLength', 'biacromialBreadth'];
const SCALE = [1000, 10, 1000, 1000, 1000]; // model SI → ANSUR units

function realTable(): Table {
  const t = ansur();
  return makeTable([
    { name: 'Gender', kind: 'categorical', values: categoricalColumn(t, 'Gender') },
    ...COLS.map((c) => ({ name: c, kind: 'numeric' as const, values: numericColumn(t, c) })),
  ]);
}

function cohortTable(n: number, seed: number, shift = 0): Table {
  const model = fitCohortModel(ansur());
  const gender: string[] = [];
  const cols = COLS.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const s = sampleSubject(model, streamFor(seed, i));
    gender.push(s.sex === 'female' ? 'Female' : 'Male');
    VARS.forEach((v, j) => (cols[j][i] = Math.round(s.values[v] * SCALE[j]) + (j === 0 ? shift : 0)));
  }
  return makeTable([{ name: 'Gender', kind: 'categorical', values: gender }, ...COLS.map((c, j) => ({ name: c, kind: 'numeric' as const, values: cols[j] }))]);
}

describe('fitLogistic', () => {
  it('recovers known coefficients of simulated data (w = [1, −2], b = 0.5, n = 20000) within 0.1', () => {
    const n = 20000;
    const x = new Float64Array(n * 2);
    const y = new Uint8Array(n);
    const s = streamFor(1, 0);
    for (let i = 0; i < n; i++) {
      x[2 * i] = s.nextNormal();
      x[2 * i + 1] = s.nextNormal();
      const p = 1 / (1 + Math.exp(-(x[2 * i] - 2 * x[2 * i + 1] + 0.5)));
      y[i] = s.nextDouble() < p ? 1 : 0;
    }
    const m = fitLogistic(x, y, n, 2, 0);
    expect(m.weights[0]).toBeCloseTo(1, 1);
    expect(m.weights[1]).toBeCloseTo(-2, 1);
    expect(m.weights[2]).toBeCloseTo(0.5, 1);
  });
});

describe('validateSynthetic on ANSUR II', () => {
  const real = realTable();

  it('scores cohort-model samples as faithful (KS complement > 0.9, correlation similarity > 0.97, AUC < 0.6)', () => {
    const report = validateSynthetic(real, cohortTable(3000, 5));
    expect(report.columns).toHaveLength(6);
    expect(report.summary.ksComplementMean).toBeGreaterThan(0.9);
    expect(report.summary.tvComplementMean).toBeGreaterThan(0.95);
    expect(report.summary.correlationSimilarityMean).toBeGreaterThan(0.97);
    expect(report.summary.discriminatorAuc).toBeLessThan(0.6);
    expect(report.pairs).toHaveLength(10);
  });

  it('detects synthetic data with stature shifted by 60 mm (AUC > 0.75, stature KS complement < 0.8)', () => {
    const report = validateSynthetic(real, cohortTable(3000, 5, 60));
    expect(report.summary.discriminatorAuc).toBeGreaterThan(0.75);
    expect(report.columns.find((c) => c.name === 'stature')!.score).toBeLessThan(0.8);
  });

  it('gives AUC ≈ 0.5 for two halves of the same real table and is reproducible', () => {
    const idxA = Array.from({ length: 2000 }, (_, i) => 2 * i);
    const idxB = Array.from({ length: 2000 }, (_, i) => 2 * i + 1);
    const pick = (idx: number[]) => makeTable(real.columns.map((c) => (c.kind === 'numeric' ? { ...c, values: Float64Array.from(idx, (i) => c.values[i]) } : { ...c, values: idx.map((i) => c.values[i]) })));
    const a = discriminatorAuc(pick(idxA), pick(idxB), ['Gender', ...COLS]);
    expect(Math.abs(a - 0.5)).toBeLessThan(0.06);
    expect(discriminatorAuc(pick(idxA), pick(idxB), ['Gender', ...COLS])).toBe(a);
  });

  it('reports quota checks', () => {
    const report = validateSynthetic(real, real, { discriminator: false, quotas: [{ id: 'a', expected: 5, observed: 5 }, { id: 'b', expected: 2, observed: 1 }] });
    expect(report.quotas.map((q) => q.ok)).toEqual([true, false]);
    expect(report.summary.quotasMet).toBe(false);
    expect(report.summary.ksComplementMean).toBe(1);
  });
});
