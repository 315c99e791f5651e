// `kinetwin merge` and `kinetwin reproduce`: join shards into the dataset a single run would have written, and
// regenerate a dataset from its manifest to check every file byte for byte.
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { canonicalJson } from '../../core/cohort/spec-hash';
import { buildManifest, MANIFEST_NAME, manifestDigest, manifestText, withoutTimings, type DatasetManifest } from '../../core/dataset/manifest';
import { planMerge } from '../../core/dataset/merge';
import { KinetwinError } from '../../core/errors';
import type { Store } from '../store/store';
import { generateDataset, prepareOutDir, writeSubjectTables } from './dataset';
import { readManifest } from './dataset-manifest-io';
import { sha256File } from './dataset-env';
import { recordDatasetLineage } from './dataset-lineage';

export interface MergeResult { dir: string; digest: string; shards: number; subjects: number; files: number; artifactId: number | null }

/** Joins shard directories into `out`; every shard file is checked against its shard manifest while copied. */
export function mergeDatasets(dirs: string[], out: string, options: { store?: Store | null } = {}): MergeResult {
  const t0 = Date.now();
  const manifests = dirs.map((d) => readManifest(d));
  const plan = planMerge(manifests);
  const dir = prepareOutDir(out);
  for (const f of plan.files) {
    const src = join(resolve(dirs[f.from]), ...f.path.split('/'));
    if (!existsSync(src)) throw new KinetwinError(`shard file ${f.path} is missing`, dirs[f.from]);
    if (sha256File(src) !== f.sha256) throw new KinetwinError(`shard file ${f.path} does not match its manifest hash`, dirs[f.from]);
    const dst = join(dir, ...f.path.split('/'));
    mkdirSync(dirname(dst), { recursive: true });
    copyFileSync(src, dst);
  }
  const ref = plan.reference;
  const files = plan.files.map(({ path, sha256, bytes }) => ({ path, sha256, bytes }));
  files.push(...writeSubjectTables(dir, plan.subjects, ref.spec, ref.specHash));
  const shardSeconds = manifests.reduce((s, m) => s + (typeof m.timings?.wallSeconds === 'number' ? m.timings.wallSeconds : 0), 0);
  const m = buildManifest(ref, null, plan.subjects, files, { startedAt: new Date(t0).toISOString(), mergedShards: manifests.length, shardWallSeconds: shardSeconds, mergeSeconds: (Date.now() - t0) / 1000 });
  if (ref.warnings) m.warnings = ref.warnings;
  writeFileSync(join(dir, MANIFEST_NAME), manifestText(m));
  const digest = manifestDigest(m);
  const artifactId = options.store ? recordDatasetLineage(options.store, dir, m, digest, 'dataset.merge', { shards: dirs.map((d) => resolve(d)) }) : null;
  return { dir, digest, shards: manifests.length, subjects: plan.subjects.length, files: files.length, artifactId };
}

/** Every file under `dir` (relative, POSIX separators), manifest excluded. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.filter((p) => p !== MANIFEST_NAME).sort();
}

export interface ReproduceResult {
  dir: string;
  identical: boolean;
  checked: number; // files compared
  differing: Array<{ path: string; problem: string }>;
  manifestIdentical: boolean; // manifest minus timings
  seconds: number;
}

/** Regenerates the dataset from its manifest (spec, task, shard) into a temp dir and compares every file. */
export async function reproduceDataset(dataset: string, options: { fit?: string; workers?: number; signal?: AbortSignal; onProgress?: (d: number, t: number) => void; keep?: boolean } = {}): Promise<ReproduceResult> {
  const t0 = Date.now();
  const dir = resolve(dataset);
  const original = readManifest(dir);
  const tmp = mkdtempSync(join(tmpdir(), 'kinetwin-reproduce-'));
  try {
    const out = join(tmp, 'dataset');
    const fitSource = original.sources.find((s) => s.role === 'fit');
    await generateDataset({ out, spec: original.spec, task: original.task, fit: options.fit, shard: original.shard ? { k: original.shard.k, n: original.shard.n } : undefined, workers: options.workers, signal: options.signal, onProgress: options.onProgress });
    const again = readManifest(out);
    const differing: ReproduceResult['differing'] = [];
    if (fitSource && again.sources[0]?.sha256 !== fitSource.sha256) differing.push({ path: `(source ${fitSource.name})`, problem: `fit table differs: manifest ${fitSource.sha256.slice(0, 12)}…, given ${again.sources[0]?.sha256.slice(0, 12)}…` });
    const expected = new Map(again.files.map((f) => [f.path, f.sha256]));
    const listed = new Map(original.files.map((f) => [f.path, f.sha256]));
    const present = new Set(listFiles(dir));
    let checked = 0;
    for (const [path, sha] of expected) {
      checked++;
      if (!present.has(path)) { differing.push({ path, problem: 'missing' }); continue; }
      const actual = sha256File(join(dir, ...path.split('/')));
      if (actual !== sha) differing.push({ path, problem: listed.get(path) === actual ? 'differs from the regenerated file (manifest agrees with the file)' : 'differs from the regenerated file' });
      else if (listed.get(path) !== sha) differing.push({ path, problem: 'manifest hash differs from the file' });
    }
    for (const p of present) if (!expected.has(p)) differing.push({ path: p, problem: 'not produced by the generator' });
    const manifestIdentical = canonicalJson(withoutTimings(original)) === canonicalJson(withoutTimings(again));
    if (!manifestIdentical) differing.push({ path: MANIFEST_NAME, problem: `differs outside "timings": ${manifestDiff(original, again).join(', ')}` });
    return { dir, identical: differing.length === 0, checked, differing, manifestIdentical, seconds: (Date.now() - t0) / 1000 };
  } finally {
    if (!options.keep) rmSync(tmp, { recursive: true, force: true });
  }
}

/** Top-level manifest members whose canonical JSON differs. */
function manifestDiff(a: DatasetManifest, b: DatasetManifest): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('timings');
  const gen = (m: DatasetManifest) => `${m.generator.version} @ ${m.generator.gitCommit?.slice(0, 12) ?? 'no commit'}`;
  return [...keys]
    .filter((k) => canonicalJson((a as unknown as Record<string, unknown>)[k] ?? null) !== canonicalJson((b as unknown as Record<string, unknown>)[k] ?? null))
    .map((k) => (k === 'generator' ? `generator (made by ${gen(a)}, regenerated by ${gen(b)})` : k));
}

/** Bytes of the manifest for tests and tools: the file as written. */
export function readManifestText(dir: string): string {
  return readFileSync(join(resolve(dir), MANIFEST_NAME), 'utf8');
}
