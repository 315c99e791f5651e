// generateSubject: subject `index` of a cohort, from (model, spec, plan, index) only — shard-independent.
import { KinetwinError } from '../errors';
import { streamFor } from '../random/stream';
import type { CohortModel, SampledSubject } from './model';
import { planConditions, planSex, type CohortPlan } from './plan';
import { sampleSubject } from './sample';
import type { CohortSpec } from './spec';

export interface SubjectCondition {
  id: string;
  kind: string;
  params: Record<string, number | string | boolean>;
}

export interface CohortSubject extends SampledSubject {
  index: number;
  id: string; // 'S000042' style, zero-padded to the cohort size
  conditions: SubjectCondition[];
}

/** Substream of the anthropometric draw (others: 2 = per-condition details; ≥ 16 free for task generators). */
export const ANTHROPOMETRY_SUBSTREAM = 0;
export const CONDITION_DETAIL_SUBSTREAM = 2;

/** Subject `index` (0-based) of the cohort. Leg-length discrepancy gets a side drawn from its own stream. */
export function generateSubject(model: CohortModel, spec: CohortSpec, plan: CohortPlan, index: number): CohortSubject {
  if (!Number.isInteger(index) || index < 0 || index >= spec.size) throw new KinetwinError(`subject index ${index} outside 0..${spec.size - 1}`);
  const sampled = sampleSubject(model, streamFor(spec.seed, index, ANTHROPOMETRY_SUBSTREAM), {
    sex: planSex(plan, index),
    ageRange: spec.demographics.ageRange,
  });
  if (spec.anthropometrics.variables) {
    const keep = new Set(spec.anthropometrics.variables);
    for (const k of Object.keys(sampled.values)) if (!keep.has(k)) delete sampled.values[k];
  }
  const detail = streamFor(spec.seed, index, CONDITION_DETAIL_SUBSTREAM);
  const ids = new Set(planConditions(plan, index));
  const conditions: SubjectCondition[] = [];
  for (const c of spec.conditions) {
    if (!ids.has(c.id)) continue;
    const params: Record<string, number | string | boolean> = { ...c.params };
    if (c.kind === 'leg-length-discrepancy' && params.side === undefined) params.side = detail.nextDouble() < 0.5 ? 'left' : 'right';
    if (c.kind === 'absent-digit' && params.side === undefined) params.side = detail.nextDouble() < 0.5 ? 'left' : 'right';
    conditions.push({ id: c.id, kind: c.kind, params });
  }
  const width = String(Math.max(1, spec.size - 1)).length;
  return { ...sampled, index, id: `S${String(index).padStart(Math.max(width, 4), '0')}`, conditions };
}
