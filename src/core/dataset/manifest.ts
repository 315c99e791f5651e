// Dataset manifest: everything that determined a synthetic dataset plus the SHA-256 of every file it holds.
// Only `timings` may differ between two runs of the same spec; everything else is a pure function of the inputs.
import { canonicalJson } from '../cohort/spec-hash';
import type { CohortSpec } from '../cohort/spec';
import type { SubjectCondition } from '../cohort/generate';
import { sha256Hex } from '../hash/sha256';
import type { ShardRange } from './shard';

export const MANIFEST_FORMAT = 'kinetwin-dataset';
export const MANIFEST_NAME = 'manifest.json';

export interface DatasetFile {
  path: string; // relative, POSIX separators
  sha256: string; // hex
  bytes: number;
}

export interface DatasetSample {
  k: number; // sample number within the subject
  parameters: Record<string, number | string | boolean>; // what was drawn for this sample (drop height, seed…)
  outcomes: Record<string, number | string | boolean | null>; // what the physics task produced
}

/** One subject: its sampled parameters (SI) and its samples. */
export interface DatasetSubject {
  index: number;
  id: string;
  sex: 'female' | 'male';
  age: number; // years
  values: Record<string, number>; // model variable → SI value
  conditions: SubjectCondition[];
  samples: DatasetSample[];
}

export interface DatasetSource {
  role: 'fit' | 'holdout' | 'template'; // template: real recordings a task perturbs (gait)
  name: string; // file name only (locations differ between machines)
  sha256: string;
  bytes: number;
}

export interface DatasetManifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: 1;
  generator: { name: 'kinetwin'; version: string; gitCommit: string | null };
  engines: { node: string; ammo: string | null };
  llmModelDigest: null;
  task: string;
  spec: CohortSpec;
  specHash: string;
  model: { kind: string; source: string; digest: string; variables: string[] };
  sources: DatasetSource[];
  physics: Record<string, number | string> | null; // cohort-mode settings (step, window) of the physics task
  shard: ShardRange | null; // null for a complete dataset
  counts: { subjects: number; samples: number; files: number };
  subjects: DatasetSubject[];
  files: DatasetFile[]; // every file but the manifest, sorted by path
  timings: Record<string, number | string>; // the only non-deterministic member
  warnings?: string[]; // what the generator skipped (e.g. render settings a task cannot use); deterministic
}

export type ManifestBase = Omit<DatasetManifest, 'format' | 'formatVersion' | 'shard' | 'counts' | 'subjects' | 'files' | 'timings'>;

/** Assemble a manifest with a fixed member order (so equal inputs serialise to equal bytes). */
export function buildManifest(base: ManifestBase, shard: ShardRange | null, subjects: DatasetSubject[], files: DatasetFile[], timings: Record<string, number | string>): DatasetManifest {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const samples = subjects.reduce((s, x) => s + x.samples.length, 0);
  return {
    format: MANIFEST_FORMAT,
    formatVersion: 1,
    generator: base.generator,
    engines: base.engines,
    llmModelDigest: null,
    task: base.task,
    spec: base.spec,
    specHash: base.specHash,
    model: base.model,
    sources: base.sources,
    physics: base.physics,
    shard,
    counts: { subjects: subjects.length, samples, files: sorted.length },
    subjects,
    files: sorted,
    timings,
  };
}

/** The manifest's bytes on disk: 2-space JSON and a final newline. */
export function manifestText(m: DatasetManifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** The manifest without its timings. */
export function withoutTimings(m: DatasetManifest): Omit<DatasetManifest, 'timings'> {
  const { timings: _t, ...rest } = m;
  return rest;
}

/** Hex SHA-256 of the canonical JSON of the manifest minus timings: the dataset's identity. */
export function manifestDigest(m: DatasetManifest): string {
  return sha256Hex(canonicalJson(withoutTimings(m)));
}
