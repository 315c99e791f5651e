import { describe, expect, it } from 'vitest';
import { sessionLoad } from '../../../src/core/load/sessionLoad';
import { KinetwinError } from '../../../src/core/errors';

describe('sessionLoad', () => {
  it('is session RPE × minutes (Foster 1998): RPE 7 for 60 min = 420 AU', () => {
    expect(sessionLoad(7, 60)).toBe(420);
    expect(sessionLoad(0, 90)).toBe(0);
  });

  it('throws KinetwinError for an RPE outside CR-10 or a negative duration', () => {
    expect(() => sessionLoad(11, 60)).toThrow(KinetwinError);
    expect(() => sessionLoad(5, -1)).toThrow(KinetwinError);
    expect(() => sessionLoad(Number.NaN, 10)).toThrow(KinetwinError);
  });
});
