import { describe, expect, it } from 'vitest';
import { isCanonicalUnit, normaliseUnit } from '../../../src/core/llm/units';

describe('normaliseUnit', () => {
  it('maps vendor spellings onto one canonical unit', () => {
    expect(normaliseUnit('N.mm')).toBe('N·mm');
    expect(normaliseUnit('Nm')).toBe('N·m');
    expect(normaliseUnit('N-m')).toBe('N·m');
    expect(normaliseUnit('m/s^2')).toBe('m/s²');
    expect(normaliseUnit('m/(s^2)')).toBe('m/s²');
    expect(normaliseUnit('uV')).toBe('µV');
    expect(normaliseUnit('μV')).toBe('µV');
    expect(normaliseUnit('deg C')).toBe('°C');
    expect(normaliseUnit('[deg]')).toBe('deg');
    expect(normaliseUnit('lbs')).toBe('lb');
  });
  it("keeps Noraxon's milli-g apart from grams by case", () => {
    expect(normaliseUnit('mG')).toBe('mg');
    expect(normaliseUnit('g')).toBe('g');
  });
  it('returns null for what is not a unit', () => {
    expect(normaliseUnit('1-5')).toBeNull();
    expect(normaliseUnit('rMSSD')).toBeNull();
    expect(normaliseUnit('')).toBeNull();
    expect(normaliseUnit(null)).toBeNull();
  });
  it('recognises only canonical spellings as canonical', () => {
    expect(isCanonicalUnit('N·m')).toBe(true);
    expect(isCanonicalUnit('Nm')).toBe(false);
  });
});
