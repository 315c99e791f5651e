import { describe, expect, it } from 'vitest';
import { handVariantFromFlags } from '../../src/cli/commands/simulate.js';
import { KinetwinError } from '../../src/core/errors.js';

describe('simulate hand variant flags', () => {
  it('parses absent digits, cut digits, fused pairs, extra digit and shortened bones', () => {
    const v = handVariantFromFlags({ positionals: [], flags: { absent: '3,4', 'absent-from': '2:pip,5:DIP', fused: '3,4', extra: true, short: '5:middle:0.5' } });
    expect(v).toEqual({
      absent: [3, 4], absentFrom: [{ digit: 2, joint: 'pip' }, { digit: 5, joint: 'dip' }], fused: [[3, 4]], extra: true,
      shortened: [{ digit: 5, bone: 'middle', factor: 0.5 }],
    });
  });

  it('rejects malformed values with a KinetwinError', () => {
    expect(() => handVariantFromFlags({ positionals: [], flags: { absent: 'x' } })).toThrow(KinetwinError);
    expect(() => handVariantFromFlags({ positionals: [], flags: { 'absent-from': '2' } })).toThrow(/DIGIT:JOINT/);
    expect(() => handVariantFromFlags({ positionals: [], flags: { fused: '3' } })).toThrow(/pairs/);
  });
});
