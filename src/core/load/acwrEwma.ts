import { KinetwinError } from '../errors';
import type { AcwrSeries } from './acwrRolling';

// Acute:chronic workload ratio from exponentially weighted moving averages (Williams et al. 2017,
// Br J Sports Med 51:209–10): EWMA_t = λ·load_t + (1 − λ)·EWMA_{t−1}, λ = 2 / (N + 1), N = 7 (acute) and
// 28 (chronic) days. Both start from `seed` before day 0 (default: day 0's load, so day 0's ratio is 1);
// the chronic average needs a few weeks to forget the seed. 0/0 → NaN, x/0 → Infinity.
export function acwrEwma(daily: ArrayLike<number>, options: { acute?: number; chronic?: number; seed?: number } = {}): AcwrSeries {
  const a = options.acute ?? 7;
  const c = options.chronic ?? 28;
  if (!(a >= 1) || !(c > a) || !Number.isFinite(c)) throw new KinetwinError(`acute and chronic spans must satisfy 1 ≤ acute < chronic, got ${a} and ${c}`);
  const n = daily.length;
  const la = 2 / (a + 1);
  const lc = 2 / (c + 1);
  const acute = new Float64Array(n);
  const chronic = new Float64Array(n);
  const ratio = new Float64Array(n);
  let ea = options.seed ?? (n > 0 ? daily[0] : 0);
  let ec = ea;
  if (!Number.isFinite(ea)) throw new KinetwinError(`EWMA seed must be a number, got ${ea}`);
  for (let i = 0; i < n; i++) {
    const load = daily[i];
    if (!Number.isFinite(load)) throw new KinetwinError(`daily load ${i + 1} is not a number: ${load}`);
    ea = la * load + (1 - la) * ea;
    ec = lc * load + (1 - lc) * ec;
    acute[i] = ea;
    chronic[i] = ec;
    ratio[i] = ea / ec;
  }
  return { acute, chronic, ratio };
}
