// Header text → (name, unit, tokens): the shared first step of every header rule and the mapping memory key.

import { normaliseUnit, type CanonicalUnit } from './units';

export interface SplitHeader {
  name: string; // the header without its unit annotation
  unitText: string | null; // the unit as written, e.g. 'N.mm'
  unit: CanonicalUnit | null; // recognised unit, or null
}

// trailing "(unit)", "[unit]", "{unit}", ", unit" or " in unit"
const BRACKETED = /^(.*?)[\s_]*[([{]([^()[\]{}]{1,24})[)\]}]\s*$/;
const COMMA_UNIT = /^(.*?),\s*([^,]{1,12})$/;
const SUFFIX_UNIT = /^(.*?)[\s_-](deg|rad|mm|nmm|nm|mps2|ms2|dps|uv|mv|kmh|bpm|au|pct)$/i;

/** Split a header into its name and unit annotation ('Fz [N]' → 'Fz', 'N'). */
export function splitHeaderUnit(header: string): SplitHeader {
  const text = header.trim();
  const bracket = BRACKETED.exec(text);
  if (bracket && bracket[1].trim() !== '' && !/^\s*\d+\s*$/.test(bracket[2])) {
    const unit = normaliseUnit(bracket[2]);
    // a bracket that is not a unit ('Sleep Quality (1-5)', 'HRV (rMSSD)') stays part of the name
    if (unit !== null) return { name: bracket[1].trim(), unitText: bracket[2].trim(), unit };
    return { name: text, unitText: null, unit: null };
  }
  if (bracket) {
    return { name: text, unitText: null, unit: null };
  }
  const comma = COMMA_UNIT.exec(text);
  if (comma) {
    const unit = normaliseUnit(comma[2]);
    if (unit !== null) return { name: comma[1].trim(), unitText: comma[2].trim(), unit };
  }
  const suffix = SUFFIX_UNIT.exec(text);
  if (suffix) {
    const unit = normaliseUnit(suffix[2]);
    if (unit !== null) return { name: suffix[1].trim(), unitText: suffix[2], unit };
  }
  return { name: text, unitText: null, unit: null };
}

/** Lower-case word tokens: camelCase, digits and punctuation split ('LHipAngles' → l hip angles; 'Fz1' → fz 1). */
export function tokenizeHeader(name: string): string[] {
  const out: string[] = [];
  for (const segment of name.replace(/μ/g, 'µ').split(/[^A-Za-z0-9µ]+/)) {
    if (segment === '') continue;
    // device ids that start with a digit ('8F7A', '00B42D4B') stay whole
    if (/^\d/.test(segment) && /[A-Za-z]/.test(segment)) {
      out.push(segment.toLowerCase());
      continue;
    }
    const spaced = segment
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/([A-Za-z])(\d)/g, '$1 $2')
      .replace(/(\d)([A-Za-z])/g, '$1 $2');
    for (const t of spaced.toLowerCase().split(' ')) if (t !== '') out.push(t);
  }
  return out;
}

/** Normalised key for a header: lower-case tokens joined by '_', unit annotation removed ('Fz [N]' → 'fz'). */
export function normaliseHeader(header: string): string {
  return tokenizeHeader(splitHeaderUnit(header).name).join('_');
}
