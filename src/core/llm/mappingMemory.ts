// Remembered header mappings the user confirmed (human in the loop). A plain JSON object the backend persists;
// keys are normalised headers ('Fz [N]' and 'FZ (N)' share 'fz'), optionally scoped (e.g. by vendor or layout).

import { KinetwinError } from '../errors';
import { normaliseHeader } from './headerTokens';
import { isCanonicalUnit } from './units';
import { isCanonicalField } from './vocabulary';

export interface RememberedMapping {
  field: string | null;
  unit: string | null;
  count: number; // times confirmed
}

export interface MappingMemory {
  version: 1;
  entries: Record<string, RememberedMapping>; // key: `${scope}|${normalised header}`
}

export function emptyMappingMemory(): MappingMemory {
  return { version: 1, entries: {} };
}

function keyOf(header: string, scope: string): string {
  const norm = normaliseHeader(header);
  if (norm === '') throw new KinetwinError(`cannot remember a mapping for the empty header ${JSON.stringify(header)}`);
  return `${scope}|${norm}`;
}

/** A copy of `memory` with the user's mapping of `header` stored (field null = "not a canonical column"). */
export function rememberMapping(
  memory: MappingMemory,
  header: string,
  mapping: { field: string | null; unit: string | null },
  scope = '',
): MappingMemory {
  if (mapping.field !== null && !isCanonicalField(mapping.field)) throw new KinetwinError(`'${mapping.field}' is not a canonical field`);
  if (mapping.unit !== null && !isCanonicalUnit(mapping.unit)) throw new KinetwinError(`'${mapping.unit}' is not a recognised unit`);
  const key = keyOf(header, scope);
  const previous = memory.entries[key];
  const same = previous !== undefined && previous.field === mapping.field && previous.unit === mapping.unit;
  return {
    version: 1,
    entries: { ...memory.entries, [key]: { field: mapping.field, unit: mapping.unit, count: same ? previous.count + 1 : 1 } },
  };
}

/** The remembered mapping of `header` (scoped first, then unscoped), or null. */
export function lookupMapping(memory: MappingMemory, header: string, scope = ''): RememberedMapping | null {
  const norm = normaliseHeader(header);
  if (norm === '') return null;
  return memory.entries[`${scope}|${norm}`] ?? (scope !== '' ? memory.entries[`|${norm}`] ?? null : null);
}

/** Validate a persisted memory object (from disk or the store) before use. */
export function parseMappingMemory(value: unknown): MappingMemory {
  if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== 1) {
    throw new KinetwinError('mapping memory: expected an object with version 1');
  }
  const entries = (value as { entries?: unknown }).entries;
  if (typeof entries !== 'object' || entries === null) throw new KinetwinError('mapping memory: entries missing');
  const out = emptyMappingMemory();
  for (const [key, v] of Object.entries(entries as Record<string, unknown>)) {
    const e = v as Partial<RememberedMapping>;
    const field = e.field ?? null;
    const unit = e.unit ?? null;
    if ((field !== null && (typeof field !== 'string' || !isCanonicalField(field))) || (unit !== null && (typeof unit !== 'string' || !isCanonicalUnit(unit)))) {
      throw new KinetwinError(`mapping memory: invalid entry '${key}'`);
    }
    out.entries[key] = { field, unit, count: typeof e.count === 'number' && e.count > 0 ? Math.floor(e.count) : 1 };
  }
  return out;
}
