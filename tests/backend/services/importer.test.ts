import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/backend/api/createContext';
import { callOperation } from '../../../src/backend/api/dispatch';
import { importFile, scrubNames, trialLabel } from '../../../src/backend/services/importer';
import { readSignals } from '../../../src/backend/store/signals';
import { sharedData } from '../../helpers/shared';
import { tempDir } from '../../helpers/tmp';

function setup() {
  const dir = tempDir();
  const dbPath = join(dir, 'k.db');
  return { dir, dbPath, ctx: createContext({ mode: 'cli', dbPath }) };
}

const count = (ctx: ReturnType<typeof setup>['ctx'], table: string) => (ctx.store().db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('import', () => {
  it('stores a C3D with its subject name turned into a pseudonym that appears nowhere as the name', async () => {
    const { dir, dbPath, ctx } = setup();
    // the file name itself carries the name too
    const named = join(dir, 'Matt_walking_trial.c3d');
    copyFileSync(sharedData('c3d_org', 'sample04', 'sub_labels.c3d'), named);
    const r = await importFile(named, ctx);
    expect(r).toMatchObject({ status: 'imported', format: 'c3d', points: 114, frames: 333, forcePlates: 2, events: 8 });
    if (r.status !== 'imported') return;
    expect(r.subject).toMatch(/^S-[A-Z0-9]{10}$/);
    expect(r.label).toBe(`walk · ${r.sha256.slice(0, 8)}`);
    const [pos] = readSignals(ctx.store().db, r.trialId, 'points');
    expect(pos!.shape).toEqual([333, 114, 3]);
    expect(pos!.labels).toContain('RASI');
    ctx.close();
    for (const f of [dbPath, `${dbPath}-wal`]) {
      let bytes = '';
      try {
        bytes = readFileSync(f).toString('latin1');
      } catch {
        continue;
      }
      expect(bytes.includes('Matt'), f).toBe(false);
    }
  });

  it('detects a re-import of the same file by its SHA-256 and stores nothing twice', async () => {
    const { ctx } = setup();
    const file = sharedData('opensim_core', 'gait10dof18musc', 'subject01_walk.trc');
    const first = await importFile(file, ctx, { subject: 'P07' });
    const second = await importFile(file, ctx, { subject: 'P07' });
    expect(first).toMatchObject({ status: 'imported', subject: 'P07', points: 41 });
    expect(second).toMatchObject({ status: 'duplicate', trialId: (first as { trialId: number }).trialId });
    expect(count(ctx, 'trials')).toBe(1);
    expect(count(ctx, 'audit_log')).toBe(1);
  });

  it('a malformed file yields one error naming it and leaves no rows behind', async () => {
    const { dir, ctx } = setup();
    const bad = join(dir, 'broken.c3d');
    const bytes = readFileSync(sharedData('c3d_org', 'sample02', 'pc_real.c3d'));
    writeFileSync(bad, bytes.subarray(0, 700));
    const r = await importFile(bad, ctx);
    expect(r.status).toBe('error');
    expect((r as { error: string }).error.startsWith(`${bad}: `)).toBe(true);
    expect(count(ctx, 'trials')).toBe(0);
    expect(count(ctx, 'signals')).toBe(0);
    expect(count(ctx, 'audit_log')).toBe(0);
  });

  it('importFiles over the API reports each file and lists the trials afterwards', async () => {
    const { ctx } = setup();
    const res = (await callOperation('importFiles', { paths: [sharedData('jump_forceplate', 'Single-CMJ-Fz.txt'), sharedData('bvh', 'test_mocapbank.bvh')] }, ctx)) as { results: { status: string }[] };
    expect(res.results.map((r) => r.status)).toEqual(['imported', 'imported']);
    const { trials } = (await callOperation('listTrials', {}, ctx)) as { trials: { format: string }[] };
    expect(trials.map((t) => t.format).sort()).toEqual(['bvh', 'force-text']);
  });

  it('parses in a worker thread with progress and stores the same data as an in-process parse', async () => {
    const a = setup();
    const b = setup();
    const file = sharedData('c3d_org', 'sample02', 'pc_real.c3d');
    const events: { phase: string; done: number; total: number }[] = [];
    const ctx = createContext({ mode: 'cli', dbPath: join(a.dir, 'w.db'), onProgress: (e) => events.push(e) });
    const inWorker = await importFile(file, ctx, { forceWorker: true });
    const inProcess = await importFile(file, b.ctx);
    expect(inWorker).toMatchObject({ status: 'imported', points: 36, frames: 89 });
    const parse = events.filter((e) => e.phase === 'parse');
    expect(parse.length).toBeGreaterThan(2);
    expect(parse.at(-1)!.done).toBe(parse.at(-1)!.total);
    const [pw] = readSignals(ctx.store().db, (inWorker as { trialId: number }).trialId, 'points');
    const [pp] = readSignals(b.ctx.store().db, (inProcess as { trialId: number }).trialId, 'points');
    expect(Buffer.from(pw!.data.buffer).equals(Buffer.from(pp!.data.buffer))).toBe(true);
    ctx.close();
  });

  it('trial labels keep the task but drop the rest of the file name', () => {
    expect(trialLabel('JaneDoe_CMJ_03.txt', 'force-text', 'abcdef0123456789')).toBe('cmj · abcdef01');
    expect(trialLabel('John Smith static.c3d', 'c3d', '0123456789abcdef')).toBe('static · 01234567');
    expect(trialLabel('patient.c3d', 'c3d', 'ffffffff00000000')).toBe('c3d · ffffffff');
  });

  it('scrubNames removes every occurrence of a name at any depth, case-insensitively', () => {
    expect(scrubNames({ a: 'Matt walked', b: ['MATT', { c: 'x matt y' }], n: 3 }, ['Matt'])).toEqual({ a: '[redacted] walked', b: ['[redacted]', { c: 'x [redacted] y' }], n: 3 });
  });
});
