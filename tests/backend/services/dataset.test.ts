import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvTable } from '../../../src/core/metrics/read-csv-table';
import { generateDataset, readManifest } from '../../../src/backend/services/dataset';
import { mergeDatasets, reproduceDataset } from '../../../src/backend/services/dataset-merge';
import { withoutTimings } from '../../../src/core/dataset/manifest';
import { sharedData } from '../../helpers/shared';

const fit = sharedData('anthropometry', 'ansur2_train.csv');
const spec = { size: 12, seed: 42, tasks: ['drop-landing'], conditions: [{ id: 'stiff', kind: 'stiff-landing', fraction: 0.25 }, { id: 'lld', kind: 'leg-length-discrepancy', fraction: 0.5, params: { metres: 0.02 } }] };

/** path → bytes of every file under dir (manifest included). */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => { for (const e of readdirSync(d)) { const p = join(d, e); if (statSync(p).isDirectory()) walk(p); else out.set(relative(dir, p).split(sep).join('/'), readFileSync(p)); } };
  walk(dir);
  return out;
}
const manifestSansTimings = (dir: string) => JSON.stringify(withoutTimings(readManifest(dir)));

describe('dataset service: drop-landing cohort of 12 (in-process)', () => {
  const root = mkdtempSync(join(tmpdir(), 'kinetwin-ds-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeAll(async () => {
    await generateDataset({ out: join(root, 'a'), spec, fit, workers: 0 });
    await generateDataset({ out: join(root, 'b'), spec, fit, workers: 0 });
    for (const k of [1, 2, 3]) await generateDataset({ out: join(root, `shard${k}`), spec, fit, shard: `${k}/3`, workers: 0 });
    mergeDatasets([join(root, 'shard2'), join(root, 'shard3'), join(root, 'shard1')], join(root, 'merged'));
  }, 60_000);

  it('writes a label JSON and a MOT per sample plus subjects.csv/.parquet and a manifest hashing every file', () => {
    const files = snapshot(join(root, 'a'));
    const m = readManifest(join(root, 'a'));
    expect(m.counts).toEqual({ subjects: 12, samples: 12, files: 26 });
    expect([...files.keys()].filter((p) => p !== 'manifest.json').sort()).toEqual(m.files.map((f) => f.path));
    expect(m.specHash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.sources[0].name).toBe('ansur2_train.csv');
    expect(m.llmModelDigest).toBeNull();
    const label = JSON.parse(files.get('samples/S0000/S0000-00.json')!.toString()) as { outcomes: { peakVerticalGrfBw: number; bodyWeightN: number; fellAtS: number | null }; anthropometrics: { mass: number } };
    expect(label.outcomes.bodyWeightN).toBeCloseTo(label.anthropometrics.mass * 9.81, 6);
    expect(label.outcomes.peakVerticalGrfBw).toBeGreaterThan(1.5); // a 0.2–0.6 m drop lands at well above body weight
    expect(files.get('samples/S0000/S0000-00.mot')!.toString()).toMatch(/inDegrees=yes\nendheader\ntime\tground_force_vy_bw/);
  });

  it('same seed → identical bytes (every file, manifest minus timings)', () => {
    const a = snapshot(join(root, 'a'));
    const b = snapshot(join(root, 'b'));
    a.delete('manifest.json');
    b.delete('manifest.json');
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [p, bytes] of a) expect(bytes.equals(b.get(p)!), p).toBe(true);
    expect(manifestSansTimings(join(root, 'a'))).toBe(manifestSansTimings(join(root, 'b')));
  });

  it('3 shards merged == single run, byte for byte (every file incl. manifest minus timings)', () => {
    const a = snapshot(join(root, 'a'));
    const m = snapshot(join(root, 'merged'));
    a.delete('manifest.json');
    m.delete('manifest.json');
    expect([...m.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [p, bytes] of a) expect(bytes.equals(m.get(p)!), p).toBe(true);
    expect(manifestSansTimings(join(root, 'merged'))).toBe(manifestSansTimings(join(root, 'a')));
    expect(readManifest(join(root, 'shard2')).shard).toEqual({ k: 2, n: 3, start: 4, end: 8 });
  });

  it('meets the condition quotas exactly in the written table, and stiff-landing subjects land stiff', () => {
    const { table } = readCsvTable(readFileSync(join(root, 'a', 'subjects.csv'), 'utf8'));
    const col = (name: string) => table.columns.find((c) => c.name === name)!.values as Float64Array;
    expect(col('condition_stiff').reduce((s, v) => s + v, 0)).toBe(3);
    expect(col('condition_lld').reduce((s, v) => s + v, 0)).toBe(6);
    const m = readManifest(join(root, 'a'));
    for (const s of m.subjects) expect(s.samples[0].parameters.strategy).toBe(s.conditions.some((c) => c.id === 'stiff') ? 'stiff' : 'soft');
  });

  it('reproduce finds the dataset identical, then lists a tampered file', async () => {
    const ok = await reproduceDataset(join(root, 'merged'), { fit, workers: 0 });
    expect(ok.differing).toEqual([]);
    expect(ok.identical).toBe(true);
    const p = join(root, 'merged', 'samples', 'S0005', 'S0005-00.mot');
    writeFileSync(p, readFileSync(p, 'utf8').replace(/\n0\t/, '\n0.0\t'));
    const bad = await reproduceDataset(join(root, 'merged'), { fit, workers: 0 });
    expect(bad.identical).toBe(false);
    expect(bad.differing.map((d) => d.path)).toEqual(['samples/S0005/S0005-00.mot']);
  }, 30_000);

  it('refuses to merge an incomplete shard set and to write into a non-empty directory', async () => {
    expect(() => mergeDatasets([join(root, 'shard1'), join(root, 'shard3')], join(root, 'm2'))).toThrow(/shard/);
    await expect(generateDataset({ out: join(root, 'a'), spec, fit, workers: 0 })).rejects.toThrow(/not empty/);
  });
});

describe('dataset service: cancellation', () => {
  const root = mkdtempSync(join(tmpdir(), 'kinetwin-dscancel-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  it.each([0, 2])('an abort after the first subject stops the run (workers = %i) and leaves no half dataset', async (workers) => {
    const ac = new AbortController();
    const out = join(root, `w${workers}`);
    const run = generateDataset({ out, n: 40, seed: 3, task: 'hand-poses', samplesPerSubject: 30, fit, workers, signal: ac.signal, onProgress: () => ac.abort() });
    await expect(run).rejects.toThrow(/cancelled/);
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
