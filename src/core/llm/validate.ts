// Turn a model's raw reply into a schema-valid value, or one error message that can be sent back to the model.

import type { z } from 'zod';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Strip a Markdown code fence some models wrap JSON in. */
function unfence(raw: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/.exec(raw);
  return m ? m[1] : raw;
}

/** Parse JSON and validate against `schema`; the error lists at most 8 issues with their paths. */
export function parseReply<S extends z.ZodType>(raw: string, schema: S): Parsed<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(unfence(raw));
  } catch (e) {
    return { ok: false, error: `reply is not valid JSON (${(e as Error).message})` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, 8).map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);
  return { ok: false, error: `reply does not match the schema: ${issues.join('; ')}` };
}
