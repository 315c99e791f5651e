// Import assistant (human in the loop): a confirmed header mapping or note extraction becomes an `artifacts` row
// whose `params` hold the confirmed result and its LLM provenance (model + digest or "rules", prompt version and
// hash, schema hash, raw replies), with `provenance` lineage rows (source file by SHA-256, subject) — one
// transaction, one audit entry each.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { KinetwinError } from '../../core/errors';
import { normaliseHeader } from '../../core/llm/headerTokens';
import { emptyMappingMemory, parseMappingMemory, rememberMapping, type MappingMemory } from '../../core/llm/mappingMemory';
import { NoteReply } from '../../core/llm/schemas';
import { acceptPseudonym } from '../store/pseudonym';
import type { Db, Store } from '../store/store';
import { readSettings, writeSetting } from './settings';

export const MAPPING_MEMORY_KEY = 'llm.mappingMemory'; // settings key of the confirmed header mappings
export const HEADER_MAPPING_KIND = 'llm.headerMapping';
export const NOTE_EXTRACTION_KIND = 'llm.noteExtraction';

type Source = 'llm' | 'rules' | 'user';

export interface Provenance {
  model: string;
  digest: string | null;
  host: string;
  promptVersion: string;
  promptHash: string;
  schemaHash: string;
  options: { temperature: number; seed: number; num_ctx: number };
  attempts: number;
  rawReplies: string[];
  errors: string[];
}

export interface ConfirmedColumn {
  header: string;
  field: string | null;
  unit: string | null;
  confidence: number;
  source: Source;
  edited: boolean;
}

export interface ConfirmMappingRequest {
  path: string;
  layout: string;
  scope?: string;
  columns: ConfirmedColumn[];
  provenance: Provenance | null;
}

export interface ConfirmExtractionRequest {
  path: string;
  subject?: string;
  fields: Record<string, { value?: unknown; source: Source }>;
  redactions: Record<string, number>;
  provenance: Provenance | null;
}

export interface ArtifactRow {
  id: number;
  kind: string;
  label: string;
  sha256: string | null;
  createdAt: string;
  params: unknown;
  lineage: Array<{ parentKind: string; parentId: string; relation: string; parameters: unknown }>;
}

/** SHA-256 (hex) of a file's bytes, streamed; missing or unreadable files are KinetwinErrors. */
export async function sha256File(path: string): Promise<string> {
  try {
    if (!(await stat(path)).isFile()) throw new KinetwinError('not a regular file', path);
  } catch (e) {
    if (e instanceof KinetwinError) throw e;
    throw new KinetwinError((e as { code?: string }).code === 'ENOENT' ? 'file not found' : `cannot read file (${(e as Error).message})`, path);
  }
  const hash = createHash('sha256');
  await new Promise<void>((resolve, reject) => {
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve())
      .on('error', (e) => reject(new KinetwinError(`cannot read file (${e.message})`, path)));
  });
  return hash.digest('hex');
}

/** What the Audit shows of a provenance: the model run, or `{ engine: 'rules' }` when no model answered. */
export function provenanceRecord(p: Provenance | null): Record<string, unknown> {
  return p === null ? { engine: 'rules' } : { engine: 'llm', ...p };
}

/** Lineage parameters: the identifying part of a provenance (no raw replies). */
function lineageParameters(p: Provenance | null): Record<string, unknown> {
  return p === null
    ? { engine: 'rules' }
    : { engine: 'llm', model: p.model, digest: p.digest, promptVersion: p.promptVersion, promptHash: p.promptHash, schemaHash: p.schemaHash };
}

function memoryOf(db: Db): MappingMemory {
  const raw = readSettings(db)[MAPPING_MEMORY_KEY];
  return raw === undefined || raw === null ? emptyMappingMemory() : parseMappingMemory(raw);
}

function insertArtifact(db: Db, kind: string, label: string, sha256: string, params: unknown, now: string): number {
  const r = db.prepare('INSERT INTO artifacts (kind, label, sha256, location, params, created_at) VALUES (?, ?, ?, NULL, ?, ?)').run(kind, label, sha256, JSON.stringify(params), now);
  return Number(r.lastInsertRowid);
}

function insertLineage(db: Db, childId: number, parentKind: string, parentId: string, relation: string, parameters: unknown, now: string): void {
  db.prepare('INSERT INTO provenance (child_kind, child_id, parent_kind, parent_id, relation, parameters, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run('artifact', String(childId), parentKind, parentId, relation, JSON.stringify(parameters), now);
}

/** Remember every confirmed column (source becomes "user") and store the mapping as an artifact, in one transaction. */
export async function confirmMapping(store: Store, req: ConfirmMappingRequest): Promise<{ ok: true; artifactId: number; sha256: string; remembered: number }> {
  const sha256 = await sha256File(req.path);
  const scope = req.scope ?? '';
  const columns = req.columns.filter((c) => normaliseHeader(c.header) !== '');
  if (columns.length === 0) throw new KinetwinError('no column with a usable header to confirm', req.path);
  const now = new Date().toISOString();
  const label = `header mapping · ${req.layout} · ${columns.length} columns`;
  const details = (id: number) => ({ artifactId: id, kind: HEADER_MAPPING_KIND, sha256, columns: columns.length, edited: columns.filter((c) => c.edited).length, model: req.provenance?.model ?? 'rules' });
  const artifactId = store.write('llm.confirmMapping', details as (r: unknown) => unknown, (db) => {
    let memory = memoryOf(db);
    for (const c of columns) memory = rememberMapping(memory, c.header, { field: c.field, unit: c.unit }, scope);
    writeSetting(db, MAPPING_MEMORY_KEY, memory);
    const params = { layout: req.layout, scope, columns, provenance: provenanceRecord(req.provenance) };
    const id = insertArtifact(db, HEADER_MAPPING_KIND, label, sha256, params, now);
    insertLineage(db, id, 'file', sha256, 'llm.mapHeaders', lineageParameters(req.provenance), now);
    return id;
  });
  return { ok: true, artifactId, sha256, remembered: columns.length };
}

function ensureSubject(db: Db, pseudonym: string, now: string): number {
  db.prepare('INSERT INTO subjects (pseudonym, created_at) VALUES (?, ?) ON CONFLICT(pseudonym) DO NOTHING').run(pseudonym, now);
  return (db.prepare('SELECT id FROM subjects WHERE pseudonym = ?').get(pseudonym) as { id: number }).id;
}

/** Store a confirmed note extraction as an artifact linked to its note (by hash) and, when given, its subject. */
export async function confirmExtraction(store: Store, secret: Buffer, req: ConfirmExtractionRequest): Promise<{ ok: true; artifactId: number; sha256: string; subject: string | null }> {
  const values = Object.fromEntries(Object.entries(req.fields).map(([k, f]) => [k, f.value ?? null]));
  const checked = NoteReply.strict().safeParse(values);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new KinetwinError(`extraction does not match the note schema: ${issue?.path.join('.') || 'fields'}: ${issue?.message ?? 'invalid'}`, req.path);
  }
  const sha256 = await sha256File(req.path);
  const subject = req.subject === undefined || req.subject.trim() === '' ? null : acceptPseudonym(secret, req.subject.trim());
  const now = new Date().toISOString();
  const sources = Object.fromEntries(Object.entries(req.fields).map(([k, f]) => [k, f.source]));
  const label = `note extraction${subject ? ` · ${subject}` : ''} · ${sha256.slice(0, 8)}`;
  const artifactId = store.write('llm.confirmExtraction', ((id: number) => ({ artifactId: id, kind: NOTE_EXTRACTION_KIND, sha256, subject, model: req.provenance?.model ?? 'rules' })) as (r: unknown) => unknown, (db) => {
    const params = { subject, fields: checked.data, sources, redactions: req.redactions, provenance: provenanceRecord(req.provenance) };
    const id = insertArtifact(db, NOTE_EXTRACTION_KIND, label, sha256, params, now);
    insertLineage(db, id, 'file', sha256, 'llm.extract', lineageParameters(req.provenance), now);
    if (subject !== null) insertLineage(db, id, 'subject', String(ensureSubject(db, subject, now)), 'describes', { pseudonym: subject }, now);
    return id;
  });
  return { ok: true, artifactId, sha256, subject };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Artifacts (optionally of one kind), newest first, with parsed params and their lineage rows. */
export function listArtifacts(db: Db, kind: string | undefined, limit: number): ArtifactRow[] {
  const rows = db
    .prepare(`SELECT id, kind, label, sha256, params, created_at FROM artifacts ${kind ? 'WHERE kind = ?' : ''} ORDER BY id DESC LIMIT ?`)
    .all(...(kind ? [kind, limit] : [limit])) as Array<{ id: number; kind: string; label: string; sha256: string | null; params: string; created_at: string }>;
  const edges = db.prepare("SELECT parent_kind, parent_id, relation, parameters FROM provenance WHERE child_kind = 'artifact' AND child_id = ? ORDER BY id");
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    label: r.label,
    sha256: r.sha256,
    createdAt: r.created_at,
    params: parseJson(r.params),
    lineage: (edges.all(String(r.id)) as Array<{ parent_kind: string; parent_id: string; relation: string; parameters: string }>).map((e) => ({
      parentKind: e.parent_kind, parentId: e.parent_id, relation: e.relation, parameters: parseJson(e.parameters),
    })),
  }));
}
