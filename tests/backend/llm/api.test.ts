import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/backend/api/createContext';
import { callOperation } from '../../../src/backend/api/dispatch';

const dir = mkdtempSync(join(tmpdir(), 'kinetwin-llm-api-'));
const ctx = createContext({ mode: 'cli', dbPath: join(dir, 'k.db') });
afterAll(() => ctx.close());
const csv = join(dir, 'log.csv');
writeFileSync(csv, 'Date,Player,Load\n2025-10-01,A1,420\n');

describe('llm API operations', () => {
  it('remembers a confirmed mapping in the store (audited) and uses it with source user', async () => {
    // no model: settings point at a loopback port nothing listens on
    await callOperation('setSetting', { key: 'ollama.host', value: 'http://127.0.0.1:1' }, ctx);
    const before = (await callOperation('llmMapHeaders', { path: csv }, ctx)) as { columns: Array<{ field: string | null; source: string }>; notice: string };
    expect(before.columns[2]).toMatchObject({ field: 'session_load', source: 'rules' });
    expect(before.notice).toMatch(/using rules/);
    const saved = await callOperation('llmRememberMapping', { header: 'Load', field: 'player_load', unit: 'AU' }, ctx);
    expect(saved).toEqual({ ok: true, key: '|load', count: 1 });
    const after = (await callOperation('llmMapHeaders', { path: csv }, ctx)) as { columns: Array<{ field: string | null; unit: string | null; source: string }> };
    expect(after.columns[2]).toMatchObject({ field: 'player_load', unit: 'AU', source: 'user' });
    const audit = (await callOperation('auditLog', { limit: 5 }, ctx)) as { rows: Array<{ action: string }> };
    expect(audit.rows.map((r) => r.action)).toContain('llm.rememberMapping');
  });

  it('rejects a mapping outside the vocabulary as a 422', async () => {
    await expect(callOperation('llmRememberMapping', { header: 'Load', field: 'banana', unit: null }, ctx)).rejects.toMatchObject({ status: 422 });
  });

  it('extracts a note through the API with sources', async () => {
    const note = join(dir, 'n.txt');
    writeFileSync(note, '34 yo woman, 165 cm, 60 kg, left-handed.\n');
    const r = (await callOperation('llmExtract', { path: note }, ctx)) as { fields: Record<string, { value: unknown; source: string }> };
    expect(r.fields.dominant_side).toEqual({ value: 'left', source: 'rules' });
    expect(r.fields.stature_m).toEqual({ value: 1.65, source: 'rules' });
  });
});
