// Encode tables for distance-to-closest-record: per-column distance |Δ|/range (categorical 0/1), mean over
// columns (REFERENCE.md §6, SDMetrics' DCR). Ranges come from the real (train ∪ holdout) data.
import { KinetwinError } from '../../errors';
import type { Table } from '../table';

/** Rows prepared for the DCR metric: a "clean" block (numeric, no NaN anywhere, range > 0) compared by |Δ| and a
 *  "mixed" block compared with missing/equality rules. */
export interface DcrRows {
  rows: number;
  clean: Float64Array; // rows × cleanDims, (x − min) / range
  mixed: Float64Array; // rows × mixedDims, numeric scaled as above (NaN kept) or category codes
}

export interface DcrEncoding {
  columns: string[]; // all columns used, in order clean then mixed
  cleanDims: number;
  mixedDims: number;
  mixedIsCategory: Uint8Array; // mixedDims: 1 = equality (categorical or zero-range numeric), 0 = |Δ| with NaN rules
  totalDims: number; // divisor of the mean
  min: Float64Array; // per column (clean then mixed), NaN for categorical
  range: Float64Array;
  categories: Map<string, number>[]; // per mixed column (empty for numeric)
}

interface ColumnPlan {
  name: string;
  kind: 'numeric' | 'categorical';
  min: number;
  range: number;
  hasNaN: boolean;
  variance: number; // of the real values, raw units²
}

/** Decide how each shared column is compared, from all tables (the first `realCount` are real data). */
export function planDcrEncoding(tables: Table[], realCount: number, columns?: string[]): DcrEncoding {
  const names = columns ?? tables[0].columns.map((c) => c.name).filter((n) => tables.every((t) => t.columns.some((c) => c.name === n && c.kind === tables[0].columns.find((k) => k.name === n)!.kind)));
  if (names.length === 0) throw new KinetwinError('the tables share no columns to compare');
  const plans: ColumnPlan[] = [];
  for (const name of names) {
    const kinds = tables.map((t) => t.columns.find((c) => c.name === name)?.kind);
    if (kinds.some((k) => k === undefined)) throw new KinetwinError(`column "${name}" is missing from a table`);
    if (kinds.some((k) => k !== kinds[0])) throw new KinetwinError(`column "${name}" is numeric in one table and categorical in another`);
    let min = Infinity, max = -Infinity, hasNaN = false, count = 0, mean = 0, m2 = 0;
    tables.forEach((t, ti) => {
      const c = t.columns.find((k) => k.name === name)!;
      if (c.kind !== 'numeric') return;
      for (const v of c.values) {
        if (Number.isNaN(v)) hasNaN = true;
        else if (ti < realCount) {
          if (v < min) min = v;
          if (v > max) max = v;
          count++;
          const delta = v - mean;
          mean += delta / count;
          m2 += delta * (v - mean);
        }
      }
    });
    plans.push({ name, kind: kinds[0]!, min, range: max - min, hasNaN, variance: count > 1 ? m2 / (count - 1) : 0 });
  }
  // clean columns in decreasing normalised variance: partial distances grow fastest, so early abandoning comes sooner
  const clean = plans
    .filter((p) => p.kind === 'numeric' && !p.hasNaN && p.range > 0)
    .sort((a, b) => b.variance / (b.range * b.range) - a.variance / (a.range * a.range));
  const mixed = plans.filter((p) => !(p.kind === 'numeric' && !p.hasNaN && p.range > 0));
  const ordered = [...clean, ...mixed];
  return {
    columns: ordered.map((p) => p.name),
    cleanDims: clean.length,
    mixedDims: mixed.length,
    mixedIsCategory: Uint8Array.from(mixed, (p) => (p.kind === 'categorical' || !(p.range > 0) ? 1 : 0)),
    totalDims: ordered.length,
    min: Float64Array.from(ordered, (p) => (p.kind === 'numeric' && Number.isFinite(p.min) ? p.min : NaN)),
    range: Float64Array.from(ordered, (p) => (p.kind === 'numeric' ? p.range : NaN)),
    categories: mixed.map(() => new Map<string, number>()),
  };
}

/** Encode a table's rows under a plan. Categories unseen so far get new codes (shared across tables). */
export function encodeDcrRows(table: Table, enc: DcrEncoding): DcrRows {
  const rows = table.rows;
  const clean = new Float64Array(rows * enc.cleanDims);
  const mixed = new Float64Array(rows * enc.mixedDims);
  for (let j = 0; j < enc.totalDims; j++) {
    const c = table.columns.find((k) => k.name === enc.columns[j]);
    if (!c) throw new KinetwinError(`column "${enc.columns[j]}" is missing`);
    if (j < enc.cleanDims) {
      if (c.kind !== 'numeric') throw new KinetwinError(`column "${c.name}" should be numeric`);
      const min = enc.min[j];
      const inv = 1 / enc.range[j];
      for (let i = 0; i < rows; i++) clean[i * enc.cleanDims + j] = (c.values[i] - min) * inv;
      continue;
    }
    const m = j - enc.cleanDims;
    const out = (i: number, v: number) => (mixed[i * enc.mixedDims + m] = v);
    if (c.kind === 'categorical') {
      const dict = enc.categories[m];
      for (let i = 0; i < rows; i++) {
        const v = c.values[i];
        if (v === '') {
          out(i, NaN);
          continue;
        }
        let code = dict.get(v);
        if (code === undefined) {
          code = dict.size;
          dict.set(v, code);
        }
        out(i, code);
      }
    } else if (enc.mixedIsCategory[m] === 1) {
      for (let i = 0; i < rows; i++) out(i, c.values[i]); // zero range: equality of raw values
    } else {
      const min = enc.min[j];
      const inv = 1 / enc.range[j];
      for (let i = 0; i < rows; i++) out(i, (c.values[i] - min) * inv);
    }
  }
  return { rows, clean, mixed };
}
