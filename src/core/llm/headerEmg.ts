// Header rules for EMG channels: muscle names and abbreviations (Delsys, Noraxon), side, or a channel number.

import { MUSCLE_PHRASES } from './headerDictionary';
import { finish, firstNumber, sideOf, type RuleMapping } from './headerParts';
import type { CanonicalUnit } from './units';

export function matchMuscle(tokens: string[]): string | null {
  const text = ` ${tokens.join(' ')} `;
  for (const [phrase, muscle] of MUSCLE_PHRASES) if (text.includes(` ${phrase} `)) return muscle;
  return null;
}

export function mapEmg(tokens: string[], unit: CanonicalUnit | null): RuleMapping | null {
  const isEmg = tokens.includes('emg');
  const muscle = matchMuscle(tokens);
  if (muscle) {
    const side = sideOf(tokens);
    const emgUnit = unit === 'V' || unit === 'mV' || unit === 'µV';
    return finish(side ? `emg_${muscle}_${side}` : `emg_${muscle}`, unit, isEmg || emgUnit ? 0.9 : 0.75);
  }
  if (isEmg) {
    const n = firstNumber(tokens);
    if (n !== null) return finish(`emg_ch${n}`, unit, 0.7);
  }
  return null;
}

