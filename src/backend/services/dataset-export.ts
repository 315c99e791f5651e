// `kinetwin export`: the export gate. The dataset's subject table is checked against the fit table (and a holdout)
// with the privacy metrics; a failing dataset is exported only with a reason, which goes to the audit log.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { manifestDigest, type DatasetManifest } from '../../core/dataset/manifest';
import { toSourceNaming } from '../../core/dataset/source-naming';
import { KinetwinError } from '../../core/errors';
import { writeBidsMotion, type BidsMotionChannel } from '../../core/export/bids-motion';
import { writeParquet, type ParquetColumn } from '../../core/export/parquet';
import { readMot } from '../../core/formats/mot/read';
import { privacyReport, type PrivacyReport } from '../../core/metrics/privacy/privacy-report';
import { readSettings } from './settings';
import type { Store } from '../store/store';
import { readManifest } from './dataset-manifest-io';
import { COCO_NO_RENDERS, exportCoco, hasRenders } from './dataset-coco';
import { exportC3d } from './dataset-c3d';
import { resolveFitCsv, sha256File } from './dataset-env';
import { loadTable } from './validate';

export const EXPORT_FORMATS = ['parquet', 'bids', 'coco', 'c3d'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: string;
  out: string;
  reason?: string;
  holdout?: string; // CSV of real rows not used for fitting
  fit?: string; // default: the table named in the manifest, looked up like `generate` does
  threshold?: number; // default: setting privacy.overfittingThreshold (0.5)
  store?: Store | null;
}

export interface GateResult {
  passed: boolean;
  exactCopies: number;
  dcrOverfittingProtection: number | null; // null without a holdout
  threshold: number;
  holdout: boolean;
  problems: string[];
}

export interface ExportResult {
  dataset: string;
  digest: string;
  format: ExportFormat;
  out: string;
  files: string[];
  gate: GateResult;
  overridden: boolean; // exported despite a failing gate, with a reason
  reason: string | null;
}

/** Privacy gate of a dataset's subjects.csv against the fit table (and holdout when given). */
export async function privacyGate(dir: string, m: DatasetManifest, options: Pick<ExportOptions, 'fit' | 'holdout' | 'threshold'>): Promise<{ gate: GateResult; report: PrivacyReport }> {
  const fitPath = resolveFitCsv(options.fit);
  const src = m.sources.find((s) => s.role === 'fit');
  if (src && sha256File(fitPath) !== src.sha256) throw new KinetwinError(`fit table differs from the one the dataset was generated from (${src.name}, sha256 ${src.sha256.slice(0, 12)}…)`, fitPath);
  const synthetic = toSourceNaming((await loadTable(join(dir, 'subjects.csv'))).table);
  const train = (await loadTable(fitPath)).table;
  const holdout = options.holdout ? (await loadTable(options.holdout)).table : null;
  const threshold = options.threshold ?? 0.5;
  // without a holdout only exact copies can be judged: the training table stands in and overfitting is not assessed
  const report = privacyReport({ synthetic, train, holdout: holdout ?? train, threshold, maxQueryRows: 2000 });
  const problems: string[] = [];
  if (report.exactCopies > 0) problems.push(`${report.exactCopies} subject row(s) are exact copies of training rows`);
  if (holdout && !(report.dcrOverfittingProtection >= threshold)) problems.push(`DCR overfitting protection ${report.dcrOverfittingProtection.toFixed(3)} is below the threshold ${threshold}`);
  return {
    gate: { passed: problems.length === 0, exactCopies: report.exactCopies, dcrOverfittingProtection: holdout ? report.dcrOverfittingProtection : null, threshold, holdout: holdout !== null, problems },
    report,
  };
}

function write(out: string, rel: string, content: string | Uint8Array, files: string[]): void {
  const p = join(out, ...rel.split('/'));
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
  files.push(rel);
}

/** Subjects table plus one row per sample (parameters and outcomes flattened). */
function exportParquet(dir: string, m: DatasetManifest, out: string, files: string[]): void {
  copyFileSync(join(dir, 'subjects.parquet'), join(out, 'subjects.parquet'));
  files.push('subjects.parquet');
  const rows = m.subjects.flatMap((s) => s.samples.map((x) => ({ id: s.id, k: x.k, v: { ...x.parameters, ...x.outcomes } })));
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.v)))];
  const columns: ParquetColumn[] = [{ name: 'subject', type: 'utf8', values: rows.map((r) => r.id) }, { name: 'sample', type: 'int64', values: rows.map((r) => r.k) }];
  for (const k of keys) {
    const vals = rows.map((r) => r.v[k]);
    if (vals.every((v) => typeof v === 'number' || v === null || v === undefined)) columns.push({ name: k, type: 'double', optional: true, values: vals.map((v) => (typeof v === 'number' ? v : null)) });
    else columns.push({ name: k, type: 'utf8', optional: true, values: vals.map((v) => (v === null || v === undefined ? null : String(v))) });
  }
  write(out, 'samples.parquet', writeParquet(columns, { metadata: { kinetwin_spec_hash: m.specHash, kinetwin_dataset: manifestDigest(m) } }), files);
}

/** BIDS motion: per sample, joint angles (JNTANG, deg), vertical GRF (MISC, BW) and CoM height (POS, m). */
function exportBids(dir: string, m: DatasetManifest, out: string, files: string[]): void {
  const kinds: Record<string, Omit<BidsMotionChannel, 'data' | 'name'>> = {
    hip_flexion_r: { component: 'n/a', type: 'JNTANG', trackedPoint: 'RHip', units: 'deg' },
    knee_angle_r: { component: 'n/a', type: 'JNTANG', trackedPoint: 'RKnee', units: 'deg' },
    ankle_angle_r: { component: 'n/a', type: 'JNTANG', trackedPoint: 'RAnkle', units: 'deg' },
    ground_force_vy_bw: { component: 'z', type: 'MISC', trackedPoint: 'Ground', units: 'BW' },
    com_height_m: { component: 'z', type: 'POS', trackedPoint: 'CoM', units: 'm' },
    // gait MOT columns (the model's coordinate names)
    ...Object.fromEntries((['r', 'l'] as const).flatMap((s) => {
      const side = s === 'r' ? 'R' : 'L';
      return [[`hip_flexion_${s}`, `${side}Hip`], [`hip_adduction_${s}`, `${side}Hip`], [`knee_flexion_${s}`, `${side}Knee`], [`ankle_dorsiflexion_${s}`, `${side}Ankle`]]
        .map(([name, point]) => [name, { component: 'n/a', type: 'JNTANG', trackedPoint: point, units: 'deg' }]);
    })),
  };
  const task = m.task.replace(/[^A-Za-z0-9]/g, '');
  for (const f of m.files) {
    if (!f.path.endsWith('.mot')) continue;
    const t = readMot(readFileSync(join(dir, ...f.path.split('/'))));
    const n = t.columns.length;
    const col = (c: number) => Float64Array.from({ length: t.rows }, (_, r) => t.data[r * n + c]);
    const channels: BidsMotionChannel[] = [];
    t.columns.forEach((name, c) => { if (kinds[name]) channels.push({ name, ...kinds[name], data: col(c) }); });
    const time = col(0);
    const rate = t.rows > 1 ? Math.round(1 / (time[1] - time[0])) : 1000;
    const [, sid, k] = /samples\/([^/]+)\/[^-]+-(\d+)\.mot$/.exec(f.path) ?? [];
    const bids = writeBidsMotion({ subject: sid, task, trackingSystem: 'kinetwinsim', run: Number(k) + 1, samplingFrequency: rate, channels, sidecar: { TaskDescription: `${m.task} simulated by Kinetwin`, Manufacturer: 'Kinetwin (synthetic)', KinetwinDataset: manifestDigest(m) } });
    for (const b of bids) write(out, b.path, b.content, files);
  }
  write(out, 'dataset_description.json', `${JSON.stringify({ Name: `Kinetwin synthetic ${m.task} cohort`, BIDSVersion: '1.9.0', DatasetType: 'derivative', GeneratedBy: [{ Name: 'kinetwin', Version: m.generator.version }] }, null, 2)}\n`, files);
}

/** Runs the gate, then writes the export (or throws when the gate fails and no reason is given). */
export async function exportDataset(dataset: string, options: ExportOptions): Promise<ExportResult> {
  const dir = resolve(dataset);
  const m = readManifest(dir);
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) throw new KinetwinError(`unknown export format '${options.format}' (${EXPORT_FORMATS.join(', ')})`);
  const format = options.format as ExportFormat;
  if (m.shard) throw new KinetwinError('this is one shard; merge the shards before exporting', dir);
  const settingThreshold = options.store ? Number(readSettings(options.store.db)['privacy.overfittingThreshold']) : undefined;
  const threshold = options.threshold ?? (Number.isFinite(settingThreshold) ? settingThreshold : 0.5);
  const { gate } = await privacyGate(dir, m, { fit: options.fit, holdout: options.holdout, threshold });
  const reason = options.reason?.trim() ? options.reason.trim() : null;
  const digest = manifestDigest(m);
  if (!gate.passed && !reason) {
    options.store?.write('dataset.export.refused', { dataset: dir, digest, format, gate }, () => undefined);
    throw new KinetwinError(`export refused: privacy check failed (${gate.problems.join('; ')}); pass --reason TEXT to export anyway (the reason is recorded in the audit log)`, dir);
  }
  if ((format === 'bids' || format === 'c3d') && m.task === 'hand-poses') throw new KinetwinError(`format ${format} needs time series; hand-poses datasets export as parquet`, dir);
  if (format === 'coco' && !hasRenders(m)) throw new KinetwinError(COCO_NO_RENDERS, dir);
  const out = resolve(options.out);
  if (existsSync(out) && out === dir) throw new KinetwinError('export directory is the dataset itself', out);
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  if (format === 'coco') exportCoco(dir, m, out, files);
  else if (format === 'c3d') exportC3d(dir, m, out, files);
  else if (format === 'parquet') exportParquet(dir, m, out, files);
  else exportBids(dir, m, out, files);
  const result: ExportResult = { dataset: dir, digest, format, out, files, gate, overridden: !gate.passed, reason };
  options.store?.write('dataset.export', { dataset: dir, digest, format, out, files: files.length, gate, overridden: !gate.passed, reason }, () => undefined);
  return result;
}
