// fitCohortModel: per-sex Gaussian copula over age + chosen anthropometric columns of a table (e.g. ANSUR II).
import { KinetwinError } from '../errors';
import { cholesky } from '../metrics/cholesky';
import { correlationMatrix } from '../metrics/correlation';
import { normalQuantile } from '../metrics/normal';
import { averageRanks } from '../metrics/rank';
import { categoricalColumn, numericColumn, type Table } from '../metrics/table';
import { ANSUR_AGE_COLUMN, ANSUR_COHORT_COLUMNS, ANSUR_SEX_COLUMN, type CohortColumn } from './ansur-columns';
import type { CohortGroup, CohortModel, CohortVariable, Sex } from './model';

export interface FitOptions {
  sexColumn?: string; // default 'Gender'; values starting with f/F are female, m/M male
  ageColumn?: string; // default 'Age', years
  quantileCount?: number; // knots per marginal, default 257
  source?: string; // label stored in the model, default 'ansur2'
  minRowsPerSex?: number; // default 30
}

/** Linear-interpolated empirical quantiles of sorted values at probabilities k/(count−1). */
export function quantileTable(sorted: Float64Array, count: number): Float64Array {
  const q = new Float64Array(count);
  const n = sorted.length;
  for (let k = 0; k < count; k++) {
    const pos = (k / (count - 1)) * (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(n - 1, lo + 1);
    q[k] = sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }
  return q;
}

function parseSex(value: string): Sex | null {
  const v = value.trim().toLowerCase();
  if (v.startsWith('f') || v === 'w' || v === 'woman') return 'female';
  if (v.startsWith('m')) return 'male';
  return null;
}

function fitGroup(sex: Sex, data: Float64Array[], rows: number[], quantileCount: number): CohortGroup {
  const d = data.length;
  const n = rows.length;
  const quantiles: Float64Array[] = [];
  const scores: Float64Array[] = [];
  for (let j = 0; j < d; j++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = data[j][rows[i]];
    const ranks = averageRanks(col);
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = normalQuantile(ranks[i] / (n + 1)); // van der Waerden scores
    scores.push(z);
    quantiles.push(quantileTable(col.slice().sort(), quantileCount));
  }
  const correlation = correlationMatrix(scores);
  for (let i = 0; i < d * d; i++) if (Number.isNaN(correlation[i])) correlation[i] = 0; // constant column
  for (let i = 0; i < d; i++) correlation[i * d + i] = 1;
  return { sex, count: n, quantiles, correlation, cholesky: cholesky(correlation, d, 1e-9) };
}

/**
 * Fit a per-sex Gaussian copula over age and `columns` (default: ANSUR_COHORT_COLUMNS). Rows with a missing
 * value in any chosen column, or an unknown sex, are dropped (counted in `warnings`).
 */
export function fitCohortModel(table: Table, columns: readonly CohortColumn[] = ANSUR_COHORT_COLUMNS, options: FitOptions = {}): CohortModel {
  const quantileCount = options.quantileCount ?? 257;
  if (!Number.isInteger(quantileCount) || quantileCount < 3 || quantileCount > 100_000) {
    throw new KinetwinError(`quantileCount must be an integer in 3..100000, got ${quantileCount}`);
  }
  const sexValues = categoricalColumn(table, options.sexColumn ?? ANSUR_SEX_COLUMN);
  const variables: CohortVariable[] = [{ name: 'age', unit: 'years', column: options.ageColumn ?? ANSUR_AGE_COLUMN }];
  const data: Float64Array[] = [numericColumn(table, options.ageColumn ?? ANSUR_AGE_COLUMN)];
  const names = new Set<string>(['age']);
  for (const c of columns) {
    if (names.has(c.name)) throw new KinetwinError(`cohort variable "${c.name}" listed twice`);
    names.add(c.name);
    variables.push({ name: c.name, unit: c.unit, column: c.column });
    const raw = numericColumn(table, c.column);
    const scaled = new Float64Array(raw.length);
    for (let i = 0; i < raw.length; i++) scaled[i] = raw[i] * c.scale;
    data.push(scaled);
  }
  const byS: Record<Sex, number[]> = { female: [], male: [] };
  let dropped = 0;
  for (let i = 0; i < table.rows; i++) {
    const sex = parseSex(sexValues[i]);
    let ok = sex !== null;
    for (let j = 0; ok && j < data.length; j++) if (!Number.isFinite(data[j][i])) ok = false;
    if (!ok || sex === null) {
      dropped++;
      continue;
    }
    byS[sex].push(i);
  }
  const minRows = options.minRowsPerSex ?? 30;
  for (const sex of ['female', 'male'] as const) {
    if (byS[sex].length < Math.max(minRows, variables.length + 2)) {
      throw new KinetwinError(`only ${byS[sex].length} complete ${sex} rows; need at least ${Math.max(minRows, variables.length + 2)}`);
    }
  }
  const warnings = dropped > 0 ? [`${dropped} row(s) dropped (missing value or unknown sex)`] : [];
  const used = byS.female.length + byS.male.length;
  return {
    kind: 'gaussian-copula',
    source: options.source ?? 'ansur2',
    variables,
    femaleFraction: byS.female.length / used,
    quantileCount,
    groups: {
      female: fitGroup('female', data, byS.female, quantileCount),
      male: fitGroup('male', data, byS.male, quantileCount),
    },
    warnings,
  };
}
