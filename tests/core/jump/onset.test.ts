import { describe, expect, it } from 'vitest';
import { findOnset } from '../../../src/core/jump/onset';

describe('findOnset (Owen et al. 2014)', () => {
  it('walks back from the first sample beyond the threshold to where force left body weight', () => {
    // BW 700; dips from sample 10: 698, 690, 670 (beyond 20 N), …
    const x = Float64Array.from([700, 701, 699, 700, 702, 700, 700, 701, 700, 700, 698, 690, 670, 600, 500]);
    expect(findOnset(x, 700, 20, 0, x.length)).toBe(10);
  });

  it('finds an upward departure the same way (squat jump push)', () => {
    const x = Float64Array.from([700, 699, 703, 710, 730, 800]);
    expect(findOnset(x, 700, 20, 0, x.length)).toBe(2);
  });

  it('returns −1 when force never departs before `to`', () => {
    expect(findOnset(new Float64Array(10).fill(700), 700, 5, 0, 10)).toBe(-1);
  });
});
