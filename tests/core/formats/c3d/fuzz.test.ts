import { describe, expect, it } from 'vitest';
import { readShared } from '../../../helpers/shared';
import { mutate, prng, runCase } from './fuzzCases';

const SEEDS = [
  ['c3d_org', 'sample02', 'pc_real.c3d'],
  ['c3d_org', 'sample02', 'dec_int.c3d'],
  ['c3d_org', 'sample02', 'sgi_real.c3d'],
  ['c3d_org', 'sample08', 'TESTBPI.c3d'],
  ['c3d_org', 'sample10', 'TYPE-4.C3D'],
  ['c3d_org', 'sample27', 'kyowadengyo.c3d'],
  ['c3d_org', 'sample28', 'dynamic.C3D'],
];

describe('readC3d on mutated and truncated files', () => {
  it('returns a Trial or throws KinetwinError for 350 cases, each under 1 s and without outsized allocations', () => {
    const rnd = prng(20261125);
    const counts = { trial: 0, rejected: 0 };
    for (const seed of SEEDS) {
      const bytes = readShared(...seed);
      for (let i = 0; i < 50; i++) {
        const { bytes: input, how } = mutate(bytes, rnd);
        const out = runCase(input);
        if (out.result === 'crash') throw new Error(`${seed.join('/')} ${how}: ${out.message}`);
        counts[out.result]++;
        expect(out.ms, `${seed.join('/')} ${how}`).toBeLessThan(1000);
        // decoded arrays are bounded by the data present: ≤ 4 bytes out per 2-byte int16 in, ×(3+1+¼)/4 per point
        expect(out.heldBytes, `${seed.join('/')} ${how}`).toBeLessThanOrEqual(4 * input.length + (1 << 20));
      }
    }
    expect(counts.trial).toBeGreaterThan(50);
    expect(counts.rejected).toBeGreaterThan(3); // most mutations are tolerated with warnings
  });
});
