import { monotony, type MonotonyOptions } from './monotony';

// Training strain = weekly load (sum of the daily loads) × monotony (Foster 1998). An all-rest week → 0.
export function strain(days: ArrayLike<number>, options: MonotonyOptions = {}): number {
  let sum = 0;
  for (let i = 0; i < days.length; i++) sum += days[i];
  const m = monotony(days, options);
  return sum === 0 ? 0 : sum * m;
}
