// Shards: `k/N` splits a cohort of `size` subjects into N contiguous index ranges, the first (size mod N) one longer.
import { KinetwinError } from '../errors';

export interface ShardRange {
  k: number; // 1-based shard number
  n: number; // shard count
  start: number; // first subject index (inclusive)
  end: number; // last subject index + 1
}

/** Parse 'k/N' (1 ≤ k ≤ N ≤ 100000). */
export function parseShard(text: string): { k: number; n: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new KinetwinError(`shard must look like k/N (e.g. 2/3), got '${text}'`);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || n > 100_000 || k < 1 || k > n) throw new KinetwinError(`shard ${k}/${n} is not within 1..N (N ≤ 100000)`);
  return { k, n };
}

/** Subject index range of shard k of n over `size` subjects. */
export function shardRange(size: number, k: number, n: number): ShardRange {
  if (!Number.isInteger(size) || size < 0) throw new KinetwinError(`cohort size must be a non-negative integer, got ${size}`);
  if (!Number.isInteger(k) || !Number.isInteger(n) || n < 1 || k < 1 || k > n) throw new KinetwinError(`shard ${k}/${n} is not within 1..N`);
  const base = Math.floor(size / n);
  const extra = size % n;
  const start = (k - 1) * base + Math.min(k - 1, extra);
  return { k, n, start, end: start + base + (k <= extra ? 1 : 0) };
}
