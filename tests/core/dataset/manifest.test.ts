import { describe, expect, it } from 'vitest';
import { parseCohortSpec } from '../../../src/core/cohort/spec';
import { buildManifest, manifestDigest, manifestText, type DatasetSubject, type ManifestBase } from '../../../src/core/dataset/manifest';
import { planMerge } from '../../../src/core/dataset/merge';
import { samplePath } from '../../../src/core/dataset/naming';
import { shardRange } from '../../../src/core/dataset/shard';
import { KinetwinError } from '../../../src/core/errors';

const spec = parseCohortSpec({ size: 5, seed: 1 });
const base: ManifestBase = {
  generator: { name: 'kinetwin', version: '0.1.0', gitCommit: null }, engines: { node: 'v20', ammo: null }, llmModelDigest: null,
  task: 'drop-landing', spec, specHash: 'ab'.repeat(32), model: { kind: 'gaussian-copula', source: 'ansur2', digest: 'cd'.repeat(32), variables: ['age'] },
  sources: [{ role: 'fit', name: 'train.csv', sha256: 'ef'.repeat(32), bytes: 10 }], physics: null,
};
const subject = (i: number): DatasetSubject => ({ index: i, id: `S000${i}`, sex: 'male', age: 30, values: { stature: 1.8 }, conditions: [], samples: [{ k: 0, parameters: { seed: i }, outcomes: { peak: i } }] });
const file = (i: number) => ({ path: samplePath(`S000${i}`, 0, 1, 'json'), sha256: String(i).repeat(64).slice(0, 64), bytes: 1 });

describe('dataset manifest', () => {
  it('names samples samples/<id>/<id>-<k>.<ext> with at least two digits', () => {
    expect(samplePath('S0042', 3, 1, 'json')).toBe('samples/S0042/S0042-03.json');
    expect(samplePath('S0042', 7, 150, 'mot')).toBe('samples/S0042/S0042-007.mot');
  });
  it('digest ignores timings but not content', () => {
    const a = buildManifest(base, null, [subject(0)], [file(0)], { wallSeconds: 1 });
    const b = buildManifest(base, null, [subject(0)], [file(0)], { wallSeconds: 2 });
    const c = buildManifest(base, null, [subject(1)], [file(0)], { wallSeconds: 1 });
    expect(manifestDigest(a)).toBe(manifestDigest(b));
    expect(manifestDigest(a)).not.toBe(manifestDigest(c));
    expect(manifestText(a)).not.toBe(manifestText(b));
  });
  it('sorts files by path whatever order they were produced in', () => {
    const m = buildManifest(base, null, [], [file(2), file(0), file(1)], {});
    expect(m.files.map((f) => f.path)).toEqual([file(0).path, file(1).path, file(2).path]);
  });
});

describe('planMerge(shards)', () => {
  const shard = (k: number, n: number) => {
    const r = shardRange(5, k, n);
    const subs = Array.from({ length: r.end - r.start }, (_, j) => subject(r.start + j));
    return buildManifest(base, r, subs, subs.map((s) => file(s.index)), {});
  };
  it('orders shards by k and concatenates subjects in index order', () => {
    const p = planMerge([shard(3, 3), shard(1, 3), shard(2, 3)]);
    expect(p.subjects.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
    expect(p.files.length).toBe(5);
  });
  it('refuses a missing shard, a duplicate shard and shards of another spec', () => {
    expect(() => planMerge([shard(1, 3), shard(3, 3)])).toThrow(KinetwinError);
    expect(() => planMerge([shard(1, 3), shard(1, 3), shard(3, 3)])).toThrow(/overlaps/);
    const other = { ...shard(2, 3), specHash: '00'.repeat(32) };
    expect(() => planMerge([shard(1, 3), other, shard(3, 3)])).toThrow(/different spec/);
  });
});
