import { KinetwinError } from '../errors';

export interface MonotonyOptions {
  sd?: 'sample' | 'population'; // default 'sample' (n − 1, as R's sd() and spreadsheets' STDEV)
}

// Training monotony = mean / SD of the daily loads of one week, rest days 0 (Foster 1998, Med Sci Sports
// Exerc 30(7):1164–8); > 2 is the usual flag. Equal non-zero loads every day give Infinity; an all-rest
// week gives NaN (no load, no monotony).
export function monotony(days: ArrayLike<number>, options: MonotonyOptions = {}): number {
  const n = days.length;
  if (n < 2) throw new KinetwinError(`monotony needs at least 2 daily loads (a week is 7), got ${n}`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(days[i])) throw new KinetwinError(`daily load ${i + 1} is not a number: ${days[i]}`);
    sum += days[i];
  }
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (days[i] - mean) ** 2;
  const sd = Math.sqrt(sq / (options.sd === 'population' ? n : n - 1));
  if (sd === 0) return mean === 0 ? Number.NaN : Number.POSITIVE_INFINITY;
  return mean / sd;
}
