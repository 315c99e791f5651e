import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setOutboundFetch } from '../../../src/backend/net';
import { extractNoteFile, mapHeadersFile, routeFile } from '../../../src/backend/llm/service';
import { emptyMappingMemory, rememberMapping } from '../../../src/core/llm/mappingMemory';
import { sharedData } from '../../helpers/shared';
import { FAKE_DIGEST, startFakeOllama, type FakeOllama } from './fakeOllama';

const dir = mkdtempSync(join(tmpdir(), 'kinetwin-llm-'));
const csv = join(dir, 'wellness.csv');
writeFileSync(csv, 'Timestamp,Athlete Name,Hours of sleep,RPE\n14/10/2025 07:02,ATH-03,7.5,6\n');
const note = join(dir, 'note.txt');
writeFileSync(note, 'Patient: Marcus Delaney, MRN 48213377. Phone 0412 555 019.\n29-year-old male, height 181 cm, weight 78 kg. Right ACL rupture in March 2021.\n');

const quick = { env: {}, timeoutMs: 300 };
let server: FakeOllama | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  setOutboundFetch((input, init) => fetch(input, init));
});

const goodHeaders = JSON.stringify({
  columns: [
    { header: 'Timestamp', field: 'date', unit: null, confidence: 0.8 },
    { header: 'Athlete Name', field: 'athlete', unit: null, confidence: 0.95 },
    { header: 'Hours of sleep', field: 'sleep_hours', unit: 'h', confidence: 0.9 },
    { header: 'RPE', field: 'srpe', unit: null, confidence: 0.95 },
  ],
});

describe('map-headers through Ollama', () => {
  it('uses a valid answer: source llm, digest recorded, schema in format, temperature 0 and a fixed seed', async () => {
    server = await startFakeOllama([{ content: goodHeaders }]);
    const r = await mapHeadersFile(csv, { ...quick, ollamaHost: server.host });
    expect(r.columns.map((c) => [c.field, c.source])).toEqual([['date', 'llm'], ['athlete', 'llm'], ['sleep_hours', 'llm'], ['srpe', 'llm']]);
    expect(r.llm).toEqual({ model: 'llama3.2:latest', digest: FAKE_DIGEST });
    expect(r.notice).toBeNull();
    const call = server.calls[0];
    expect(call.options.temperature).toBe(0);
    expect(call.options.seed).toBe(42);
    expect(call.stream).toBe(false);
    const format = call.format as { type: string; properties: { columns: { type: string } } };
    expect(format.type).toBe('object');
    expect(format.properties.columns.type).toBe('array');
    expect(r.provenance?.rawReplies).toEqual([goodHeaders]);
    expect(r.provenance?.schemaHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.provenance?.promptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(server.requests).toEqual(['GET /api/tags', 'POST /api/chat']);
  });

  it('falls back to the rules after three malformed JSON replies, keeping every raw reply', async () => {
    server = await startFakeOllama([{ content: '{"columns": [' }]);
    const r = await mapHeadersFile(csv, { ...quick, ollamaHost: server.host });
    expect(r.columns.every((c) => c.source === 'rules')).toBe(true);
    expect(r.columns[3].field).toBe('srpe');
    expect(r.llm).toBeNull();
    expect(r.provenance?.attempts).toBe(3);
    expect(r.provenance?.rawReplies).toHaveLength(3);
    expect(r.notice).toMatch(/invalid after 2 retries/);
    expect(server.calls[1].messages.at(-1)?.content).toMatch(/not valid JSON/);
  });

  it('retries a schema-violating reply with the validation error and uses the corrected answer', async () => {
    const bad = goodHeaders.replace('"sleep_hours"', '"sleepiness"');
    server = await startFakeOllama([{ content: bad }, { content: goodHeaders }]);
    const r = await mapHeadersFile(csv, { ...quick, ollamaHost: server.host });
    expect(server.calls).toHaveLength(2);
    const retry = server.calls[1].messages;
    expect(retry.at(-2)).toEqual({ role: 'assistant', content: bad });
    expect(retry.at(-1)?.content).toMatch(/columns\.2\.field: field is not in the canonical vocabulary/);
    expect(r.columns[2]).toMatchObject({ field: 'sleep_hours', source: 'llm' });
    expect(r.provenance?.errors).toHaveLength(1);
  });

  it('falls back when every reply violates the schema', async () => {
    server = await startFakeOllama([{ content: '{"columns":[{"header":"RPE","field":"srpe"}]}' }]);
    const r = await mapHeadersFile(csv, { ...quick, ollamaHost: server.host });
    expect(server.calls).toHaveLength(3);
    expect(r.columns.every((c) => c.source === 'rules')).toBe(true);
  });

  it('sends implausible units back and, if they persist, keeps the plausible columns only', async () => {
    const wrongUnit = goodHeaders.replace('"unit":"h"', '"unit":"N"');
    server = await startFakeOllama([{ content: wrongUnit }]);
    const r = await mapHeadersFile(csv, { ...quick, ollamaHost: server.host });
    expect(server.calls[1].messages.at(-1)?.content).toMatch(/unit 'N' does not fit field 'sleep_hours'/);
    expect(r.columns[2]).toMatchObject({ field: 'sleep_hours', unit: null, source: 'rules' });
    expect(r.columns[0]).toMatchObject({ field: 'date', source: 'llm' });
  });

  it('falls back when the model is not installed (list() does not have it)', async () => {
    server = await startFakeOllama([{ content: goodHeaders }], ['qwen2.5:7b']);
    const r = await mapHeadersFile(csv, { ...quick, ollamaHost: server.host, model: 'llama3.2' });
    expect(r.columns.every((c) => c.source === 'rules')).toBe(true);
    expect(r.notice).toMatch(/model 'llama3\.2' is not available/);
    expect(server.calls).toHaveLength(0);
  });

  it('falls back on a 404 model-not-found from /api/chat', async () => {
    server = await startFakeOllama([{ status: 404, error: 'model "llama3.2" not found, try pulling it first' }]);
    const r = await mapHeadersFile(csv, { ...quick, ollamaHost: server.host });
    expect(r.columns.every((c) => c.source === 'rules')).toBe(true);
    expect(r.notice).toMatch(/not available/);
  });

  it('falls back when nothing listens (connection refused)', async () => {
    const gone = await startFakeOllama([]);
    const host = gone.host;
    await gone.close();
    const r = await mapHeadersFile(csv, { ...quick, ollamaHost: host });
    expect(r.columns.map((c) => c.source)).toEqual(['rules', 'rules', 'rules', 'rules']);
    expect(r.notice).toMatch(/connection refused/);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    server = await startFakeOllama([{ stallMs: 5000 }]);
    const r = await mapHeadersFile(csv, { ...quick, ollamaHost: server.host });
    expect(r.columns.every((c) => c.source === 'rules')).toBe(true);
    expect(r.notice).toMatch(/did not answer in time/);
  }, 4000);

  it('stops when the caller cancels', async () => {
    server = await startFakeOllama([{ stallMs: 5000 }]);
    const controller = new AbortController();
    const pending = mapHeadersFile(csv, { env: {}, timeoutMs: 3000, ollamaHost: server.host, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const r = await pending;
    expect(r.notice).toMatch(/cancelled/);
  }, 4000);

  it('refuses a non-loopback host without connecting', async () => {
    const seen: string[] = [];
    setOutboundFetch((input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    });
    const r = await mapHeadersFile(csv, { ...quick, ollamaHost: 'http://192.0.2.10:11434' });
    expect(seen).toEqual([]);
    expect(r.notice).toMatch(/refusing to send data to Ollama host '192\.0\.2\.10:11434'/);
    expect(r.columns.every((c) => c.source === 'rules')).toBe(true);
  });

  it('asks only about headers no remembered mapping covers, and marks those user', async () => {
    const memory = rememberMapping(emptyMappingMemory(), 'timestamp', { field: 'date', unit: null });
    const reply = JSON.stringify({ columns: JSON.parse(goodHeaders).columns.slice(1) });
    server = await startFakeOllama([{ content: reply }]);
    const r = await mapHeadersFile(csv, { ...quick, ollamaHost: server.host, memory });
    expect(r.columns[0]).toMatchObject({ field: 'date', source: 'user', confidence: 1 });
    expect(r.columns[1].source).toBe('llm');
    expect(server.calls[0].messages[1].content).not.toMatch(/Timestamp/);
  });
});

describe('extract through Ollama', () => {
  const reply = {
    age_years: 29, sex: 'male', stature_m: 1.81, mass_kg: 78, dominant_side: null,
    diagnoses: [], injuries: [{ structure: 'anterior cruciate ligament', side: 'right', date: '2021-03' }],
    surgeries: [], rom_restrictions: [], digits: [], medications: [],
  };

  it('sends a redacted note and keeps implausible fields from the rules', async () => {
    const bad = JSON.stringify({ ...reply, mass_kg: 780 });
    server = await startFakeOllama([{ content: bad }]);
    const r = await extractNoteFile(note, { ...quick, ollamaHost: server.host });
    const sent = server.calls[0].messages[1].content;
    expect(sent).not.toMatch(/Delaney|Marcus|48213377|0412 555 019/);
    expect(sent).toMatch(/\[NAME\]/);
    expect(r.redactions.name).toBeGreaterThan(0);
    expect(r.fields.mass_kg).toEqual({ value: 78, source: 'rules' });
    expect(r.fields.age_years).toEqual({ value: 29, source: 'llm' });
    expect(r.fields.injuries).toEqual({ value: [{ structure: 'acl', side: 'right', date: '2021-03' }], source: 'llm' });
    expect(r.llm?.digest).toBe(FAKE_DIGEST);
    expect(server.calls[1].messages.at(-1)?.content).toMatch(/mass 780 kg outside 20–250 kg/);
  });

  it('succeeds through the rules alone when no server is reachable', async () => {
    const gone = await startFakeOllama([]);
    await gone.close();
    const r = await extractNoteFile(note, { env: {}, timeoutMs: 300, ollamaHost: gone.host });
    expect(r.fields.stature_m).toEqual({ value: 1.81, source: 'rules' });
    expect(r.fields.injuries.value).toEqual([{ structure: 'acl', side: 'right', date: '2021-03' }]);
    expect(r.llm).toBeNull();
    expect(r.notice).toMatch(/using rules/);
  });
});

describe('route through Ollama', () => {
  it('does not let a model overrule a file signature', async () => {
    server = await startFakeOllama([{ content: JSON.stringify({ importer: 'trc', kind: 'mocap', confidence: 0.9 }) }]);
    const r = await routeFile(sharedData('c3d_org', 'sample02', 'pc_real.c3d'), { ...quick, ollamaHost: server.host });
    expect(r).toMatchObject({ importer: 'c3d', kind: 'mocap', source: 'rules', llm: null });
    expect(server.calls[1].messages.at(-1)?.content).toMatch(/signature says 'c3d'/);
  });

  it('uses the model when its answer agrees with the bytes', async () => {
    server = await startFakeOllama([{ content: JSON.stringify({ importer: 'text-note', kind: 'clinical_note', confidence: 0.97 }) }]);
    const r = await routeFile(note, { ...quick, ollamaHost: server.host });
    expect(r).toMatchObject({ importer: 'text-note', kind: 'clinical_note', source: 'llm', llm: { digest: FAKE_DIGEST } });
  });

  it('turns a missing file into a KinetwinError', async () => {
    await expect(routeFile(join(dir, 'nope.csv'), quick)).rejects.toMatchObject({ name: 'KinetwinError', message: 'file not found' });
  });
});
