// validateSynthetic: fidelity of a synthetic table to a real one, column by column and pair by pair
// (SDMetrics' KSComplement, TVComplement, CorrelationSimilarity; REFERENCE.md §6) plus a discriminator AUC.
import { KinetwinError } from '../errors';
import { correlationSimilarityOf } from './correlation-similarity';
import { meanAndSd, pearson } from './correlation';
import { discriminatorAuc, type DiscriminatorOptions } from './discriminator';
import { ksComplement } from './ks';
import { sharedColumnNames, type Table } from './table';
import { tvComplement } from './tv';

export interface ColumnReport {
  name: string;
  kind: 'numeric' | 'categorical';
  score: number; // KS complement (numeric) or TV complement (categorical), 0..1
  real: { mean: number; sd: number; missing: number } | { categories: number; missing: number };
  synthetic: { mean: number; sd: number; missing: number } | { categories: number; missing: number };
}

export interface PairReport {
  a: string;
  b: string;
  real: number; // Pearson r
  synthetic: number;
  similarity: number; // 1 − |r_real − r_syn| / 2
}

export interface QuotaCheck {
  id: string;
  expected: number;
  observed: number;
  ok: boolean;
}

export interface ValidationReport {
  realRows: number;
  syntheticRows: number;
  columns: ColumnReport[];
  pairs: PairReport[];
  quotas: QuotaCheck[];
  summary: {
    ksComplementMean: number;
    tvComplementMean: number;
    correlationSimilarityMean: number;
    discriminatorAuc: number; // cross-validated, 0.5 = indistinguishable
    detectionScore: number; // 1 − 2·|AUC − 0.5|, SDMetrics-style: 1 best
    overall: number; // mean of column-shape, column-pair and detection scores
    quotasMet: boolean;
  };
  warnings: string[];
}

export interface ValidateOptions {
  columns?: string[];
  maxPairs?: number; // default 500 (pairs of numeric columns, in column order)
  discriminator?: DiscriminatorOptions | false;
  quotas?: { id: string; expected: number; observed: number }[];
}

function mean(values: number[]): number {
  const v = values.filter((x) => !Number.isNaN(x));
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
}

/** Compare the shared columns of `real` and `synthetic`. */
export function validateSynthetic(real: Table, synthetic: Table, options: ValidateOptions = {}): ValidationReport {
  const warnings: string[] = [];
  const shared = sharedColumnNames(real, synthetic);
  const columns = options.columns ?? shared;
  for (const c of columns) if (!shared.includes(c)) throw new KinetwinError(`column "${c}" is not in both tables with the same type`);
  if (columns.length === 0) throw new KinetwinError('real and synthetic tables share no columns');
  if (real.rows === 0 || synthetic.rows === 0) throw new KinetwinError('real and synthetic tables must both have rows');
  const dropped = real.columns.length + synthetic.columns.length - 2 * shared.length;
  if (dropped > 0) warnings.push(`${dropped} column(s) present in only one table (or with different types) ignored`);

  const columnReports: ColumnReport[] = [];
  const numeric: { name: string; r: Float64Array; s: Float64Array }[] = [];
  for (const name of columns) {
    const rc = real.columns.find((c) => c.name === name)!;
    const sc = synthetic.columns.find((c) => c.name === name)!;
    if (rc.kind === 'numeric' && sc.kind === 'numeric') {
      const describe = (v: Float64Array) => {
        const m = meanAndSd(v);
        return { mean: m.mean, sd: m.sd, missing: v.length - m.count };
      };
      columnReports.push({ name, kind: 'numeric', score: ksComplement(rc.values, sc.values), real: describe(rc.values), synthetic: describe(sc.values) });
      numeric.push({ name, r: rc.values, s: sc.values });
    } else if (rc.kind === 'categorical' && sc.kind === 'categorical') {
      const describe = (v: string[]) => ({ categories: new Set(v).size, missing: v.filter((x) => x === '').length });
      columnReports.push({ name, kind: 'categorical', score: tvComplement(rc.values, sc.values), real: describe(rc.values), synthetic: describe(sc.values) });
    }
  }

  const pairs: PairReport[] = [];
  const maxPairs = options.maxPairs ?? 500;
  outer: for (let i = 0; i < numeric.length; i++) {
    for (let j = i + 1; j < numeric.length; j++) {
      if (pairs.length >= maxPairs) {
        warnings.push(`only the first ${maxPairs} column pairs compared`);
        break outer;
      }
      const r = pearson(numeric[i].r, numeric[j].r);
      const s = pearson(numeric[i].s, numeric[j].s);
      pairs.push({ a: numeric[i].name, b: numeric[j].name, real: r, synthetic: s, similarity: correlationSimilarityOf(r, s) });
    }
  }

  let auc = NaN;
  if (options.discriminator !== false) {
    try {
      auc = discriminatorAuc(real, synthetic, columns, options.discriminator || {});
    } catch (e) {
      if (!(e instanceof KinetwinError)) throw e;
      warnings.push(`discriminator skipped: ${e.message}`);
    }
  }
  const quotas = (options.quotas ?? []).map((q) => ({ ...q, ok: q.expected === q.observed }));
  const ks = mean(columnReports.filter((c) => c.kind === 'numeric').map((c) => c.score));
  const tv = mean(columnReports.filter((c) => c.kind === 'categorical').map((c) => c.score));
  const corr = mean(pairs.map((p) => p.similarity));
  const detection = Number.isNaN(auc) ? NaN : 1 - 2 * Math.abs(auc - 0.5);
  const shape = mean(columnReports.map((c) => c.score));
  return {
    realRows: real.rows,
    syntheticRows: synthetic.rows,
    columns: columnReports,
    pairs,
    quotas,
    summary: {
      ksComplementMean: ks,
      tvComplementMean: tv,
      correlationSimilarityMean: corr,
      discriminatorAuc: auc,
      detectionScore: detection,
      overall: mean([shape, corr, detection]),
      quotasMet: quotas.every((q) => q.ok),
    },
    warnings,
  };
}
