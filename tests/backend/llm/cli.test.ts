import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { sharedData } from '../../helpers/shared';
import { FAKE_DIGEST, startFakeOllama, type FakeOllama } from './fakeOllama';


const dir = mkdtempSync(join(tmpdir(), 'kinetwin-llm-cli-'));
const db = join(dir, 'none.db');
const note = join(dir, 'note.txt');
writeFileSync(note, '41-year-old woman, 162 cm, 52.3 kg. Right Achilles tendinopathy (M76.61). Naproxen 500 mg bd.\n');
// a port nothing listens on: bind one, note it, close it
const closedPort = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as AddressInfo;
    s.close(() => resolve(port));
  });
});
const noServer = ['--db', db, '--ollama-host', `http://127.0.0.1:${closedPort}`, '--timeout-ms', '300'];
let server: FakeOllama | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('kinetwin route / map-headers / extract', () => {
  it('map-headers --json succeeds through the rules with a notice when no model is reachable', async () => {
    const r = await cli(['map-headers', sharedData('opensim_core', 'running', 'runningModel_GRF_data.mot'), '--json', ...noServer]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { columns: Array<{ header: string; field: string; unit: string; source: string }>; llm: unknown };
    expect(json.llm).toBeNull();
    expect(json.columns[1]).toEqual({ header: 'R_ground_force_vx', field: 'grf_x_r', unit: 'N', confidence: 0.95, source: 'rules' });
    expect(r.stderr).toMatch(/^notice: .*runningModel_GRF_data\.mot: no Ollama server at http:\/\/127\.0\.0\.1:\d+ \(connection refused\); using rules$/m);
    expect(existsSync(db)).toBe(false); // no settings database is created just to read settings
  });

  it('route and extract print text results and exit 0 without a model', async () => {
    const route = await cli(['route', sharedData('bvh', 'test_mocapbank.bvh'), ...noServer]);
    expect(route.code).toBe(0);
    expect(route.stdout).toMatch(/bvh \(mocap\), confidence 0\.97, from rules/);
    const extract = await cli(['extract', note, '--no-llm', '--db', db]);
    expect(extract.code).toBe(0);
    expect(extract.stdout).toMatch(/stature_m\s+1\.62 \(rules\)/);
    expect(extract.stdout).toMatch(/medications\s+\[\{"name":"naproxen","dose":"500 mg bd"\}\] \(rules\)/);
    expect(extract.stderr).toMatch(/LLM disabled/);
  });

  it('map-headers --model uses a reachable model and reports its digest', async () => {
    const reply = { columns: [{ header: 'FP1', field: 'grf_z_p1', unit: 'N', confidence: 0.9 }, { header: 'FP2', field: 'grf_z_p2', unit: 'N', confidence: 0.9 }] };
    server = await startFakeOllama([{ content: JSON.stringify(reply) }], ['phi4-mini:latest']);
    const r = await cli(['map-headers', sharedData('jump_forceplate', 'Dual-CMJ-Fz.txt'), '--json', '--db', db, '--ollama-host', server.host, '--model', 'phi4-mini']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { columns: Array<{ source: string; unit: string }>; llm: { model: string; digest: string } };
    expect(json.llm).toEqual({ model: 'phi4-mini:latest', digest: FAKE_DIGEST });
    expect(json.columns.map((c) => [c.unit, c.source])).toEqual([['N', 'llm'], ['N', 'llm']]);
    expect(server.calls[0].model).toBe('phi4-mini:latest');
  });

  it('reports a missing file as `error: <file>: …` and exit 1', async () => {
    const missing = join(dir, 'missing.txt');
    const r = await cli(['extract', missing, '--no-llm', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: ${missing}: file not found\n`);
  });
});
