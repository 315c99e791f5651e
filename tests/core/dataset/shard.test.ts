import { describe, expect, it } from 'vitest';
import { parseShard, shardRange } from '../../../src/core/dataset/shard';
import { KinetwinError } from '../../../src/core/errors';

describe('shardRange(size, k, n)', () => {
  it('tiles 0..size contiguously, the first size mod n shards one longer', () => {
    const r = [1, 2, 3].map((k) => shardRange(10, k, 3));
    expect(r.map((x) => [x.start, x.end])).toEqual([[0, 4], [4, 7], [7, 10]]);
  });
  it('gives empty shards when there are more shards than subjects', () => {
    expect([1, 2, 3].map((k) => shardRange(2, k, 3)).map((x) => x.end - x.start)).toEqual([1, 1, 0]);
  });
  it('covers every index exactly once for many sizes', () => {
    for (const size of [1, 7, 100, 1001]) for (const n of [1, 2, 3, 8]) {
      let next = 0;
      for (let k = 1; k <= n; k++) { const s = shardRange(size, k, n); expect(s.start).toBe(next); next = s.end; }
      expect(next).toBe(size);
    }
  });
});

describe('parseShard(text)', () => {
  it('reads k/N', () => expect(parseShard('2/3')).toEqual({ k: 2, n: 3 }));
  it.each(['0/3', '4/3', '3', 'a/b', '1/0', '-1/2'])('rejects %s with a KinetwinError', (t) => expect(() => parseShard(t)).toThrow(KinetwinError));
});
