// The three harmonisation tasks' reply shapes as zod schemas; their JSON Schema goes to Ollama as `format`
// (structured outputs) and every reply is validated against the zod schema again, because models sometimes
// ignore the schema.

import { z } from 'zod';
import { DATA_KINDS, IMPORTERS } from './routeRules';
import { CANONICAL_UNITS } from './units';
import { isCanonicalField } from './vocabulary';

const confidence = z.number().min(0).max(1);

/** Task 1 — route: which importer reads the file and what kind of data it holds. */
export const RouteReply = z.object({
  importer: z.enum(IMPORTERS),
  kind: z.enum(DATA_KINDS),
  confidence,
});
export type RouteReply = z.infer<typeof RouteReply>;

/** Task 2 — map headers: one entry per header, `field` from the canonical vocabulary or null. */
export const HeaderReply = z.object({
  columns: z.array(
    z.object({
      header: z.string(),
      field: z
        .string()
        .nullable()
        .refine((f) => f === null || isCanonicalField(f), { message: 'field is not in the canonical vocabulary' }),
      unit: z.enum(CANONICAL_UNITS).nullable(),
      confidence,
    }),
  ),
});
export type HeaderReply = z.infer<typeof HeaderReply>;

const side = z.enum(['left', 'right', 'bilateral']).nullable();
// partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD').nullable();

/** Task 3 — extract from a clinical note. Stature in metres and mass in kg whatever the note's units. */
export const NoteReply = z.object({
  age_years: z.number().nullable(),
  sex: z.enum(['female', 'male', 'other']).nullable(),
  stature_m: z.number().nullable(),
  mass_kg: z.number().nullable(),
  dominant_side: z.enum(['left', 'right', 'ambidextrous']).nullable(),
  diagnoses: z.array(z.object({ text: z.string(), icd10: z.string().nullable() })),
  injuries: z.array(z.object({ structure: z.string(), side, date: partialDate })),
  surgeries: z.array(z.object({ procedure: z.string(), side, date: partialDate })),
  rom_restrictions: z.array(
    z.object({ joint: z.string(), side, motion: z.string().nullable(), limit_deg: z.number().nullable() }),
  ),
  digits: z.array(
    z.object({
      limb: z.enum(['hand', 'foot']),
      side,
      digit: z.number().int().min(1).max(5).nullable(), // 1 = thumb / hallux … 5 = little finger / toe; null for an extra digit
      status: z.enum(['absent', 'extra']),
    }),
  ),
  medications: z.array(z.object({ name: z.string(), dose: z.string().nullable() })),
});
export type NoteReply = z.infer<typeof NoteReply>;

export type TaskName = 'route' | 'map-headers' | 'extract';

export const TASK_SCHEMAS = { route: RouteReply, 'map-headers': HeaderReply, extract: NoteReply } as const;

/** JSON Schema (draft 2020-12) of a task's reply, as passed to Ollama's `format`. */
export function taskJsonSchema(task: TaskName): Record<string, unknown> {
  return z.toJSONSchema(TASK_SCHEMAS[task], { unrepresentable: 'any' }) as Record<string, unknown>;
}
