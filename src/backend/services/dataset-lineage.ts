// Dataset lineage in the store: one artifact per dataset, provenance edges dataset → spec / model / sources and
// subject → spec / sources (with the subject's file hashes), plus the audit entry — all in one transaction.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DatasetManifest } from '../../core/dataset/manifest';
import { manifestDigest } from '../../core/dataset/manifest';
import { KinetwinError } from '../../core/errors';
import type { Store } from '../store/store';
import { readManifest } from './dataset-manifest-io';

/** Records the dataset; returns its artifact id. */
export function recordDatasetLineage(store: Store, dir: string, m: DatasetManifest, digest: string, action: string, extra: Record<string, unknown> = {}): number {
  const now = new Date().toISOString();
  const label = `${m.task} cohort n=${m.spec.size} seed=${m.spec.seed}${m.shard ? ` shard ${m.shard.k}/${m.shard.n}` : ''}`;
  const params = { specHash: m.specHash, task: m.task, counts: m.counts, shard: m.shard, modelDigest: m.model.digest, sources: m.sources, generator: m.generator };
  const details = (id: number) => ({ artifactId: id, dataset: resolve(dir), digest, specHash: m.specHash, task: m.task, counts: m.counts, shard: m.shard, sources: m.sources.map((s) => s.sha256), ...extra });
  return store.write(action, details, (db) => {
    const id = Number(db.prepare('INSERT INTO artifacts (kind, label, sha256, location, params, created_at) VALUES (?, ?, ?, ?, ?, ?)').run('dataset', label, digest, resolve(dir), JSON.stringify(params), now).lastInsertRowid);
    const edge = db.prepare('INSERT INTO provenance (child_kind, child_id, parent_kind, parent_id, relation, parameters, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const ds = String(id);
    edge.run('dataset', ds, 'cohort-spec', m.specHash, 'generated-from', JSON.stringify({ spec: m.spec }), now);
    edge.run('dataset', ds, 'cohort-model', m.model.digest, 'sampled-from', JSON.stringify({ kind: m.model.kind, variables: m.model.variables }), now);
    for (const s of m.sources) edge.run('dataset', ds, 'source-data', s.sha256, 'fitted-on', JSON.stringify(s), now);
    const bySubject = new Map<string, Array<{ path: string; sha256: string }>>();
    for (const f of m.files) {
      const sid = /^(?:samples|renders)\/([^/]+)\//.exec(f.path)?.[1];
      if (sid) (bySubject.get(sid) ?? bySubject.set(sid, []).get(sid)!).push({ path: f.path, sha256: f.sha256 });
    }
    for (const s of m.subjects) {
      const child = `${ds}/${s.id}`;
      const files = bySubject.get(s.id) ?? [];
      edge.run('dataset-subject', child, 'cohort-spec', m.specHash, 'generated-from', JSON.stringify({ index: s.index, files }), now);
      for (const src of m.sources) edge.run('dataset-subject', child, 'source-data', src.sha256, 'derived-from', '{}', now);
    }
    return id;
  });
}

export interface DatasetLineage {
  artifact: { id: number; label: string; digest: string; location: string; createdAt: string };
  task: string;
  specHash: string;
  spec: unknown;
  modelDigest: string;
  sources: unknown[];
  counts: { subjects: number; samples: number; files: number };
  provenance: { datasetEdges: Array<{ parentKind: string; parentId: string; relation: string }>; subjectEdges: number };
  files: Array<{ path: string; sha256: string; bytes: number }> | null; // from the manifest when it is still there
  onDisk: boolean;
}

interface ArtifactRow { id: number; label: string; sha256: string; location: string; params: string; created_at: string }

/** Lineage of a dataset given its directory (matched by manifest digest, then location) or its artifact id. */
export function datasetLineage(store: Store, dirOrId: string): DatasetLineage {
  const db = store.db;
  let row: ArtifactRow | undefined;
  if (existsSync(dirOrId) && statSync(dirOrId).isDirectory()) {
    const digest = manifestDigest(readManifest(dirOrId));
    row = db.prepare("SELECT * FROM artifacts WHERE kind = 'dataset' AND sha256 = ? ORDER BY (location = ?) DESC, id DESC LIMIT 1").get(digest, resolve(dirOrId)) as ArtifactRow | undefined;
    if (!row) throw new KinetwinError('dataset is not recorded in this database (generated with another --db, or its manifest was changed)', dirOrId);
  } else if (/^\d+$/.test(dirOrId)) {
    row = db.prepare("SELECT * FROM artifacts WHERE kind = 'dataset' AND id = ?").get(Number(dirOrId)) as ArtifactRow | undefined;
    if (!row) throw new KinetwinError(`no dataset with id ${dirOrId} in this database`, dirOrId);
  } else {
    throw new KinetwinError('neither a dataset directory nor a dataset id', dirOrId);
  }
  const params = JSON.parse(row.params) as { specHash: string; task: string; counts: DatasetLineage['counts']; modelDigest: string; sources: unknown[] };
  const edges = db.prepare("SELECT parent_kind, parent_id, relation, parameters FROM provenance WHERE child_kind = 'dataset' AND child_id = ? ORDER BY id").all(String(row.id)) as Array<{ parent_kind: string; parent_id: string; relation: string; parameters: string }>;
  const subjectEdges = (db.prepare("SELECT COUNT(*) AS n FROM provenance WHERE child_kind = 'dataset-subject' AND child_id LIKE ?").get(`${row.id}/%`) as { n: number }).n;
  const specEdge = edges.find((e) => e.parent_kind === 'cohort-spec');
  let files: DatasetLineage['files'] = null;
  let onDisk = false;
  try {
    const m = readManifest(row.location);
    if (manifestDigest(m) === row.sha256) { files = m.files; onDisk = true; }
  } catch { /* moved or deleted: lineage still comes from the store */ }
  return {
    artifact: { id: row.id, label: row.label, digest: row.sha256, location: row.location, createdAt: row.created_at },
    task: params.task,
    specHash: params.specHash,
    spec: specEdge ? (JSON.parse(specEdge.parameters) as { spec: unknown }).spec : null,
    modelDigest: params.modelDigest,
    sources: params.sources,
    counts: params.counts,
    provenance: { datasetEdges: edges.map((e) => ({ parentKind: e.parent_kind, parentId: e.parent_id, relation: e.relation })), subjectEdges },
    files,
    onDisk,
  };
}
