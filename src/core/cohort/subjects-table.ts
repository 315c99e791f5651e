// Cohort subjects as a Table, either in model naming (SI: m, kg) or in the source table's own columns and units
// (e.g. ANSUR: mm, tenths of kg, Gender 'Male'/'Female', Age) so synthetic and real tables can be compared.
import type { Column, Table } from '../metrics/table';
import { ANSUR_AGE_COLUMN, ANSUR_COHORT_COLUMNS, ANSUR_SEX_COLUMN, type CohortColumn } from './ansur-columns';
import type { CohortSubject } from './generate';

export interface SubjectsTableOptions {
  naming?: 'model' | 'source'; // default 'model'
  columns?: readonly CohortColumn[]; // the mapping used to fit the model, default ANSUR_COHORT_COLUMNS
  conditionIds?: string[]; // add one 0/1 column per condition id
}

/** Build a table with one row per subject. */
export function subjectsToTable(subjects: readonly CohortSubject[], options: SubjectsTableOptions = {}): Table {
  const naming = options.naming ?? 'model';
  const mapping = options.columns ?? ANSUR_COHORT_COLUMNS;
  const n = subjects.length;
  const columns: Column[] = [];
  if (naming === 'model') {
    columns.push({ name: 'id', kind: 'categorical', values: subjects.map((s) => s.id) });
    columns.push({ name: 'sex', kind: 'categorical', values: subjects.map((s) => s.sex) });
    columns.push({ name: 'age', kind: 'numeric', values: Float64Array.from(subjects, (s) => s.age) });
  } else {
    columns.push({ name: ANSUR_SEX_COLUMN, kind: 'categorical', values: subjects.map((s) => (s.sex === 'female' ? 'Female' : 'Male')) });
    columns.push({ name: ANSUR_AGE_COLUMN, kind: 'numeric', values: Float64Array.from(subjects, (s) => Math.round(s.age)) });
  }
  for (const c of mapping) {
    if (n > 0 && subjects[0].values[c.name] === undefined) continue;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = subjects[i].values[c.name] ?? NaN;
      values[i] = naming === 'model' ? v : Math.round(v / c.scale); // source tables store whole units
    }
    columns.push({ name: naming === 'model' ? c.name : c.column, kind: 'numeric', values });
  }
  for (const id of options.conditionIds ?? []) {
    columns.push({ name: `condition_${id}`, kind: 'numeric', values: Float64Array.from(subjects, (s) => (s.conditions.some((c) => c.id === id) ? 1 : 0)) });
  }
  return { rows: n, columns };
}
