import { describe, expect, it } from 'vitest';
import { bestMatch, editDistance, similarity } from '../../../src/core/llm/fuzzy';

describe('fuzzy matching', () => {
  it('editDistance counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('sleep', 'slepe')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
  it('similarity is 1 − distance / longer length', () => {
    expect(similarity('total distance', 'totl distance')).toBeCloseTo(1 - 1 / 14, 12);
    expect(similarity('', '')).toBe(1);
  });
  it('bestMatch returns the closest candidate above the threshold, or null', () => {
    expect(bestMatch('sleap hours', ['sleep hours', 'sleep quality', 'hours slept'], 0.8)).toEqual({ candidate: 'sleep hours', score: 1 - 1 / 11 });
    expect(bestMatch('zzz', ['sleep hours'], 0.8)).toBeNull();
  });
});
