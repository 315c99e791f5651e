// The per-subject table of a dataset (subjects.csv / subjects.parquet): id, sex, age, SI anthropometrics,
// one 0/1 column per condition, then each numeric sample parameter and outcome averaged over the subject's samples.
import { subjectsToTable } from '../cohort/subjects-table';
import type { CohortSpec } from '../cohort/spec';
import type { Column, Table } from '../metrics/table';
import type { DatasetSubject } from './manifest';

/** Numeric member names of parameters/outcomes across all samples, in first-seen order. */
function numericKeys(subjects: readonly DatasetSubject[], pick: 'parameters' | 'outcomes'): string[] {
  const keys = new Set<string>();
  for (const s of subjects) for (const x of s.samples) for (const [k, v] of Object.entries(x[pick])) if (typeof v === 'number') keys.add(k);
  return [...keys];
}

/** Mean of a numeric member over a subject's samples (NaN when none is numeric). */
function sampleMean(s: DatasetSubject, pick: 'parameters' | 'outcomes', key: string): number {
  let sum = 0;
  let n = 0;
  for (const x of s.samples) {
    const v = x[pick][key];
    if (typeof v === 'number' && Number.isFinite(v)) { sum += v; n++; }
  }
  return n > 0 ? sum / n : NaN;
}

/** One row per subject; column order is fixed by the spec and the first subject's members. */
export function datasetSubjectsTable(subjects: readonly DatasetSubject[], spec: CohortSpec): Table {
  const base = subjectsToTable(subjects.map((s) => ({ ...s, values: s.values })), { naming: 'model', conditionIds: spec.conditions.map((c) => c.id) });
  const columns: Column[] = [...base.columns];
  for (const pick of ['parameters', 'outcomes'] as const) {
    for (const key of numericKeys(subjects, pick)) {
      columns.push({ name: key, kind: 'numeric', values: Float64Array.from(subjects, (s) => sampleMean(s, pick, key)) });
    }
  }
  return { rows: subjects.length, columns };
}
