// The physics body's view of the one de Leva (1996) table, src/core/twin/deLeva.ts: sex as 'f' | 'm', lengths in
// mm. Kept for the callers that read reference lengths (track/statureFromTwin.ts); no numbers live here.
import { DE_LEVA, REFERENCE_HEIGHT, type DeLevaSegment } from '../../twin/deLeva.js';
import type { Sex } from './bodyModel.js';

export type { Sex } from './bodyModel.js';

/** Reference stature (m) of de Leva's subjects. */
export const REFERENCE_STATURE: Record<Sex, number> = { m: REFERENCE_HEIGHT.male, f: REFERENCE_HEIGHT.female };

/** Reference segment length (mm) of de Leva's subject of that sex. */
export function deLeva(sex: Sex, segment: DeLevaSegment): { lengthMm: number } {
  return { lengthMm: DE_LEVA[sex === 'm' ? 'male' : 'female'][segment].lengthM * 1000 };
}
