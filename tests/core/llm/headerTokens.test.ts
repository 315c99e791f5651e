import { describe, expect, it } from 'vitest';
import { normaliseHeader, splitHeaderUnit, tokenizeHeader } from '../../../src/core/llm/headerTokens';

describe('header tokens', () => {
  it('splitHeaderUnit separates bracketed, comma and suffix units', () => {
    expect(splitHeaderUnit('Fz [N]')).toEqual({ name: 'Fz', unitText: 'N', unit: 'N' });
    expect(splitHeaderUnit('RT TIB.ANT., uV')).toMatchObject({ name: 'RT TIB.ANT.', unit: 'µV' });
    expect(splitHeaderUnit('knee_angle_deg')).toMatchObject({ name: 'knee_angle', unit: 'deg' });
  });
  it('splitHeaderUnit leaves brackets that are not units in the name', () => {
    expect(splitHeaderUnit('Sleep Quality (1-5)')).toEqual({ name: 'Sleep Quality (1-5)', unitText: null, unit: null });
    expect(splitHeaderUnit('Mat[1][1]').unit).toBeNull();
  });
  it('tokenizeHeader splits camelCase, digits and punctuation but keeps device ids whole', () => {
    expect(tokenizeHeader('Mia:LHipAngles')).toEqual(['mia', 'l', 'hip', 'angles']);
    expect(tokenizeHeader('Fz1')).toEqual(['fz', '1']);
    expect(tokenizeHeader('Shimmer_8F7A_Gyro_X')).toEqual(['shimmer', '8f7a', 'gyro', 'x']);
  });
  it('normaliseHeader gives one key for differently written headers', () => {
    expect(normaliseHeader('Fz [N]')).toBe(normaliseHeader('FZ (N)'));
    expect(normaliseHeader('Hours of sleep')).toBe('hours_of_sleep');
  });
});
