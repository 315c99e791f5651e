// `kinetwin generate cohort`: a labelled synthetic dataset from a cohort spec — subjects sampled from a model fitted
// on a real table, a physics task per sample, files + subjects table + manifest (+ lineage in the store).
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { cohortModelDigest, cohortModelToJson } from '../../core/cohort/model-json';
import type { CohortModel } from '../../core/cohort/model';
import { parseCohortSpec, type CohortSpec } from '../../core/cohort/spec';
import { specHash } from '../../core/cohort/spec-hash';
import { buildManifest, MANIFEST_NAME, manifestDigest, manifestText, type DatasetFile, type DatasetSource, type DatasetSubject, type ManifestBase } from '../../core/dataset/manifest';
import { GAIT_CYCLES, GAIT_RATE_HZ } from '../../core/dataset/gait-params';
import { GAIT_MARKER_SET } from '../../core/dataset/gait-task';
import type { GaitTemplate } from '../../core/dataset/gait-template';
import { COHORT_PHYSICS, type DatasetTask } from '../../core/dataset/sample';
import { parseShard, shardRange, type ShardRange } from '../../core/dataset/shard';
import { datasetSubjectsTable } from '../../core/dataset/subjects-table';
import { KinetwinError } from '../../core/errors';
import { writeCsvTable } from '../../core/export/csv';
import { tableToParquet } from '../../core/export/parquet';
import type { Store } from '../store/store';
import { VERSION } from '../version';
import { generateChunk } from './dataset-chunk';
import { loadGaitTemplate } from './dataset-gait';
import { ammoVersion, fitFromCsv, gitCommit, resolveFitCsv, sha256Bytes } from './dataset-env';
import { recordDatasetLineage } from './dataset-lineage';
import { runPool } from './dataset-pool';
import { renderDatasetSubjects, renderPlan } from './dataset-render';
import { loadAmmo } from './ammo';

export { readManifest } from './dataset-manifest-io';

export const DATASET_TASKS = ['drop-landing', 'cmj', 'hand-poses', 'gait'] as const;

export interface GenerateDatasetOptions {
  out: string;
  n?: number; // subjects (overrides the spec's size)
  seed?: number; // overrides the spec's seed
  task?: string; // overrides the spec's first task
  spec?: unknown; // spec object (from --spec FILE)
  fit?: string; // CSV the cohort model is fitted on (default ANSUR II train)
  shard?: string | { k: number; n: number }; // 'k/N'
  samplesPerSubject?: number;
  workers?: number; // default every core; 0 = in-process (no threads)
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  store?: Store | null; // lineage + audit entry when given
}

export interface GenerateDatasetResult {
  dir: string;
  digest: string; // manifest digest (minus timings)
  specHash: string;
  task: string;
  shard: ShardRange | null;
  subjects: number;
  samples: number;
  files: number;
  artifactId: number | null;
  seconds: number;
  subjectsPerSecond: number;
}

/** The spec a run uses: the spec file (if any) with the command-line overrides applied, validated. */
export function resolveSpec(options: Pick<GenerateDatasetOptions, 'spec' | 'n' | 'seed' | 'task' | 'samplesPerSubject'>): { spec: CohortSpec; task: DatasetTask } {
  const input: Record<string, unknown> = options.spec && typeof options.spec === 'object' ? { ...(options.spec as Record<string, unknown>) } : {};
  if (options.n !== undefined) input.size = options.n;
  if (options.seed !== undefined) input.seed = options.seed;
  if (options.samplesPerSubject !== undefined) input.samplesPerSubject = options.samplesPerSubject;
  if (options.task !== undefined) input.tasks = [options.task];
  if (input.size === undefined) throw new KinetwinError('cohort size missing: pass --n N or a spec with "size"');
  if (input.seed === undefined) throw new KinetwinError('seed missing: pass --seed S or a spec with "seed"');
  const spec = parseCohortSpec(input);
  return { spec, task: spec.tasks[0] };
}

/** Manifest members shared by every run of (spec, model, source). */
export function manifestBase(spec: CohortSpec, task: DatasetTask, model: CohortModel, sources: DatasetSource[], gait?: GaitTemplate): ManifestBase {
  return {
    generator: { name: 'kinetwin', version: VERSION, gitCommit: gitCommit() },
    engines: { node: process.version, ammo: task === 'hand-poses' || task === 'drop-landing' || task === 'cmj' ? ammoVersion() : null },
    llmModelDigest: null,
    task,
    spec,
    specHash: specHash(spec),
    model: { kind: model.kind, source: model.source, digest: cohortModelDigest(model), variables: model.variables.map((v) => v.name) },
    sources,
    physics: task === 'drop-landing' ? { ...COHORT_PHYSICS.landing, heightRangeM: '0.2-0.6' } : task === 'cmj' ? { ...COHORT_PHYSICS.jump } : task === 'gait' && gait ? gaitSettings(gait) : null,
  };
}

/** The gait task's settings in the manifest: output rate and strides, and the template's measured stride. */
function gaitSettings(t: GaitTemplate): Record<string, number | string> {
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    rateHz: GAIT_RATE_HZ, strides: GAIT_CYCLES, markerSet: GAIT_MARKER_SET.name, templateCycles: t.cycles, templateStrideTimeS: r(t.periodS),
    templateSpeedMps: r(t.speedMps), templateStrideLengthM: r(t.strideLengthM), templateLegLengthM: r(t.legLengthM), scaling: 'Froude similarity (Hof 1996)',
  };
}

/** Writes subjects.csv + subjects.parquet for `subjects`; returns their file records. */
export function writeSubjectTables(dir: string, subjects: DatasetSubject[], spec: CohortSpec, hash: string): DatasetFile[] {
  const table = datasetSubjectsTable(subjects, spec);
  const csv = Buffer.from(writeCsvTable(table), 'utf8');
  const parquet = tableToParquet(table, { metadata: { kinetwin_spec_hash: hash }, createdBy: `kinetwin ${VERSION}` });
  writeFileSync(join(dir, 'subjects.csv'), csv);
  writeFileSync(join(dir, 'subjects.parquet'), parquet);
  return [
    { path: 'subjects.csv', sha256: sha256Bytes(csv), bytes: csv.length },
    { path: 'subjects.parquet', sha256: sha256Bytes(parquet), bytes: parquet.length },
  ];
}

/** Refuses to write into a non-empty directory (a dataset is never mixed with other files). */
export function prepareOutDir(out: string): string {
  const dir = resolve(out);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new KinetwinError('output directory is not empty', dir);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Generate a cohort dataset (or one shard of it) into `options.out`. */
export async function generateDataset(options: GenerateDatasetOptions): Promise<GenerateDatasetResult> {
  const t0 = Date.now();
  const startedAt = new Date(t0).toISOString();
  const { spec, task } = resolveSpec(options);
  const shardSpec = typeof options.shard === 'string' ? parseShard(options.shard) : options.shard;
  const range = shardSpec ? shardRange(spec.size, shardSpec.k, shardSpec.n) : shardRange(spec.size, 1, 1);
  const fitPath = resolveFitCsv(options.fit);
  const { model, source } = await fitFromCsv(fitPath);
  const dir = prepareOutDir(options.out);
  const gait = task === 'gait' ? loadGaitTemplate() : null; // once per dataset, shared by every worker
  const base = manifestBase(spec, task, model, [source, ...(gait?.sources ?? [])], gait?.template);
  const total = range.end - range.start;
  const render = renderPlan(spec, task); // progress counts subjects, then rendered frames
  const progressTotal = total + total * spec.samplesPerSubject * render.framesPerSample;
  let done = 0;
  const tick = (): void => {
    if (options.signal?.aborted) throw new KinetwinError('generation cancelled');
    options.onProgress?.(++done, progressTotal);
  };
  const job = { spec, task, outDir: dir, ...(gait ? { gait: gait.template } : {}) };
  let chunks;
  let rendered;
  const tSim = Date.now();
  try {
    if (options.workers === 0 || total <= 2) {
      if (options.signal?.aborted) throw new KinetwinError('generation cancelled');
      chunks = [generateChunk(await loadAmmo(), { ...job, model }, range.start, range.end, tick)];
    } else {
      chunks = await runPool({ ...job, modelJson: cohortModelToJson(model) }, range.start, range.end, { workers: options.workers, signal: options.signal, onSubject: () => options.onProgress?.(++done, progressTotal) });
    }
    rendered = await renderDatasetSubjects({ dir, spec, task, subjects: chunks.flatMap((c) => c.subjects), signal: options.signal, onFrame: () => options.onProgress?.(++done, progressTotal) });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true }); // the directory was new or empty: leave no half dataset behind
    throw err;
  }
  const simSeconds = (Date.now() - tSim) / 1000 - rendered.seconds; // physics only
  const subjects = chunks.flatMap((c) => c.subjects);
  const files = chunks.flatMap((c) => c.files);
  files.push(...rendered.files);
  files.push(...writeSubjectTables(dir, subjects, spec, base.specHash));
  const seconds = (Date.now() - t0) / 1000;
  const shard = shardSpec ? range : null;
  const manifest = buildManifest(base, shard, subjects, files, { startedAt, wallSeconds: seconds, simulationSeconds: simSeconds, subjectsPerSecond: total / Math.max(seconds, 1e-9), workers: options.workers === 0 || total <= 2 ? 0 : Math.min(options.workers ?? availableParallelism(), total), ...(rendered.frames > 0 ? { renderSeconds: rendered.seconds, renderedFrames: rendered.frames, renderFramesPerSecond: rendered.framesPerSecond } : {}) });
  if (render.warning) manifest.warnings = [render.warning];
  writeFileSync(join(dir, MANIFEST_NAME), manifestText(manifest));
  const digest = manifestDigest(manifest);
  const artifactId = options.store ? recordDatasetLineage(options.store, dir, manifest, digest, 'dataset.generate') : null;
  return { dir, digest, specHash: base.specHash, task, shard, subjects: subjects.length, samples: manifest.counts.samples, files: files.length, artifactId, seconds, subjectsPerSecond: total / Math.max(seconds, 1e-9) };
}
