import { KinetwinError } from '../errors';

export interface AcwrSeries {
  acute: Float64Array; // AU/day, per day
  chronic: Float64Array; // AU/day, per day
  ratio: Float64Array; // acute / chronic; NaN before enough history or for 0/0, Infinity for x/0
}

// Acute:chronic workload ratio from rolling means of daily loads (rest days 0). Acute = mean of the last
// `acute` days (7), chronic = mean of the last `chronic` days (28) including them (coupled) or of the
// `chronic − acute` days before them (uncoupled, Windt & Gabbett 2019, Br J Sports Med 53:988). Both
// need `chronic` days of history: earlier entries are NaN. Ratios, not verdicts (Impellizzeri et al. 2020).
export function acwrRolling(
  daily: ArrayLike<number>, // AU per consecutive day
  options: { acute?: number; chronic?: number; coupled?: boolean } = {},
): AcwrSeries {
  const a = options.acute ?? 7;
  const c = options.chronic ?? 28;
  const coupled = options.coupled ?? true;
  if (!Number.isInteger(a) || !Number.isInteger(c) || a < 1 || c <= a)
    throw new KinetwinError(`acute and chronic windows must be whole days with chronic > acute, got ${a} and ${c}`);
  const n = daily.length;
  const prefix = new Float64Array(n + 1); // prefix[i] = Σ daily[0..i)
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(daily[i])) throw new KinetwinError(`daily load ${i + 1} is not a number: ${daily[i]}`);
    prefix[i + 1] = prefix[i] + daily[i];
  }
  const acute = new Float64Array(n).fill(Number.NaN);
  const chronic = new Float64Array(n).fill(Number.NaN);
  const ratio = new Float64Array(n).fill(Number.NaN);
  for (let i = c - 1; i < n; i++) {
    acute[i] = (prefix[i + 1] - prefix[i + 1 - a]) / a;
    chronic[i] = coupled ? (prefix[i + 1] - prefix[i + 1 - c]) / c : (prefix[i + 1 - a] - prefix[i + 1 - c]) / (c - a);
    ratio[i] = acute[i] / chronic[i];
  }
  return { acute, chronic, ratio };
}
