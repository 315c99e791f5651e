// A columnar table of subjects/records: numeric columns as Float64Array (NaN = missing), categorical columns as
// strings ('' = missing). The common currency of cohort fitting, validation and privacy metrics.
import { KinetwinError } from '../errors';

export interface NumericColumn {
  name: string;
  kind: 'numeric';
  values: Float64Array; // rows, the column's own units; NaN where missing
}

export interface CategoricalColumn {
  name: string;
  kind: 'categorical';
  values: string[]; // rows; '' where missing
}

export type Column = NumericColumn | CategoricalColumn;

export interface Table {
  rows: number;
  columns: Column[];
}

/** The column called `name`, or undefined. */
export function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

/** The numeric column called `name`; throws KinetwinError when absent or categorical. */
export function numericColumn(table: Table, name: string): Float64Array {
  const c = findColumn(table, name);
  if (!c) throw new KinetwinError(`column "${name}" not found`);
  if (c.kind !== 'numeric') throw new KinetwinError(`column "${name}" is not numeric`);
  return c.values;
}

/** The categorical column called `name`; throws KinetwinError when absent or numeric. */
export function categoricalColumn(table: Table, name: string): string[] {
  const c = findColumn(table, name);
  if (!c) throw new KinetwinError(`column "${name}" not found`);
  if (c.kind !== 'categorical') throw new KinetwinError(`column "${name}" is not categorical`);
  return c.values;
}

/** Build a table from named columns, checking that all have the same length. */
export function makeTable(columns: Column[]): Table {
  const rows = columns.length === 0 ? 0 : columns[0].values.length;
  for (const c of columns) {
    if (c.values.length !== rows) throw new KinetwinError(`column "${c.name}" has ${c.values.length} rows, expected ${rows}`);
  }
  return { rows, columns };
}

/** Rows `indices` of a table (a new table; values copied). */
export function selectRows(table: Table, indices: ArrayLike<number>): Table {
  const n = indices.length;
  const columns: Column[] = table.columns.map((c) => {
    if (c.kind === 'numeric') {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = c.values[indices[i]];
      return { name: c.name, kind: 'numeric', values: v };
    }
    const v: string[] = new Array(n);
    for (let i = 0; i < n; i++) v[i] = c.values[indices[i]];
    return { name: c.name, kind: 'categorical', values: v };
  });
  return { rows: n, columns };
}

/** Names present in both tables with the same kind, in `a`'s order. */
export function sharedColumnNames(a: Table, b: Table): string[] {
  return a.columns.filter((c) => b.columns.some((d) => d.name === c.name && d.kind === c.kind)).map((c) => c.name);
}
