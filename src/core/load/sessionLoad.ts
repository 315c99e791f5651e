import { KinetwinError } from '../errors';

// Session load (arbitrary units) = session RPE (CR-10, 0–10) × duration in minutes (Foster 1998,
// Med Sci Sports Exerc 30(7):1164–8; Foster et al. 2001, J Strength Cond Res 15(1):109–15).
export function sessionLoad(rpe: number, minutes: number): number {
  if (!Number.isFinite(rpe) || rpe < 0 || rpe > 10) throw new KinetwinError(`session RPE must be 0–10 (CR-10), got ${rpe}`);
  if (!Number.isFinite(minutes) || minutes < 0) throw new KinetwinError(`session duration must be ≥ 0 minutes, got ${minutes}`);
  return rpe * minutes;
}
