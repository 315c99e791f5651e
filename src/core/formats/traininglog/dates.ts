// Calendar dates of training logs as ISO strings and UTC day numbers (days since 1970-01-01).

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  januar: 1, januari: 1, janvier: 1, mrz: 3, mär: 3, maerz: 3, mai: 5, juni: 6, juli: 7, okt: 10, dez: 12,
};

export type DayOrder = 'dmy' | 'mdy';

/** Day number (UTC days since 1970-01-01) of a valid calendar date, else null. */
export function dayNumber(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / 86400000);
}

/** ISO 'YYYY-MM-DD' of a day number. */
export function isoDate(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** The numeric parts of a slash/dot/dash date 'a/b/yyyy', or null. */
function numericParts(text: string): [number, number, number] | null {
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[3]);
  return [Number(m[1]), Number(m[2]), m[3].length === 2 ? 2000 + y : y];
}

/** Whether a column of dates reads day-first or month-first (first part > 12 → dmy; second > 12 → mdy; else dmy). */
export function dayOrder(texts: string[]): { order: DayOrder; ambiguous: boolean } {
  let dmy = false;
  let mdy = false;
  for (const t of texts) {
    const p = numericParts(t);
    if (!p || t.includes('-')) continue;
    if (p[0] > 12) dmy = true;
    if (p[1] > 12) mdy = true;
  }
  if (mdy && !dmy) return { order: 'mdy', ambiguous: false };
  return { order: 'dmy', ambiguous: !dmy && !mdy && texts.some((t) => numericParts(t) !== null && !t.includes('-')) };
}

/** Parse ISO (2024-03-01, 2024/03/01, with optional time), d/m/y or m/d/y (`order`), '1 Mar 2024', 'Mar 1, 2024', or an Excel serial day. */
export function parseDate(text: string, order: DayOrder = 'dmy'): number | null {
  const t = text.trim();
  if (t === '') return null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  const p = numericParts(t);
  if (p) return order === 'dmy' ? dayNumber(p[2], p[1], p[0]) : dayNumber(p[2], p[0], p[1]);
  m = /^(\d{1,2})\.?\s+([A-Za-zä]+)\.?,?\s+(\d{4})$/.exec(t);
  if (m && MONTHS[m[2].toLowerCase().slice(0, 4)] !== undefined) return dayNumber(Number(m[3]), MONTHS[m[2].toLowerCase().slice(0, 4)], Number(m[1]));
  if (m && MONTHS[m[2].toLowerCase().slice(0, 3)] !== undefined) return dayNumber(Number(m[3]), MONTHS[m[2].toLowerCase().slice(0, 3)], Number(m[1]));
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m && MONTHS[m[1].toLowerCase().slice(0, 3)] !== undefined) return dayNumber(Number(m[3]), MONTHS[m[1].toLowerCase().slice(0, 3)], Number(m[2]));
  // Excel serial day (1900 system): 45000 = 2023-03-15; plausible range 1990–2100
  if (/^\d{5}$/.test(t)) { const serial = Number(t); if (serial > 32874 && serial < 73051) return serial - 25569; }
  return null;
}
