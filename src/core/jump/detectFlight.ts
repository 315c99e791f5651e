import { KinetwinError } from '../errors';
import type { JumpContext } from './context';
import { findUnloadedRun, firstLoaded, unloadedStats } from './flight';
import type { JumpOptions } from './types';

const MIN_THRESHOLD = 20; // N, lowest take-off threshold (REFERENCE §3: 10–20 N)

export interface FlightDetection {
  ctx: JumpContext; // on the zeroed total force
  plates: Float64Array[]; // N, each plate zeroed
  plateOffsetN: number[]; // N, what each plate read while unloaded (subtracted unless zeroPlate is false)
}

// Finds the empty plate, zeroes it, then first contact, take-off and landing (McMahon et al. 2018).
// 1. A coarse pass: unloaded = below 20 N above the plate's lowest 10-ms mean (that level counts as
//    an offset only when it is under 10 % of the median force, so a deep unweighting is never taken
//    for an empty plate). 2. The plate's zero and noise come from the empty start (drop jump) or the
//    inner flight: each plate's mean there is subtracted (the true force in flight is 0). 3. Final
//    threshold max(20 N, 5 SD of the unloaded plate); take-off = first sample below it, lasting at least
//    `minFlightTime` (0.1 s); landing = first sample back at or above it.
export function detectFlight(total: Float64Array, plates: Float64Array[], rate: number, options: JumpOptions, warnings: string[]): FlightDetection {
  const n = total.length;
  const minFlight = Math.max(1, Math.round((options.minFlightTime ?? 0.1) * rate));
  const given = options.takeoffThresholdN;
  if (given !== undefined && (!Number.isFinite(given) || given <= 0)) throw new KinetwinError(`take-off threshold must be positive, got ${given}`);
  if (options.minFlightTime !== undefined && !(options.minFlightTime > 0)) throw new KinetwinError(`minimum flight time must be positive, got ${options.minFlightTime}`);
  let peak = -Infinity;
  for (let i = 0; i < n; i++) peak = Math.max(peak, total[i]);
  if (peak < (given ?? MIN_THRESHOLD)) throw new KinetwinError(`no load on the plate: force never reaches ${given ?? MIN_THRESHOLD} N`);

  const zero = plausibleZero(total, rate);
  const coarse = zero + (given ?? MIN_THRESHOLD);
  const startRun = total[0] < coarse ? findUnloadedRun(total, 0, coarse, 1) : null;
  const flight = findUnloadedRun(total, startRun ? startRun.end : 0, coarse, minFlight);
  if (!flight) throw new KinetwinError('no take-off found');
  const trim = Math.round(0.02 * rate);
  const region = startRun && startRun.end - startRun.start > 4 * trim ? startRun : flight;
  const plateOffsetN = plates.map((p) => unloadedStats(p, region.start, region.end, trim).mean);
  const totalStats = unloadedStats(total, region.start, region.end, trim);
  const offset = totalStats.mean;
  let zeroed = total;
  let zeroedPlates = plates;
  if (options.zeroPlate !== false) {
    zeroed = shifted(total, offset);
    zeroedPlates = plates.map((p, c) => shifted(p, plateOffsetN[c]));
    if (Math.abs(offset) > 10) warnings.push(`unloaded plate read ${offset.toFixed(1)} N: subtracted (zero the plate before recording)`);
  } else if (Math.abs(offset) > 10) warnings.push(`unloaded plate reads ${offset.toFixed(1)} N and was not zeroed`);

  const threshold = given ?? Math.max(MIN_THRESHOLD, 5 * totalStats.sd) + (options.zeroPlate === false ? Math.max(0, offset) : 0);
  const contact = zeroed[0] < threshold ? firstLoaded(zeroed, 0, threshold) : 0;
  const run = contact < 0 ? null : findUnloadedRun(zeroed, contact, threshold, minFlight);
  if (!run) throw new KinetwinError('no take-off found');
  if (run.end >= n) warnings.push('no landing: the plate stays unloaded to the end of the recording');
  return {
    ctx: { total: zeroed, rate, threshold, contact, takeoff: run.start, landing: run.end < n ? run.end : null, warnings },
    plates: zeroedPlates,
    plateOffsetN,
  };
}

// The lowest 10-ms mean force, taken as the empty plate's reading when it is within 10 % of the median
// force (a person on the plate never gets that low without leaving it); otherwise 0.
function plausibleZero(total: Float64Array, rate: number): number {
  const n = total.length;
  const w = Math.max(1, Math.min(n, Math.round(0.01 * rate)));
  let sum = 0;
  for (let i = 0; i < w; i++) sum += total[i];
  let low = sum;
  for (let i = w; i < n; i++) {
    sum += total[i] - total[i - w];
    if (sum < low) low = sum;
  }
  low /= w;
  const sorted = new Float64Array(total).sort();
  const median = sorted[n >> 1];
  return low > 0 && low <= 0.1 * median ? low : 0;
}

function shifted(x: Float64Array, offset: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] - offset;
  return out;
}
