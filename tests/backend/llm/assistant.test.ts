import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/backend/api/createContext';
import { callOperation } from '../../../src/backend/api/dispatch';
import { FAKE_DIGEST, startFakeOllama, type FakeOllama } from './fakeOllama';

const dir = mkdtempSync(join(tmpdir(), 'kinetwin-assistant-'));
const ctx = createContext({ mode: 'cli', dbPath: join(dir, 'k.db') });
const csv = join(dir, 'wellness.csv');
writeFileSync(csv, 'Timestamp,Athlete Name,Hours of sleep,RPE\n14/10/2025 07:02,ATH-03,7.5,6\n');
const note = join(dir, 'note.txt');
writeFileSync(note, 'Patient: Marcus Delaney, MRN 48213377. Phone 0412 555 019.\n29-year-old male, height 181 cm, weight 78 kg. Right ACL rupture in March 2021.\n');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

type Column = { header: string; field: string | null; unit: string | null; confidence: number; source: 'llm' | 'rules' | 'user' };
type MapResponse = { layout: string; columns: Column[]; llm: unknown; provenance: unknown; notice: string | null };
type Artifact = { id: number; kind: string; label: string; sha256: string | null; params: Record<string, unknown>; lineage: Array<{ parentKind: string; parentId: string; relation: string; parameters: Record<string, unknown> }> };

const headerReply = JSON.stringify({
  columns: [
    { header: 'Timestamp', field: 'date', unit: null, confidence: 0.8 },
    { header: 'Athlete Name', field: 'athlete', unit: null, confidence: 0.95 },
    { header: 'Hours of sleep', field: 'sleep_hours', unit: 'h', confidence: 0.9 },
    { header: 'RPE', field: 'srpe', unit: null, confidence: 0.95 },
  ],
});
const noteReply = JSON.stringify({
  age_years: 29, sex: 'male', stature_m: 1.81, mass_kg: 78, dominant_side: null,
  diagnoses: [], injuries: [{ structure: 'anterior cruciate ligament', side: 'right', date: '2021-03' }],
  surgeries: [], rom_restrictions: [], digits: [], medications: [],
});

let server: FakeOllama | null = null;
async function useModel(script: Array<{ content: string }>): Promise<FakeOllama> {
  server = await startFakeOllama(script);
  await callOperation('setSetting', { key: 'ollama.host', value: server.host }, ctx);
  return server;
}
afterEach(async () => {
  await server?.close();
  server = null;
  await callOperation('setSetting', { key: 'ollama.host', value: 'http://127.0.0.1:1' }, ctx); // nothing listens there
});
afterAll(() => ctx.close());

const artifacts = async (kind?: string) => ((await callOperation('listArtifacts', kind ? { kind } : {}, ctx)) as { artifacts: Artifact[] }).artifacts;

describe('import assistant: confirm → remember → reuse', () => {
  it('remembers confirmed columns so a re-run returns them as user choices without asking the model', async () => {
    const fake = await useModel([{ content: headerReply }]);
    const first = (await callOperation('llmMapHeaders', { path: csv }, ctx)) as MapResponse;
    expect(first.columns.map((c) => [c.field, c.source])).toEqual([['date', 'llm'], ['athlete', 'llm'], ['sleep_hours', 'llm'], ['srpe', 'llm']]);
    expect(fake.calls).toHaveLength(1);
    // the user keeps three proposals and corrects RPE to session load
    const confirmed = first.columns.map((c) => (c.header === 'RPE' ? { ...c, field: 'session_load', unit: 'AU', edited: true } : { ...c, edited: false }));
    const saved = await callOperation('llmConfirmMapping', { path: csv, layout: first.layout, columns: confirmed, provenance: first.provenance }, ctx);
    expect(saved).toMatchObject({ ok: true, remembered: 4, sha256: sha(csv) });

    const again = (await callOperation('llmMapHeaders', { path: csv }, ctx)) as MapResponse;
    expect(again.columns.map((c) => [c.field, c.unit, c.source])).toEqual([['date', null, 'user'], ['athlete', null, 'user'], ['sleep_hours', 'h', 'user'], ['session_load', 'AU', 'user']]);
    expect(again.provenance).toBeNull();
    expect(again.llm).toBeNull();
    expect(fake.calls).toHaveLength(1); // no second chat request
    expect(fake.requests.filter((r) => r === 'POST /api/chat')).toHaveLength(1);
  });

  it('stores the confirmed mapping as an artifact carrying the model provenance, a file lineage row and an audit entry', async () => {
    const [a] = await artifacts('llm.headerMapping');
    expect(a.sha256).toBe(sha(csv));
    const prov = a.params.provenance as Record<string, unknown>;
    expect(prov).toMatchObject({ engine: 'llm', model: 'llama3.2:latest', digest: FAKE_DIGEST, rawReplies: [headerReply] });
    expect(prov.promptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(prov.schemaHash).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof prov.promptVersion).toBe('string');
    expect((a.params.columns as Array<{ header: string; field: string; edited: boolean }>).filter((c) => c.edited).map((c) => [c.header, c.field])).toEqual([['RPE', 'session_load']]);
    expect(a.lineage).toEqual([{ parentKind: 'file', parentId: sha(csv), relation: 'llm.mapHeaders', parameters: expect.objectContaining({ model: 'llama3.2:latest', digest: FAKE_DIGEST, promptHash: prov.promptHash, schemaHash: prov.schemaHash }) }]);
    const audit = (await callOperation('auditLog', { limit: 20 }, ctx)) as { rows: Array<{ action: string; details: { artifactId?: number } }> };
    expect(audit.rows.find((r) => r.action === 'llm.confirmMapping')?.details.artifactId).toBe(a.id);
  });

  it('rolls back the whole confirmation when one column is outside the vocabulary', async () => {
    const before = await artifacts();
    const columns = [
      { header: 'Timestamp', field: 'time', unit: 's', confidence: 1, source: 'user', edited: true },
      { header: 'RPE', field: 'banana', unit: null, confidence: 1, source: 'user', edited: true },
    ];
    await expect(callOperation('llmConfirmMapping', { path: csv, layout: 'wide', columns, provenance: null }, ctx)).rejects.toMatchObject({ status: 422 });
    expect(await artifacts()).toHaveLength(before.length);
    const r = (await callOperation('llmMapHeaders', { path: csv }, ctx)) as MapResponse;
    expect(r.columns[0]).toMatchObject({ field: 'date', source: 'user' }); // Timestamp was not overwritten
  });
});

describe('import assistant: clinical note extraction', () => {
  it('returns the redacted text the model saw', async () => {
    await useModel([{ content: noteReply }]);
    const r = (await callOperation('llmExtract', { path: note }, ctx)) as { redactedText: string; fields: Record<string, { value: unknown; source: string }> };
    expect(r.redactedText).not.toMatch(/Delaney|Marcus|48213377|0412 555 019/);
    expect(r.redactedText).toMatch(/\[NAME\]/);
    expect(r.redactedText).toMatch(/181 cm/);
    expect(r.fields.age_years).toEqual({ value: 29, source: 'llm' });
  });

  it('stores a confirmed extraction with its provenance, linked to a pseudonymised subject, and audits it', async () => {
    await useModel([{ content: noteReply }]);
    const r = (await callOperation('llmExtract', { path: note }, ctx)) as { fields: Record<string, { value: unknown; source: string }>; redactions: Record<string, number>; provenance: unknown };
    const fields = { ...r.fields, mass_kg: { value: 79, source: 'user' } };
    const saved = (await callOperation('llmConfirmExtraction', { path: note, subject: 'Marcus Delaney', fields, redactions: r.redactions, provenance: r.provenance }, ctx)) as { artifactId: number; subject: string };
    expect(saved.subject).toMatch(/^S-[A-Z2-9]{10}$/);
    const [a] = await artifacts('llm.noteExtraction');
    expect(a.id).toBe(saved.artifactId);
    expect(JSON.stringify(a)).not.toMatch(/Delaney|Marcus|48213377/);
    expect(a.params.fields).toMatchObject({ age_years: 29, mass_kg: 79, stature_m: 1.81, sex: 'male' });
    expect(a.params.sources).toMatchObject({ age_years: 'llm', mass_kg: 'user' });
    expect(a.params.provenance).toMatchObject({ engine: 'llm', model: 'llama3.2:latest', digest: FAKE_DIGEST, rawReplies: [noteReply] });
    expect(a.lineage.map((l) => [l.parentKind, l.relation])).toEqual([['file', 'llm.extract'], ['subject', 'describes']]);
    expect(a.lineage[1].parameters).toEqual({ pseudonym: saved.subject });
    const subjects = (await callOperation('listSubjects', {}, ctx)) as { subjects: Array<{ pseudonym: string }> };
    expect(subjects.subjects.map((s) => s.pseudonym)).toContain(saved.subject);
    const audit = (await callOperation('auditLog', { limit: 5 }, ctx)) as { rows: Array<{ action: string; details: Record<string, unknown> }> };
    expect(audit.rows[0]).toMatchObject({ action: 'llm.confirmExtraction', details: { artifactId: a.id, subject: saved.subject, model: 'llama3.2:latest' } });
    expect(await callOperation('auditVerify', {}, ctx)).toMatchObject({ ok: true });
  });

  it('records rules-only provenance when no model answered', async () => {
    const r = (await callOperation('llmExtract', { path: note }, ctx)) as { fields: Record<string, { value: unknown; source: string }>; redactions: Record<string, number>; provenance: unknown };
    expect(r.provenance).toBeNull();
    await callOperation('llmConfirmExtraction', { path: note, fields: r.fields, redactions: r.redactions, provenance: null }, ctx);
    const [a] = await artifacts('llm.noteExtraction');
    expect(a.params.provenance).toEqual({ engine: 'rules' });
    expect(a.lineage.map((l) => l.parentKind)).toEqual(['file']);
  });

  it('refuses an edited value outside the note schema as a 422 and stores nothing', async () => {
    const r = (await callOperation('llmExtract', { path: note }, ctx)) as { fields: Record<string, { value: unknown; source: string }>; redactions: Record<string, number> };
    const before = (await artifacts()).length;
    const fields = { ...r.fields, mass_kg: { value: 'heavy', source: 'user' } };
    await expect(callOperation('llmConfirmExtraction', { path: note, fields, redactions: r.redactions, provenance: null }, ctx)).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/mass_kg/) });
    expect(await artifacts()).toHaveLength(before);
  });
});
