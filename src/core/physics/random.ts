// Counter-based random numbers: draw k of sample i depends only on (seed, i, k), so samples can be made in
// any order, in parallel, or one at a time and still give the same bytes. 32-bit integer hashing only
// (Math.imul), no state beyond three counters, no allocation per draw.

/** The "lowbias32" finaliser (C. Wellons, hash-prospector, 2018): a 32-bit → 32-bit bijective mixer. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

/** A stream of uniform numbers keyed by (seed, stream index); `next()` advances the draw counter. */
export class CounterRandom {
  private readonly key: number;
  private counter = 0;

  constructor(seed: number, stream: number) {
    const s = Math.trunc(seed);
    // Fold 53 bits of the seed and 32 of the stream index through the mixer (golden-ratio increments, splitmix-style).
    const lo = s >>> 0;
    const hi = Math.floor(s / 4294967296) >>> 0;
    this.key = mix32(mix32(lo ^ 0x9e3779b9) ^ mix32(hi + 0x7f4a7c15) ^ mix32(Math.imul(stream >>> 0, 0x9e3779b9) + 0x632be5ab));
  }

  /** Uniform in [0, 1) with 53 random bits. */
  next(): number {
    const c = this.counter;
    this.counter = c + 2;
    const a = mix32(this.key ^ mix32(Math.imul(c, 0x9e3779b9) + 0x85ebca6b));
    const b = mix32(this.key ^ mix32(Math.imul(c + 1, 0x9e3779b9) + 0x85ebca6b));
    return ((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Standard normal (Box–Muller; uses two draws). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
