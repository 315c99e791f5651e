import { describe, expect, it } from 'vitest';
import { quietWindow } from '../../../src/core/jump/quietWindow';

describe('quietWindow', () => {
  it('prefers 1 s of quiet standing and falls back to 0.5 s when standing was shorter', () => {
    const rate = 100;
    const long = Float64Array.from({ length: 300 }, (_, i) => (i < 150 ? 700 + (i % 2) : 700 + 200 * Math.sin(i)));
    expect(quietWindow(long, rate, 0, 300)).toMatchObject({ start: 0, end: 100 });
    const short = Float64Array.from({ length: 300 }, (_, i) => (i >= 100 && i < 160 ? 650 : 700 + 200 * Math.sin(i)));
    expect(quietWindow(short, rate, 0, 300)).toMatchObject({ start: 100, end: 150, mean: 650, sd: 0 }); // earliest 0.5 s
  });

  it('returns null when nothing is quiet (SD over 2.5 % of the mean in every window)', () => {
    const moving = Float64Array.from({ length: 300 }, (_, i) => 700 + 100 * Math.sin(i / 3));
    expect(quietWindow(moving, 100, 0, 300)).toBeNull();
  });
});
