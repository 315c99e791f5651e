// Load monitoring from session loads (REFERENCE.md §4): daily load, weekly monotony and strain (Foster 1998),
// acute:chronic workload ratios — rolling 7/28-day means, coupled and uncoupled, and EWMA with
// λ = 2/(N+1), N = 7 and 28 (Williams et al. 2017, BJSM 51:209). Ratios are reported, not judged.

import { acwrEwma } from '../../load/acwrEwma';
import { acwrRolling } from '../../load/acwrRolling';
import { monotony as weekMonotony } from '../../load/monotony';
import type { TrainingLogRow } from './read';
import { isoDate } from './dates';

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

export interface DailyLoad {
  date: string; // ISO
  load: number; // AU, sum of the day's session loads; 0 on rest days
  acute7: number | null; // mean daily load of the last 7 days (today included), null before 7 days exist
  chronic28: number | null; // mean of the last 28 days, null before 28 days exist
  acwrCoupled: number | null; // acute7 / chronic28
  acwrUncoupled: number | null; // acute7 / mean of days −27…−7 (the 21 days before the acute week)
  ewmaAcute: number; // EWMA, λ = 2/8, started at the first day's load
  ewmaChronic: number; // EWMA, λ = 2/29
  acwrEwma: number | null; // ewmaAcute / ewmaChronic, null before 28 days or when the chronic EWMA is 0
}

export interface WeeklyLoad {
  weekStart: string; // ISO date of the Monday
  days: number; // days of the week inside the logged span (7 for a complete week)
  load: number; // AU, weekly total
  mean: number; // mean daily load
  sd: number | null; // sample SD (n − 1) of the 7 daily loads; null for incomplete weeks
  monotony: number | null; // mean / SD; null for incomplete weeks or SD = 0
  strain: number | null; // weekly load × monotony
}

export interface AthleteLoad {
  athlete: string;
  days: DailyLoad[];
  weeks: WeeklyLoad[];
  skippedSessions: number; // sessions without a date or a load
}

function sampleSd(values: Float64Array): number {
  const m = mean(values, 0, values.length);
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return Math.sqrt(ss / (values.length - 1));
}

function mean(values: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i];
  return s / (to - from);
}

/** Daily, weekly and ACWR series per athlete (athletes in order of first appearance). */
export function loadMonitoring(rows: TrainingLogRow[]): AthleteLoad[] {
  const byAthlete = new Map<string, TrainingLogRow[]>();
  for (const r of rows) {
    const list = byAthlete.get(r.athlete) ?? [];
    list.push(r);
    byAthlete.set(r.athlete, list);
  }
  const out: AthleteLoad[] = [];
  for (const [athlete, sessions] of byAthlete) {
    const valid = sessions.filter((s) => s.day !== null && Number.isFinite(s.load));
    const skippedSessions = sessions.length - valid.length;
    if (valid.length === 0) { out.push({ athlete, days: [], weeks: [], skippedSessions }); continue; }
    const first = Math.min(...valid.map((s) => s.day as number));
    const last = Math.max(...valid.map((s) => s.day as number));
    const n = last - first + 1;
    const load = new Float64Array(n); // AU per day, rest days 0
    for (const s of valid) load[(s.day as number) - first] += s.load;

    // the formulas live in src/core/load; this adds dates, per-athlete grouping and nulls for "not yet defined"
    const coupled = acwrRolling(load, { acute: 7, chronic: 28, coupled: true });
    const uncoupled = acwrRolling(load, { acute: 7, chronic: 28, coupled: false });
    const ewma = acwrEwma(load, { acute: 7, chronic: 28 });
    const days: DailyLoad[] = [];
    for (let i = 0; i < n; i++) {
      const acute7 = i >= 6 ? mean(load, i - 6, i + 1) : null;
      days.push({
        date: isoDate(first + i), load: load[i], acute7, chronic28: finiteOrNull(coupled.chronic[i]),
        acwrCoupled: coupled.chronic[i] > 0 ? finiteOrNull(coupled.ratio[i]) : null,
        acwrUncoupled: uncoupled.chronic[i] > 0 ? finiteOrNull(uncoupled.ratio[i]) : null,
        ewmaAcute: ewma.acute[i], ewmaChronic: ewma.chronic[i],
        acwrEwma: i >= 27 && ewma.chronic[i] > 0 ? ewma.ratio[i] : null,
      });
    }

    // Monday-aligned weeks (1970-01-01, day 0, was a Thursday: Monday = day − ((day + 3) mod 7))
    const weeks: WeeklyLoad[] = [];
    for (let monday = first - ((first + 3) % 7); monday <= last; monday += 7) {
      const from = Math.max(monday, first);
      const to = Math.min(monday + 6, last);
      let total = 0;
      for (let d = from; d <= to; d++) total += load[d - first];
      const count = to - from + 1;
      const week = load.subarray(from - first, to - first + 1);
      const monotony = count === 7 ? finiteOrNull(weekMonotony(week)) : null;
      const sd = count === 7 ? sampleSd(week) : null;
      weeks.push({ weekStart: isoDate(monday), days: count, load: total, mean: total / count, sd, monotony, strain: monotony === null ? null : total * monotony });
    }
    out.push({ athlete, days, weeks, skippedSessions });
  }
  return out;
}
