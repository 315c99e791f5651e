// Typed look-ups over parsed C3D parameters, including the continuation convention for more than 255 entries
// (LABELS, LABELS2, LABELS3 …; likewise DESCRIPTIONS, UNITS, SCALE, OFFSET).
import type { C3dParameter, C3dParameters } from './parameters';

export function getParam(params: C3dParameters, group: string, name: string): C3dParameter | undefined {
  return params.groups.get(group)?.params.get(name);
}

/** All numeric values (int16 as stored, signed); strings are parsed as numbers when a writer used char type. */
export function getNumbers(params: C3dParameters, group: string, name: string): number[] | undefined {
  const p = getParam(params, group, name);
  if (!p) return undefined;
  if (p.type === -1) {
    const values = p.strings.map((s) => Number(s.trim()));
    return values.every((v) => Number.isFinite(v)) ? values : undefined;
  }
  return p.numbers;
}

/** First numeric value, or undefined when absent or empty. */
export function getNumber(params: C3dParameters, group: string, name: string): number | undefined {
  const values = getNumbers(params, group, name);
  return values && values.length > 0 ? values[0] : undefined;
}

/** A count stored as int16: values above 32767 are written as negative numbers, so read them unsigned. */
export function getCount(params: C3dParameters, group: string, name: string): number | undefined {
  const p = getParam(params, group, name);
  const v = getNumber(params, group, name);
  if (v === undefined || !p) return undefined;
  const n = p.type === 2 || p.type === 1 ? v & 0xffff : v;
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? n : undefined;
}

export function getStrings(params: C3dParameters, group: string, name: string): string[] | undefined {
  const p = getParam(params, group, name);
  if (!p) return undefined;
  if (p.type === -1) return p.strings;
  return p.numbers.map((n) => String(n));
}

/** Concatenates NAME, NAME2, NAME3 … (strings). */
export function getStringsContinued(params: C3dParameters, group: string, name: string): string[] | undefined {
  const first = getStrings(params, group, name);
  if (!first) return undefined;
  const all = first.slice();
  for (let i = 2; i < 1000; i++) {
    const next = getStrings(params, group, `${name}${i}`);
    if (!next) break;
    all.push(...next);
  }
  return all;
}

/** Concatenates NAME, NAME2, NAME3 … (numbers). */
export function getNumbersContinued(params: C3dParameters, group: string, name: string): number[] | undefined {
  const first = getNumbers(params, group, name);
  if (!first) return undefined;
  const all = first.slice();
  for (let i = 2; i < 1000; i++) {
    const next = getNumbers(params, group, `${name}${i}`);
    if (!next) break;
    all.push(...next);
  }
  return all;
}

/** First string value trimmed, or undefined. */
export function getString(params: C3dParameters, group: string, name: string): string | undefined {
  const s = getStrings(params, group, name);
  return s && s.length > 0 ? s[0].trim() : undefined;
}
