// `kinetwin privacy`: distance-based privacy metrics of synthetic data against its training and holdout tables,
// with an optional self-contained HTML report.
import { writeFile } from 'node:fs/promises';
import { privacyReport, type PrivacyReport } from '../../core/metrics/privacy/privacy-report';
import { privacyReportHtml } from '../../core/metrics/report-html';
import { alignToSource, finiteOrNull, loadTable } from './validate';

export interface PrivacyFilesOptions {
  synthetic: string; // CSV/TSV or cohort directory
  train: string;
  holdout: string;
  threshold?: number; // default 0.5
  columns?: string[];
  seed?: number;
  maxQueryRows?: number; // default 5000
  html?: string;
}

export interface PrivacyFilesResult extends PrivacyReport {
  files: { synthetic: string; train: string; holdout: string; html: string | null };
  seconds: number;
}

/** Compute the privacy report from files; JSON-serialisable result. */
export async function privacyFromFiles(options: PrivacyFilesOptions): Promise<PrivacyFilesResult> {
  // one after another: each parse's text can be collected before the next is read
  const syn = await loadTable(options.synthetic);
  const train = await loadTable(options.train);
  const holdout = await loadTable(options.holdout);
  const aligned = alignToSource(syn, train.table);
  const t0 = performance.now();
  const report = privacyReport({
    synthetic: aligned.table,
    train: train.table,
    holdout: holdout.table,
    threshold: options.threshold,
    columns: options.columns,
    seed: options.seed,
    maxQueryRows: options.maxQueryRows,
  });
  const seconds = (performance.now() - t0) / 1000;
  for (const t of [syn, train, holdout]) report.warnings.unshift(...t.warnings.map((w) => `${t.path}: ${w}`));
  if (aligned.note) report.warnings.unshift(aligned.note);
  if (options.html) await writeFile(options.html, privacyReportHtml(report), 'utf8');
  return finiteOrNull({ ...report, files: { synthetic: syn.path, train: train.path, holdout: holdout.path, html: options.html ?? null }, seconds });
}
