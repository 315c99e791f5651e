// A dataset's subjects table (model naming, SI) back in the fit table's own columns and units (ANSUR: Gender,
// Age, mm, tenths of kg) so privacy distances are measured against the real rows on equal terms.
import { ANSUR_AGE_COLUMN, ANSUR_COHORT_COLUMNS, ANSUR_SEX_COLUMN, type CohortColumn } from '../cohort/ansur-columns';
import { KinetwinError } from '../errors';
import { findColumn, type Column, type Table } from '../metrics/table';

/** Columns: Gender ('Female'/'Male'), Age (whole years), each mapped variable as round(SI / scale). */
export function toSourceNaming(table: Table, mapping: readonly CohortColumn[] = ANSUR_COHORT_COLUMNS): Table {
  const sex = findColumn(table, 'sex');
  const age = findColumn(table, 'age');
  if (!sex || sex.kind !== 'categorical' || !age || age.kind !== 'numeric') throw new KinetwinError('subjects table lacks the sex/age columns of a Kinetwin dataset');
  const columns: Column[] = [
    { name: ANSUR_SEX_COLUMN, kind: 'categorical', values: sex.values.map((s) => (s === 'female' ? 'Female' : s === 'male' ? 'Male' : '')) },
    { name: ANSUR_AGE_COLUMN, kind: 'numeric', values: age.values.map((a) => Math.round(a)) },
  ];
  for (const c of mapping) {
    const col = findColumn(table, c.name);
    if (!col || col.kind !== 'numeric') continue;
    columns.push({ name: c.column, kind: 'numeric', values: col.values.map((v) => Math.round(v / c.scale)) });
  }
  return { rows: table.rows, columns };
}
