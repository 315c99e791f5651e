import { describe, expect, it } from 'vitest';
import { dailyLoads } from '../../../src/core/load/dailyLoads';
import { KinetwinError } from '../../../src/core/errors';

describe('dailyLoads', () => {
  it('sums sessions per day and fills rest days with 0, across a leap day', () => {
    const d = dailyLoads([
      { date: '2024-03-01', load: 400 },
      { date: '2024-02-28', load: 300 },
      { date: '2024-02-28T18:00', load: 200 },
    ]);
    expect(d.dates).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(Array.from(d.loads)).toEqual([500, 0, 400]);
  });

  it('extends the series to the given start and end with rest days, and drops sessions outside', () => {
    const d = dailyLoads([{ date: '2024-01-03', load: 100 }, { date: '2024-01-09', load: 50 }], { start: '2024-01-01', end: '2024-01-07' });
    expect(d.dates.length).toBe(7);
    expect(Array.from(d.loads)).toEqual([0, 0, 100, 0, 0, 0, 0]);
  });

  it('throws KinetwinError for impossible dates, negative loads and reversed ranges', () => {
    expect(() => dailyLoads([{ date: '2023-02-29', load: 1 }])).toThrow(KinetwinError);
    expect(() => dailyLoads([{ date: '03/01/2024', load: 1 }])).toThrow(KinetwinError);
    expect(() => dailyLoads([{ date: '2024-01-01', load: -5 }])).toThrow(KinetwinError);
    expect(() => dailyLoads([], { start: '2024-02-01', end: '2024-01-01' })).toThrow(KinetwinError);
    expect(() => dailyLoads([{ date: '0001-01-01', load: 1 }, { date: '9999-01-01', load: 1 }])).toThrow(/too long/);
  });
});
