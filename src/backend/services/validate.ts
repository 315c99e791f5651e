// `kinetwin validate`: fidelity of synthetic tabular data (CSV, or a cohort directory) to a real table, with an
// optional self-contained HTML report. Also hosts the table loader shared with the privacy service.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ANSUR_SEX_COLUMN } from '../../core/cohort/ansur-columns';
import { parseCohortSpec } from '../../core/cohort/spec';
import { toSourceNaming } from '../../core/dataset/source-naming';
import { inFile, KinetwinError } from '../../core/errors';
import { readCsvTable } from '../../core/metrics/read-csv-table';
import { validationReportHtml } from '../../core/metrics/report-html';
import { findColumn, type Table } from '../../core/metrics/table';
import { validateSynthetic, type ValidationReport } from '../../core/metrics/validate';

const MAX_TABLE_BYTES = 500 * 1024 ** 2; // 500 MiB: below V8's longest string (~2^29 chars); larger tables are refused
const TABLE_NAMES = ['subjects.csv', 'cohort.csv', 'subjects.tsv', 'cohort.tsv'];

export interface LoadedTable {
  path: string; // the file actually read
  dir: string | null; // the directory given, when a directory was given
  table: Table;
  warnings: string[];
}

/** Non-finite numbers → null so a report survives JSON (JSON.stringify would write NaN as null anyway). */
export function finiteOrNull<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))) as T;
}

/** Read a CSV/TSV table, or the cohort table inside a directory (subjects.csv, cohort.csv, or its only CSV/TSV). */
export async function loadTable(path: string): Promise<LoadedTable> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new KinetwinError('no such file or directory', path);
  }
  let file = path;
  let dir: string | null = null;
  if (info.isDirectory()) {
    dir = path;
    const entries = await readdir(path);
    const named = TABLE_NAMES.find((n) => entries.includes(n));
    const tables = entries.filter((e) => /\.(csv|tsv)$/i.test(e));
    if (named) file = join(path, named);
    else if (tables.length === 1) file = join(path, tables[0]!);
    else throw new KinetwinError(tables.length === 0 ? 'directory holds no CSV/TSV table' : `directory holds several tables (${tables.join(', ')}); name one`, path);
    info = await stat(file);
  }
  if (info.size > MAX_TABLE_BYTES) throw new KinetwinError(`table of ${info.size} bytes exceeds the 500 MiB limit`, file);
  try {
    const { table, warnings } = readCsvTable(await readFile(file, 'utf8'), { delimiter: /\.tsv$/i.test(file) ? '\t' : undefined });
    if (table.rows === 0) throw new KinetwinError('table has a header but no rows');
    return { path: file, dir, table, warnings };
  } catch (err) {
    throw inFile(file, err);
  }
}

/** True for a Kinetwin dataset directory (generate cohort writes manifest.json beside subjects.csv). */
function isDataset(t: LoadedTable): boolean {
  return t.dir !== null && existsSync(join(t.dir, 'manifest.json'));
}

/**
 * A dataset's subjects table (model naming, SI) in the comparison table's own naming and units when that table is
 * an ANSUR II-style source (Gender, weightkg, mm): otherwise `stature` in m would meet `stature` in mm and the other
 * variables would not meet at all. Other tables are returned unchanged.
 */
export function alignToSource(synthetic: LoadedTable, other: Table): { table: Table; note: string | null } {
  if (!isDataset(synthetic) || !findColumn(other, ANSUR_SEX_COLUMN) || !findColumn(other, 'weightkg')) return { table: synthetic.table, note: null };
  return { table: toSourceNaming(synthetic.table), note: `${synthetic.path}: compared in the real table's columns and units (ANSUR II: Gender, Age, mm, tenths of kg)` };
}

/** Quota expectations from the cohort spec (a dataset's manifest.json, or `spec.json`), observed from the table's
 * `condition_<id>` 0/1 columns. */
async function quotasFromDir(dir: string, table: Table): Promise<{ id: string; expected: number; observed: number }[]> {
  let text: string;
  let file = join(dir, 'manifest.json');
  let fromManifest = true;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    file = join(dir, 'spec.json');
    fromManifest = false;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return [];
    }
  }
  let spec;
  try {
    const parsed = JSON.parse(text) as { spec?: unknown };
    spec = parseCohortSpec(fromManifest ? parsed.spec : parsed);
  } catch (err) {
    throw inFile(file, err);
  }
  return spec.conditions.map((c) => {
    const col = table.columns.find((k) => k.name === `condition_${c.id}`);
    let observed = 0;
    if (col && col.kind === 'numeric') for (const v of col.values) observed += v === 1 ? 1 : 0;
    return { id: c.id, expected: Math.round(c.fraction * table.rows), observed: col ? observed : -1 };
  });
}

export interface ValidateFilesOptions {
  synthetic: string; // CSV/TSV or cohort directory
  real: string; // CSV/TSV or directory
  columns?: string[];
  folds?: number;
  seed?: number;
  html?: string; // write the HTML report here
}

export interface ValidateFilesResult extends ValidationReport {
  files: { synthetic: string; real: string; html: string | null };
}

/** Validate synthetic against real data from files; JSON-serialisable result. */
export async function validateFiles(options: ValidateFilesOptions): Promise<ValidateFilesResult> {
  const syn = await loadTable(options.synthetic);
  const real = await loadTable(options.real);
  const quotas = syn.dir ? await quotasFromDir(syn.dir, syn.table) : [];
  const aligned = alignToSource(syn, real.table);
  const report = validateSynthetic(real.table, aligned.table, {
    columns: options.columns,
    quotas,
    discriminator: { folds: options.folds, seed: options.seed },
  });
  report.warnings.unshift(...syn.warnings.map((w) => `${syn.path}: ${w}`), ...real.warnings.map((w) => `${real.path}: ${w}`), ...(aligned.note ? [aligned.note] : []));
  for (const q of quotas) if (q.observed < 0) report.warnings.push(`no column condition_${q.id} to check its quota`);
  if (options.html) await writeFile(options.html, validationReportHtml(report, real.table, aligned.table), 'utf8');
  return finiteOrNull({ ...report, files: { synthetic: syn.path, real: real.path, html: options.html ?? null } });
}
