// Deterministic header mapping: synonyms, structured parsers (plates, IMU, joints, EMG, markers), then fuzzy
// matching against the synonym dictionary. The fallback whenever no model answers or its answer is invalid.

import { bestMatch } from './fuzzy';
import { HEADER_SYNONYMS, IMPORTED_SYNONYMS, KNOWN_UNMAPPED } from './headerDictionary';
import { mapEmg } from './headerEmg';
import { mapImu } from './headerImu';
import { mapJoint } from './headerJoint';
import { finish, unfuse, type HeaderContext, type RuleMapping } from './headerParts';
import { mapPlate } from './headerPlate';
import { splitHeaderUnit, tokenizeHeader } from './headerTokens';
import { normaliseUnit, type CanonicalUnit } from './units';
import { fieldFamily, type FieldFamily } from './vocabulary';

export type { HeaderContext, RuleMapping } from './headerParts';

// OpenSim files state SI units once for the whole file: forces N, positions m, moments N·m
const SI_DEFAULT: Partial<Record<FieldFamily, CanonicalUnit>> = {
  force: 'N', cop: 'm', plate_moment: 'N·m', joint_moment: 'N·m', translation: 'm', time: 's',
};
function withSiDefault(m: RuleMapping, ctx: HeaderContext): RuleMapping {
  if (m.unit !== null || m.field === null) return m;
  const family = fieldFamily(m.field);
  if (family === 'angle' && ctx.angleUnit) return { ...m, unit: ctx.angleUnit };
  if (!ctx.siUnits) return m;
  const unit = family ? SI_DEFAULT[family] : undefined;
  return unit ? { ...m, unit } : m;
}

// ---- the rule chain ----------------------------------------------------------------------------------------
const SYNONYM_KEYS = Object.keys(HEADER_SYNONYMS).filter((k) => k.length >= 5);

/** Map one column header to a canonical field by rules. Unknown headers map to null with confidence 0. */
export function mapHeaderByRules(header: string, ctx: HeaderContext = {}): RuleMapping {
  // 'CoP.Cx' and 'COPx1' would split into 'co p' / 'co px': make COP a word of its own first
  const split = splitHeaderUnit(header.replace(/CoM/g, 'COM').replace(/cop(?=[xyz](?:\d|_|\b))/gi, 'COP ').replace(/CoP/g, 'COP'));
  const unit = split.unit ?? normaliseUnit(ctx.unitHint ?? null);
  const tokens = unfuse(tokenizeHeader(split.name));
  if (tokens.length === 0) return { field: null, unit, confidence: 0 };
  const phrase = tokens.join(' ');
  if (KNOWN_UNMAPPED.has(phrase) || tokens[0] === 'mat') return { field: null, unit, confidence: 0.9 };
  const synonym = HEADER_SYNONYMS[phrase];
  if (synonym) return finish(synonym, unit ?? (synonym === 'time' && ctx.siUnits ? 's' : null), 0.95);
  // Delsys writes each channel's time base as 'X[s]'
  if (phrase === 'x' && (unit === 's' || unit === 'ms')) return finish('time', unit, 0.85);
  if (tokens.includes('timestamp')) return finish('time', unit, 0.7);
  if (ctx.markerColumn) {
    // marker labels keep their own spelling ('C7' stays c7, 'R.ASIS' becomes r_asis)
    const m = /^(.*\S)\s+([XYZxyz])$/.exec(split.name);
    const label = m ? m[1].toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') : '';
    if (m && label !== '') return finish(`marker_${label}_${m[2].toLowerCase()}`, unit, 0.9);
  }
  const structured = mapPlate(tokens, unit) ?? mapImu(tokens, unit) ?? mapJoint(tokens, unit, ctx) ?? mapEmg(tokens, unit);
  if (structured) return withSiDefault(structured, ctx);
  const imported = IMPORTED_SYNONYMS[phrase];
  if (imported) return withSiDefault(finish(imported, unit, 0.9), ctx);
  const fuzzy = bestMatch(phrase, SYNONYM_KEYS, 0.8);
  if (fuzzy) return finish(HEADER_SYNONYMS[fuzzy.candidate], unit, Math.round((0.3 + 0.5 * fuzzy.score) * 100) / 100);
  // a bracket that is not a unit ('Muscle Soreness (1-5)', 'Cadence (steps/min)'): try the name without it
  const bare = /^(.*?)\s*[([{][^()[\]{}]*[)\]}]\s*$/.exec(split.name);
  if (bare && bare[1] !== '') {
    const again = mapHeaderByRules(bare[1], ctx);
    if (again.field !== null) return { ...again, unit: again.unit ?? unit, confidence: Math.round(again.confidence * 90) / 100 };
  }
  return { field: null, unit, confidence: 0 };
}

