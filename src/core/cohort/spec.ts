// CohortSpec: everything that determines a synthetic cohort. Same spec (same hash) → same subjects, bit for bit.
import { z } from 'zod';
import { KinetwinError } from '../errors';

export const CONDITION_KINDS = ['absent-digit', 'leg-length-discrepancy', 'stiff-landing', 'custom'] as const;
export const COHORT_TASKS = ['drop-landing', 'cmj', 'hand-poses', 'gait'] as const;

export const ConditionQuota = z
  .object({
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/), // e.g. 'absent-digit-4'
    kind: z.enum(CONDITION_KINDS),
    fraction: z.number().min(0).max(1), // share of subjects; count = round(fraction × size), met exactly
    params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}), // e.g. { digit: 4 }, { metres: 0.02 }
  })
  .strict();

export const RenderSettings = z
  .object({
    width: z.number().int().min(16).max(8192).default(640), // px
    height: z.number().int().min(16).max(8192).default(480), // px
    fps: z.number().positive().max(1000).default(30), // Hz
    cameras: z.number().int().min(1).max(64).default(1),
    format: z.enum(['png', 'jpeg']).default('png'),
  })
  .strict();

export const CohortSpec = z
  .object({
    version: z.literal(1).default(1),
    size: z.number().int().min(1).max(10_000_000), // subjects
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    demographics: z
      .object({
        femaleFraction: z.number().min(0).max(1).optional(), // default: the source's share
        ageRange: z.tuple([z.number().min(0).max(120), z.number().min(0).max(120)]).optional(), // years, inclusive
      })
      .strict()
      .default({}),
    anthropometrics: z
      .object({
        source: z.string().min(1).default('ansur2'), // table the cohort model is fitted on
        variables: z.array(z.string()).optional(), // subset of model variables; default all
      })
      .strict()
      .default({ source: 'ansur2' }),
    conditions: z.array(ConditionQuota).default([]),
    tasks: z.array(z.enum(COHORT_TASKS)).min(1).default(['drop-landing']),
    samplesPerSubject: z.number().int().min(1).max(100_000).default(1),
    render: RenderSettings.optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const ids = new Set<string>();
    for (const c of spec.conditions) {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', message: `condition id "${c.id}" repeated` });
      ids.add(c.id);
    }
    const r = spec.demographics.ageRange;
    if (r && r[0] > r[1]) ctx.addIssue({ code: 'custom', message: `age range ${r[0]}–${r[1]} is empty` });
  });

export type CohortSpec = z.infer<typeof CohortSpec>;
export type CohortSpecInput = z.input<typeof CohortSpec>;
export type ConditionQuota = z.infer<typeof ConditionQuota>;

/** Validate and fill defaults; invalid specs throw KinetwinError listing every problem. */
export function parseCohortSpec(input: unknown): CohortSpec {
  const r = CohortSpec.safeParse(input);
  if (!r.success) {
    throw new KinetwinError(`invalid cohort spec: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return r.data;
}
