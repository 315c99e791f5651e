// Cohort model ⇄ JSON (typed arrays as number arrays), validated on the way in, and a content digest so a
// synthetic dataset's manifest can name the exact model that produced it.
import { z } from 'zod';
import { KinetwinError } from '../errors';
import { sha256Hex } from '../hash/sha256';
import type { CohortGroup, CohortModel } from './model';
import { canonicalJson } from './spec-hash';

const GroupJson = z.object({
  sex: z.enum(['female', 'male']),
  count: z.number().int().min(0),
  quantiles: z.array(z.array(z.number())),
  correlation: z.array(z.number()),
  cholesky: z.array(z.number()),
});

const ModelJson = z.object({
  kind: z.literal('gaussian-copula'),
  source: z.string(),
  variables: z.array(z.object({ name: z.string(), unit: z.string(), column: z.string() })).min(1),
  femaleFraction: z.number().min(0).max(1),
  quantileCount: z.number().int().min(3),
  groups: z.object({ female: GroupJson, male: GroupJson }),
  warnings: z.array(z.string()),
});

export type CohortModelJson = z.infer<typeof ModelJson>;

/** Plain-JSON form of a model. */
export function cohortModelToJson(model: CohortModel): CohortModelJson {
  const g = (x: CohortGroup) => ({ sex: x.sex, count: x.count, quantiles: x.quantiles.map((q) => Array.from(q)), correlation: Array.from(x.correlation), cholesky: Array.from(x.cholesky) });
  return { kind: model.kind, source: model.source, variables: model.variables.map((v) => ({ ...v })), femaleFraction: model.femaleFraction, quantileCount: model.quantileCount, groups: { female: g(model.groups.female), male: g(model.groups.male) }, warnings: [...model.warnings] };
}

/** Parse and check a model's JSON (shapes must agree with the variable count). */
export function cohortModelFromJson(json: unknown): CohortModel {
  const r = ModelJson.safeParse(json);
  if (!r.success) throw new KinetwinError(`invalid cohort model: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const m = r.data;
  const d = m.variables.length;
  const group = (x: z.infer<typeof GroupJson>): CohortGroup => {
    if (x.quantiles.length !== d || x.quantiles.some((q) => q.length !== m.quantileCount)) throw new KinetwinError(`invalid cohort model: ${x.sex} quantile tables do not match ${d} variables × ${m.quantileCount}`);
    if (x.correlation.length !== d * d || x.cholesky.length !== d * d) throw new KinetwinError(`invalid cohort model: ${x.sex} matrices are not ${d} × ${d}`);
    return { sex: x.sex, count: x.count, quantiles: x.quantiles.map((q) => Float64Array.from(q)), correlation: Float64Array.from(x.correlation), cholesky: Float64Array.from(x.cholesky) };
  };
  return { kind: m.kind, source: m.source, variables: m.variables, femaleFraction: m.femaleFraction, quantileCount: m.quantileCount, groups: { female: group(m.groups.female), male: group(m.groups.male) }, warnings: m.warnings };
}

/** Hex SHA-256 of the model's canonical JSON. */
export function cohortModelDigest(model: CohortModel): string {
  return sha256Hex(canonicalJson(cohortModelToJson(model)));
}
