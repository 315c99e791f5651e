import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { ANSUR_COHORT_COLUMNS } from '../../src/core/cohort/ansur-columns';
import { readCsvTable } from '../../src/core/metrics/read-csv-table';
import { numericColumn, categoricalColumn } from '../../src/core/metrics/table';
import { sharedData } from '../helpers/shared';

async function cli(args: string[]) {
  const out = new PassThrough(), err = new PassThrough();
  let stdout = '', stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await runCli(args, { stdout: out as unknown as NodeJS.WriteStream, stderr: err as unknown as NodeJS.WriteStream });
  return { code, stdout, stderr };
}

const fit = sharedData('anthropometry', 'ansur2_train.csv');

describe('kinetwin generate cohort / audit DIR / reproduce / export / merge', () => {
  const root = mkdtempSync(join(tmpdir(), 'kinetwin-dscli-'));
  const db = join(root, 'k.db');
  const ds = join(root, 'landing');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let gen: { digest: string; specHash: string; subjects: number; files: number; artifactId: number };
  beforeAll(async () => {
    const r = await cli(['generate', 'cohort', '--n', '12', '--seed', '5', '--task', 'drop-landing', '--fit', fit, '--workers', '0', '--out', ds, '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    gen = JSON.parse(r.stdout);
  }, 60_000);

  it('generates 12 subjects with 2 files each plus the two tables', () => {
    expect(gen.subjects).toBe(12);
    expect(gen.files).toBe(26);
    expect(gen.artifactId).toBeGreaterThan(0);
  });

  it('audit DATASET_DIR prints the lineage: spec, source hash, counts, provenance per subject, files', async () => {
    const r = await cli(['audit', ds, '--db', db, '--json']);
    expect(r.code).toBe(0);
    const l = JSON.parse(r.stdout);
    expect(l.artifact.id).toBe(gen.artifactId);
    expect(l.specHash).toBe(gen.specHash);
    expect(l.spec.size).toBe(12);
    expect(l.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(l.counts).toEqual({ subjects: 12, samples: 12, files: 26 });
    expect(l.provenance.subjectEdges).toBe(24); // each subject → spec and → source
    expect(l.provenance.datasetEdges.map((e: { relation: string }) => e.relation)).toEqual(['generated-from', 'sampled-from', 'fitted-on']);
    expect(l.files).toHaveLength(26);
    const byId = await cli(['audit', String(gen.artifactId), '--db', db]);
    expect(byId.stdout).toContain(`spec      ${gen.specHash}`);
    const log = await cli(['audit', '--db', db, '--json']);
    expect(JSON.parse(log.stdout).rows.map((x: { action: string }) => x.action)).toContain('dataset.generate');
    expect((await cli(['audit', '--verify', '--db', db])).code).toBe(0);
  });

  it('export gate passes a generated dataset (no exact copies) and writes parquet', async () => {
    const r = await cli(['export', ds, '--format', 'parquet', '--fit', fit, '--out', join(root, 'exp'), '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.gate.passed).toBe(true);
    expect(j.gate.exactCopies).toBe(0);
    expect(readFileSync(join(root, 'exp', 'samples.parquet')).subarray(0, 4).toString()).toBe('PAR1');
  }, 30_000);

  it('export gate refuses a dataset whose subject rows copy training rows, unless --reason is given (audited)', async () => {
    const bad = join(root, 'leaky');
    cpSync(ds, bad, { recursive: true });
    const { table } = readCsvTable(readFileSync(fit, 'utf8'));
    const sex = categoricalColumn(table, 'Gender');
    const age = numericColumn(table, 'Age');
    const header = ['id', 'sex', 'age', ...ANSUR_COHORT_COLUMNS.map((c) => c.name)];
    const rows = Array.from({ length: 12 }, (_, i) => [`S${i}`, sex[i] === 'Female' ? 'female' : 'male', age[i], ...ANSUR_COHORT_COLUMNS.map((c) => numericColumn(table, c.column)[i] * c.scale)]);
    writeFileSync(join(bad, 'subjects.csv'), `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`);
    const refused = await cli(['export', bad, '--format', 'parquet', '--fit', fit, '--out', join(root, 'exp2'), '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/export refused: privacy check failed \(12 subject row\(s\) are exact copies of training rows\).*--reason/);
    const ok = await cli(['export', bad, '--format', 'parquet', '--fit', fit, '--out', join(root, 'exp2'), '--reason', 'internal QA of the gate', '--db', db, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).overridden).toBe(true);
    const log = JSON.parse((await cli(['audit', '--db', db, '--json'])).stdout).rows as Array<{ action: string; details: { reason?: string; gate?: { passed: boolean } } }>;
    const entry = log.find((x) => x.action === 'dataset.export' && x.details.reason === 'internal QA of the gate');
    expect(entry?.details.gate?.passed).toBe(false);
    expect(log.some((x) => x.action === 'dataset.export.refused')).toBe(true);
  }, 30_000);

  it('reproduce exits 0 on the dataset and 1 listing the file after tampering', async () => {
    const ok = await cli(['reproduce', ds, '--fit', fit, '--workers', '0', '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^identical: 26 files/);
    const p = join(ds, 'samples', 'S0003', 'S0003-00.json');
    writeFileSync(p, readFileSync(p, 'utf8').replace('"strategy"', '"strategy" '));
    const bad = await cli(['reproduce', ds, '--fit', fit, '--workers', '0', '--db', db, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).differing.map((d: { path: string }) => d.path)).toEqual(['samples/S0003/S0003-00.json']);
  }, 30_000);

  it('hand-poses: worker threads and in-process give the same dataset; 2 shards merge to it', async () => {
    const base = ['--n', '6', '--seed', '9', '--task', 'hand-poses', '--samples-per-subject', '20', '--fit', fit, '--db', db, '--json'];
    const a = JSON.parse((await cli(['generate', 'cohort', ...base, '--workers', '2', '--out', join(root, 'h2')])).stdout);
    const b = JSON.parse((await cli(['generate', 'cohort', ...base, '--workers', '0', '--out', join(root, 'h0')])).stdout);
    expect(a.samples).toBe(120);
    expect(a.digest).toBe(b.digest);
    for (const k of [1, 2]) expect((await cli(['generate', 'cohort', ...base, '--workers', '0', '--shard', `${k}/2`, '--out', join(root, `hs${k}`)])).code).toBe(0);
    const m = await cli(['merge', join(root, 'hs1'), join(root, 'hs2'), '--out', join(root, 'hm'), '--db', db, '--json']);
    expect(m.code).toBe(0);
    expect(JSON.parse(m.stdout).digest).toBe(a.digest);
    const lines = readFileSync(join(root, 'h0', 'samples', 'S0002', 'S0002.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(20);
    const label = JSON.parse(lines[7]);
    expect([label.subject, label.sample, label.index]).toEqual(['S0002', 7, 47]); // global sample index = subject × 20 + k
    expect(label.keypoints).toHaveLength(21);
  }, 60_000);

  it('rejects bad input with exit 1 and a clear message: unknown task, malformed spec, bad shard, missing --out', async () => {
    const g = (extra: string[]) => cli(['generate', 'cohort', '--n', '4', '--seed', '1', '--fit', fit, '--db', db, ...extra]);
    expect((await g(['--task', 'swim', '--out', join(root, 'x1')])).stderr).toMatch(/^error: invalid cohort spec: tasks/);
    writeFileSync(join(root, 'bad.json'), '{"size": 4,');
    const bad = await g(['--spec', join(root, 'bad.json'), '--out', join(root, 'x3')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json: spec is not valid JSON/);
    expect((await g(['--task', 'cmj', '--shard', '3/2', '--out', join(root, 'x4')])).stderr).toMatch(/shard 3\/2/);
    expect((await g(['--task', 'cmj'])).stderr).toMatch(/--out DIR is required/);
  });

  it('a spec file sets conditions; --n and --seed override it', async () => {
    writeFileSync(join(root, 'spec.json'), JSON.stringify({ size: 100, seed: 0, tasks: ['hand-poses'], conditions: [{ id: 'ad4', kind: 'absent-digit', fraction: 0.5, params: { digit: 4 } }] }));
    const r = await cli(['generate', 'cohort', '--spec', join(root, 'spec.json'), '--n', '4', '--seed', '2', '--workers', '0', '--fit', fit, '--out', join(root, 'sp'), '--db', db, '--json']);
    expect(r.code).toBe(0);
    const m = JSON.parse(readFileSync(join(root, 'sp', 'manifest.json'), 'utf8'));
    expect([m.spec.size, m.spec.seed]).toEqual([4, 2]);
    const absent = m.subjects.filter((s: { conditions: unknown[] }) => s.conditions.length > 0);
    expect(absent).toHaveLength(2);
    const label = JSON.parse(readFileSync(join(root, 'sp', 'samples', absent[0].id, `${absent[0].id}.jsonl`), 'utf8').split('\n')[0]);
    expect(label.keypoints.filter((k: { present: boolean }) => !k.present)).toHaveLength(4); // digit 4: MCP, PIP, DIP, tip
  });
});
