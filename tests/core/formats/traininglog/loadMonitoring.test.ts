import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMonitoring } from '../../../../src/core/formats/traininglog/loadMonitoring';
import { readTrainingLog, type TrainingLogRow } from '../../../../src/core/formats/traininglog/read';
import { dayNumber } from '../../../../src/core/formats/traininglog/dates';
import { repoRoot } from '../../../helpers/shared';

function session(day: number, load: number, athlete = 'A'): TrainingLogRow {
  return { line: 0, date: null, day, athlete, sessionType: '', minutes: Number.NaN, srpe: Number.NaN, load, sleepHours: Number.NaN, nutrition: '', injury: null, injuryNote: '', notes: '' };
}
const jan1 = dayNumber(2024, 1, 1)!; // a Monday

describe('loadMonitoring', () => {
  it('monotony = mean / sample SD and strain = weekly load × monotony (Foster 1998)', () => {
    const rows = [100, 200, 300, 400, 500, 600, 700].map((l, i) => session(jan1 + i, l));
    const [a] = loadMonitoring(rows);
    expect(a.weeks.length).toBe(1);
    const w = a.weeks[0];
    expect(w.weekStart).toBe('2024-01-01');
    expect(w.load).toBe(2800);
    expect(w.sd).toBeCloseTo(Math.sqrt(280000 / 6), 9);
    expect(w.monotony).toBeCloseTo(400 / Math.sqrt(280000 / 6), 9);
    expect(w.strain).toBeCloseTo(2800 * 400 / Math.sqrt(280000 / 6), 6);
  });

  it('rest days count as 0 and two sessions on one day add up', () => {
    const [a] = loadMonitoring([session(jan1, 300), session(jan1, 200), session(jan1 + 2, 100)]);
    expect(a.days.map((d) => d.load)).toEqual([500, 0, 100]);
  });

  it('a constant load gives ACWR 1 by every method once 28 days exist, null before', () => {
    const rows = Array.from({ length: 35 }, (_, i) => session(jan1 + i, 300));
    const [a] = loadMonitoring(rows);
    expect(a.days[26].acwrCoupled).toBeNull();
    expect(a.days[26].acwrEwma).toBeNull();
    expect(a.days[6].acute7).toBe(300);
    for (const d of a.days.slice(27)) {
      expect(d.acwrCoupled).toBe(1);
      expect(d.acwrUncoupled).toBe(1);
      expect(d.acwrEwma).toBe(1);
    }
    expect(a.weeks[0].monotony).toBeNull(); // SD 0
  });

  it('EWMA follows λ = 2/(N+1) from the first day (Williams et al. 2017)', () => {
    const [a] = loadMonitoring([session(jan1, 100), session(jan1 + 1, 0)]);
    expect(a.days[1].ewmaAcute).toBeCloseTo(0.75 * 100, 12);
    expect(a.days[1].ewmaChronic).toBeCloseTo((1 - 2 / 29) * 100, 12);
  });

  it('an acute spike: coupled and uncoupled ratios from hand-computed means', () => {
    const rows = Array.from({ length: 28 }, (_, i) => session(jan1 + i, i >= 21 ? 600 : 300));
    const d = loadMonitoring(rows)[0].days[27];
    expect(d.acute7).toBe(600);
    expect(d.chronic28).toBe((21 * 300 + 7 * 600) / 28);
    expect(d.acwrCoupled).toBeCloseTo(600 / 375, 12);
    expect(d.acwrUncoupled).toBeCloseTo(2, 12);
  });

  it('works per athlete on a real log, skipping sessions without a date or load', () => {
    const log = readTrainingLog(readFileSync(`${repoRoot}/tests/fixtures/text/traininglog_teamsheet.csv`));
    const result = loadMonitoring(log.rows);
    expect(result.map((r) => r.athlete)).toEqual(['ATH-017', 'ATH-023']);
    const a = result[0];
    expect(a.days.map((d) => d.load)).toEqual([540, 225, 60, 600, 0, 855]);
    expect(a.weeks).toMatchObject([{ weekStart: '2024-03-04', days: 6, load: 2280, monotony: null }]);
    expect(result[1].skippedSessions).toBe(2);
  });
});
