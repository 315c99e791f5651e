import { stableWindow, type StableWindow } from './stableWindow';

const QUIET_SD = 0.025; // SD / mean: quiet standing sways far less (the jump_forceplate files: 0.3 %)
const LENGTHS = [1, 0.75, 0.5, 0.25]; // s, tried in turn

// Quiet standing for weighing (McMahon et al. 2018: ≥ 1 s): the most stable 1-s window in [from, to),
// or when standing was shorter the most stable 0.75, 0.5 or 0.25 s one; quiet means SD ≤ 2.5 % of the
// mean. Returns null when no window is quiet.
export function quietWindow(force: Float64Array, rate: number, from: number, to: number): StableWindow | null {
  for (const seconds of LENGTHS) {
    const length = Math.round(seconds * rate);
    if (length < 2 || length > to - from) continue;
    const w = stableWindow(force, from, to, length);
    if (w.sd <= QUIET_SD * w.mean) return w;
  }
  return null;
}
