import { KinetwinError } from '../errors';

export interface DatedLoad {
  date: string; // 'YYYY-MM-DD' (a longer ISO string is cut to its date as written, no time-zone shift)
  load: number; // AU, e.g. sessionLoad()
}

export interface DailyLoads {
  dates: string[]; // consecutive calendar days, 'YYYY-MM-DD'
  loads: Float64Array; // AU per day, sum of that day's sessions; 0 on rest days
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 36_600; // 100 years: refuse absurd spans instead of allocating them

// Sums sessions per calendar day over consecutive days from the first (or `start`) to the last (or `end`)
// date, rest days 0 — the series monotony, strain and the ACWR need (Foster 1998; Williams et al. 2017).
export function dailyLoads(sessions: readonly DatedLoad[], options: { start?: string; end?: string } = {}): DailyLoads {
  const days = sessions.map((s) => dayNumber(s.date));
  sessions.forEach((s) => {
    if (!Number.isFinite(s.load) || s.load < 0) throw new KinetwinError(`load on ${s.date} must be a number ≥ 0, got ${s.load}`);
  });
  if (days.length === 0 && (options.start === undefined || options.end === undefined)) return { dates: [], loads: new Float64Array(0) };
  const first = options.start !== undefined ? dayNumber(options.start) : Math.min(...days);
  const last = options.end !== undefined ? dayNumber(options.end) : Math.max(...days);
  if (last < first) throw new KinetwinError(`end date ${options.end ?? isoDay(last)} is before start date ${options.start ?? isoDay(first)}`);
  if (last - first + 1 > MAX_DAYS) throw new KinetwinError(`date span of ${last - first + 1} days is too long`);
  const loads = new Float64Array(last - first + 1);
  days.forEach((d, k) => {
    if (d >= first && d <= last) loads[d - first] += sessions[k].load;
  });
  return { dates: Array.from(loads, (_, i) => isoDay(first + i)), loads };
}

// Days since 1970-01-01 of a 'YYYY-MM-DD' date, validated (no 2023-02-30).
function dayNumber(date: string): number {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) throw new KinetwinError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(0);
  back.setUTCFullYear(y, mo - 1, d); // Date.UTC would read years 0–99 as 1900–1999
  const ms = back.getTime();
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new KinetwinError(`no such date: ${date}`);
  return Math.round(ms / DAY_MS);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
