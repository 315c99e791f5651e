// planCohort: who is female and who has which condition, decided for the whole cohort at once by seeded
// permutations, so quotas are met exactly (count = round(fraction × size)) and a shard computing subjects
// a..b gets the same answer as a single run.
import { sha256 } from '../hash/sha256';
import { seededPermutation } from '../random/stream';
import type { Sex } from './model';
import type { CohortSpec, ConditionQuota } from './spec';

export interface CohortPlan {
  size: number;
  femaleCount: number;
  female: Uint8Array; // size, 1 = female
  conditionIds: string[];
  conditionCounts: number[]; // per condition, exactly round(fraction × size)
  membership: Uint8Array[]; // per condition: size, 1 = subject has it
}

// Substreams: 1 for sex; conditions use a 31-bit hash of their id (≥ 2^31) so reordering them changes nothing.
const SEX_SUBSTREAM = 1;

/** Substream of a condition, from the first 4 bytes of SHA-256(id), top bit set. */
export function conditionSubstream(id: string): number {
  const h = sha256(new TextEncoder().encode(id));
  return (((h[0] << 24) | (h[1] << 16) | (h[2] << 8) | h[3]) | 0x80000000) >>> 0;
}

function membershipOf(size: number, count: number, seed: number, substream: number): Uint8Array {
  const m = new Uint8Array(size);
  const perm = seededPermutation(size, seed, substream);
  for (let k = 0; k < count; k++) m[perm[k]] = 1;
  return m;
}

/** Exact sex split and condition quotas for a parsed spec; `defaultFemaleFraction` from the cohort model. */
export function planCohort(spec: CohortSpec, defaultFemaleFraction: number): CohortPlan {
  const size = spec.size;
  const femaleCount = Math.round((spec.demographics.femaleFraction ?? defaultFemaleFraction) * size);
  const conditions: ConditionQuota[] = spec.conditions;
  return {
    size,
    femaleCount,
    female: membershipOf(size, femaleCount, spec.seed, SEX_SUBSTREAM),
    conditionIds: conditions.map((c) => c.id),
    conditionCounts: conditions.map((c) => Math.round(c.fraction * size)),
    membership: conditions.map((c) => membershipOf(size, Math.round(c.fraction * size), spec.seed, conditionSubstream(c.id))),
  };
}

/** Sex of subject `index` under the plan. */
export function planSex(plan: CohortPlan, index: number): Sex {
  return plan.female[index] === 1 ? 'female' : 'male';
}

/** Condition ids of subject `index`, in spec order. */
export function planConditions(plan: CohortPlan, index: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < plan.conditionIds.length; c++) if (plan.membership[c][index] === 1) out.push(plan.conditionIds[c]);
  return out;
}
