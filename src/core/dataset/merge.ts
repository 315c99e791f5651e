// Merge plan: shard manifests of one spec, checked to agree on every input and to tile 0..size exactly.
import { KinetwinError } from '../errors';
import { canonicalJson } from '../cohort/spec-hash';
import type { DatasetFile, DatasetManifest, DatasetSubject } from './manifest';

export interface MergePlan {
  reference: DatasetManifest; // the first shard (inputs shared by all)
  order: number[]; // indices into the input list, by shard number
  subjects: DatasetSubject[]; // all subjects in index order
  files: Array<DatasetFile & { from: number }>; // every shard file with the input it comes from
}

/** Members that must be equal across shards. */
function inputsOf(m: DatasetManifest): string {
  return canonicalJson({ g: m.generator, e: m.engines, t: m.task, s: m.specHash, m: m.model, src: m.sources, p: m.physics });
}

/** Check the shards and order them; throws KinetwinError on a gap, overlap, duplicate or mismatch. */
export function planMerge(manifests: DatasetManifest[]): MergePlan {
  if (manifests.length === 0) throw new KinetwinError('merge needs at least one shard');
  const ref = manifests[0];
  const size = ref.spec.size;
  manifests.forEach((m, i) => {
    if (!m.shard) throw new KinetwinError(`input ${i + 1} is a complete dataset, not a shard`);
    if (inputsOf(m) !== inputsOf(ref)) throw new KinetwinError(`input ${i + 1} was generated from a different spec, model, source or generator than input 1`);
    if (m.shard.n !== manifests.length) throw new KinetwinError(`input ${i + 1} is shard ${m.shard.k}/${m.shard.n} but ${manifests.length} shard(s) were given`);
  });
  const order = manifests.map((_, i) => i).sort((a, b) => manifests[a].shard!.k - manifests[b].shard!.k);
  let next = 0;
  for (const i of order) {
    const s = manifests[i].shard!;
    if (s.start !== next) throw new KinetwinError(s.start > next ? `subjects ${next}..${s.start - 1} are missing (shard ${s.k}/${s.n} starts at ${s.start})` : `shard ${s.k}/${s.n} overlaps the previous one`);
    if (manifests[i].subjects.length !== s.end - s.start) throw new KinetwinError(`shard ${s.k}/${s.n} lists ${manifests[i].subjects.length} subjects, expected ${s.end - s.start}`);
    next = s.end;
  }
  if (next !== size) throw new KinetwinError(`shards cover subjects 0..${next - 1} of ${size}`);
  const subjects: DatasetSubject[] = [];
  const files: Array<DatasetFile & { from: number }> = [];
  const seen = new Set<string>();
  for (const i of order) {
    subjects.push(...manifests[i].subjects);
    for (const f of manifests[i].files) {
      if (!f.path.startsWith('samples/') && !f.path.startsWith('renders/')) continue; // tables are rebuilt for the whole cohort
      if (seen.has(f.path)) throw new KinetwinError(`file ${f.path} appears in two shards`);
      seen.add(f.path);
      files.push({ ...f, from: i });
    }
  }
  return { reference: ref, order, subjects, files };
}
