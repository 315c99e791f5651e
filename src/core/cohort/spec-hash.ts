// specHash: SHA-256 of the canonical JSON of a parsed spec (keys sorted, no whitespace, defaults filled), so
// equivalent specs written differently hash the same.
import { KinetwinError } from '../errors';
import { sha256Hex } from '../hash/sha256';
import { parseCohortSpec } from './spec';

/** Canonical JSON: object keys sorted by code unit, arrays in order, undefined members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new KinetwinError('canonicalJson: non-finite number');
    return JSON.stringify(Object.is(value, -0) ? 0 : value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  throw new KinetwinError(`canonicalJson: unsupported value of type ${typeof value}`);
}

/** Hex SHA-256 of the canonical JSON of the spec after validation and defaults. */
export function specHash(spec: unknown): string {
  return sha256Hex(canonicalJson(parseCohortSpec(spec)));
}
