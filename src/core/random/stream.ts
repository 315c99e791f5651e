// A reproducible random stream for one (seed, index, substream): Philox4x32-10 in counter mode.
// Key = seed (53-bit integer → 2 words); counter = [block, substream, index low, index high]. Sample i of a
// cohort gets streamFor(seed, i): its numbers never depend on how many samples were drawn before it, so shards
// and resumed runs reproduce the same subjects.
import { KinetwinError } from '../errors';
import { philox4x32 } from './philox';

const TWO32 = 4294967296;
const TWO53 = 9007199254740992;

/** Split a non-negative safe integer into [low 32 bits, high 21 bits]. */
function splitSafeInteger(value: number, what: string): [number, number] {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new KinetwinError(`${what} must be a non-negative safe integer, got ${value}`);
  }
  return [value % TWO32 >>> 0, Math.floor(value / TWO32) >>> 0];
}

export class RandomStream {
  private readonly key = new Uint32Array(2);
  private readonly ctr = new Uint32Array(4);
  private readonly block = new Uint32Array(4);
  private used = 4; // words of `block` consumed
  private spareNormal = NaN; // second Box–Muller deviate, NaN when none cached

  constructor(seed: number, index: number, substream = 0) {
    const [s0, s1] = splitSafeInteger(seed, 'seed');
    const [i0, i1] = splitSafeInteger(index, 'index');
    if (!Number.isInteger(substream) || substream < 0 || substream >= TWO32) {
      throw new KinetwinError(`substream must be a uint32, got ${substream}`);
    }
    this.key[0] = s0;
    this.key[1] = s1;
    this.ctr[1] = substream >>> 0;
    this.ctr[2] = i0;
    this.ctr[3] = i1;
  }

  /** Next uint32 in [0, 2^32). */
  nextUint32(): number {
    if (this.used === 4) {
      philox4x32(this.ctr, this.key, this.block);
      this.ctr[0] = (this.ctr[0] + 1) >>> 0;
      if (this.ctr[0] === 0) throw new KinetwinError('random stream exhausted (2^32 blocks)');
      this.used = 0;
    }
    return this.block[this.used++];
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO53;
  }

  /** Uniform double in (0, 1): never 0, safe for log(). */
  nextOpenDouble(): number {
    let u = this.nextDouble();
    while (u === 0) u = this.nextDouble();
    return u;
  }

  /** Uniform double in [lo, hi). */
  nextUniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.nextDouble();
  }

  /** Standard normal deviate (Box & Muller 1958, Ann Math Stat 29:610); pairs are cached. */
  nextNormal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(this.nextOpenDouble()));
    const theta = 2 * Math.PI * this.nextDouble();
    this.spareNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** Unbiased integer in [0, n), n ≤ 2^32 (rejection sampling, no modulo bias). */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > TWO32) throw new KinetwinError(`nextInt bound must be in 1..2^32, got ${n}`);
    const limit = TWO32 - (TWO32 % n); // accept u < limit
    for (;;) {
      const u = this.nextUint32();
      if (u < limit) return u % n;
    }
  }

  /** Integer in [lo, hi] inclusive. */
  nextIntBetween(lo: number, hi: number): number {
    return lo + this.nextInt(hi - lo + 1);
  }

  /** True with probability p. */
  nextBernoulli(p: number): boolean {
    return this.nextDouble() < p;
  }

  /** One element of a non-empty array, uniformly; with `weights`, proportionally to them. */
  choice<T>(items: readonly T[], weights?: readonly number[]): T {
    if (items.length === 0) throw new KinetwinError('choice from an empty list');
    if (!weights) return items[this.nextInt(items.length)];
    if (weights.length !== items.length) throw new KinetwinError('choice: weights and items differ in length');
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new KinetwinError('choice: weights must be finite and ≥ 0');
      total += w;
    }
    if (total <= 0) throw new KinetwinError('choice: weights sum to 0');
    let u = this.nextDouble() * total;
    for (let i = 0; i < items.length; i++) {
      u -= weights[i];
      if (u < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** Fisher–Yates shuffle in place (Durstenfeld 1964). */
  shuffle<T>(items: T[] | Int32Array | Uint32Array | Float64Array): typeof items {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }
}

/** The stream of sample `index` under `seed`; `substream` separates purposes (e.g. anthropometry vs pose). */
export function streamFor(seed: number, index: number, substream = 0): RandomStream {
  return new RandomStream(seed, index, substream);
}

/** A permutation of 0..n-1 determined by (seed, substream) only. */
export function seededPermutation(n: number, seed: number, substream = 0): Uint32Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new KinetwinError(`permutation size must be a non-negative integer, got ${n}`);
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  // index 2^53 − 1 is reserved for whole-cohort draws so it never collides with a sample index
  streamFor(seed, Number.MAX_SAFE_INTEGER, substream).shuffle(perm);
  return perm;
}
