import { describe, expect, it } from 'vitest';
import { mulhi32, philox4x32 } from '../../../src/core/random/philox';

// Known-answer vectors from Random123's kat_vectors (Salmon et al. 2011): counter[4] key[2] → output[4].
const KAT: [number[], number[], number[]][] = [
  [[0, 0, 0, 0], [0, 0], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]],
  [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]],
  [[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0], [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]],
];

describe('philox4x32', () => {
  it('mulhi32 gives the high word of the exact 64-bit product', () => {
    for (const [a, b] of [[0xffffffff, 0xffffffff], [0xd2511f53, 0x12345678], [1, 1], [0x80000000, 2]]) {
      expect(mulhi32(a, b)).toBe(Number((BigInt(a) * BigInt(b)) >> 32n));
    }
  });

  for (const [ctr, key, want] of KAT) {
    it(`matches the Random123 known answer for counter ${ctr.map((w) => w.toString(16)).join(' ')}`, () => {
      const out = philox4x32(ctr, key, new Uint32Array(4));
      expect(Array.from(out)).toEqual(want);
    });
  }
});
