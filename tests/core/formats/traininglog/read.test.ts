import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../../src/core/errors';
import { readTrainingLog } from '../../../../src/core/formats/traininglog/read';
import { parseDate, isoDate } from '../../../../src/core/formats/traininglog/dates';
import { repoRoot } from '../../../helpers/shared';

const fixture = (name: string) => readFileSync(`${repoRoot}/tests/fixtures/text/${name}`);

describe('readTrainingLog', () => {
  it('a team sheet (comma, ISO dates): loads = sRPE × minutes, bad dates and out-of-range sRPE warned', () => {
    const log = readTrainingLog(fixture('traininglog_teamsheet.csv'));
    expect(log.rows.length).toBe(9);
    const [first] = log.rows;
    expect(first).toMatchObject({ date: '2024-03-04', athlete: 'ATH-017', sessionType: 'Training', minutes: 90, srpe: 6, load: 540, sleepHours: 7.5, nutrition: 'good', injury: false });
    expect(log.rows[3]).toMatchObject({ athlete: 'ATH-023', injury: true, injuryNote: 'hamstring tightness, monitored', load: 180 });
    expect(log.rows[7]).toMatchObject({ injury: true, injuryNote: '' });
    expect(Number.isNaN(log.rows[7].srpe) && Number.isNaN(log.rows[7].load)).toBe(true);
    expect(log.rows[8].date).toBeNull();
    expect(log.warnings).toEqual([
      'row 9: sRPE 12 is outside the CR-10 range 0–10; ignored',
      "row 10: date '2024-02-30' is not a valid date",
    ]);
  });

  it('a European export (semicolon, DD.MM.YYYY, decimal commas, preamble, German headers)', () => {
    const log = readTrainingLog(fixture('traininglog_eu_semicolon.csv'));
    expect(log.rows.length).toBe(5);
    expect(log.rows.map((r) => r.date)).toEqual(['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-13']);
    expect(log.rows[0]).toMatchObject({ athlete: 'P07', minutes: 80, srpe: 6.5, load: 520, sleepHours: 7.5, nutrition: '4', injury: false, line: 4 });
    expect(Number.isNaN(log.rows[2].load)).toBe(true);
    expect(log.rows[3].injury).toBe(true);
    expect(log.rows[4].load).toBe(765);
    expect(log.warnings).toEqual([]);
  });

  it('a tracker export (tab, MM/DD/YYYY, duration in hours or h:mm)', () => {
    const log = readTrainingLog(fixture('traininglog_tracker.tsv'));
    expect(log.rows.map((r) => r.date)).toEqual(['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-13']);
    expect(log.rows.map((r) => r.minutes)).toEqual([60, 75, 45, 120]);
    expect(log.rows.map((r) => r.load)).toEqual([180, 525, 270, 600]);
    expect(log.rows.map((r) => r.injury)).toEqual([false, false, true, false]);
    expect(log.rows[0].sleepHours).toBe(8);
    expect(log.mapping.map((m) => m.field)).toEqual(['date', 'athlete', 'session_type', 'minutes', 'srpe', 'sleep_hours', 'nutrition', 'injury']);
  });

  it('rejects files without a recognisable header', () => {
    expect(() => readTrainingLog('')).toThrow(KinetwinError);
    expect(() => readTrainingLog('foo,bar\n1,2\n')).toThrow(/header/);
  });
});

describe('parseDate', () => {
  it('reads ISO, day-first, month-first, month names and Excel serials; rejects impossible dates', () => {
    expect(isoDate(parseDate('2024-02-29')!)).toBe('2024-02-29');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(isoDate(parseDate('01/03/2024')!)).toBe('2024-03-01');
    expect(isoDate(parseDate('01/03/2024', 'mdy')!)).toBe('2024-01-03');
    expect(isoDate(parseDate('1 Mar 2024')!)).toBe('2024-03-01');
    expect(isoDate(parseDate('Mar 1, 2024')!)).toBe('2024-03-01');
    expect(isoDate(parseDate('45000')!)).toBe('2023-03-15');
    expect(parseDate('yesterday')).toBeNull();
  });
});
