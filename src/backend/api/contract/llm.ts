import { z } from 'zod';
import { op } from '../operation';

// Local-LLM harmonisation (rules as fallback): routing, header mapping with remembered user choices, note extraction.
const source = z.enum(['llm', 'rules', 'user']);
const llmId = z.object({ model: z.string(), digest: z.string().nullable() }).nullable();
const modelRequest = { path: z.string().min(1), model: z.string().min(1).optional() };

export const llmOps = {
  llmRoute: op({
    summary: 'Which importer reads a file and what kind of data it holds',
    request: z.object(modelRequest).strict(),
    response: z.object({
      file: z.string(), importer: z.string(), kind: z.string(), confidence: z.number(), source,
      reasons: z.array(z.string()), llm: llmId, provenance: z.unknown().nullable(), notice: z.string().nullable(),
    }),
  }),
  llmMapHeaders: op({
    summary: "Map a table's column headers onto the canonical vocabulary (remembered user choices first)",
    request: z.object({ ...modelRequest, scope: z.string().max(64).optional() }).strict(),
    response: z.object({
      file: z.string(), layout: z.string(),
      columns: z.array(z.object({
        header: z.string(), field: z.string().nullable(), unit: z.string().nullable(), confidence: z.number(), source,
        negate: z.boolean().optional(),
      })),
      llm: llmId, provenance: z.unknown().nullable(), notice: z.string().nullable(), warnings: z.array(z.string()),
    }),
  }),
  llmRememberMapping: op({
    summary: "Remember the user's mapping of a header (human-in-the-loop confirmation)",
    request: z.object({ header: z.string().min(1).max(200), field: z.string().nullable(), unit: z.string().nullable(), scope: z.string().max(64).optional() }).strict(),
    response: z.object({ ok: z.literal(true), key: z.string(), count: z.number().int() }),
  }),
  llmExtract: op({
    summary: 'Structured facts from a clinical note, redacted before any prompt',
    request: z.object(modelRequest).strict(),
    response: z.object({
      file: z.string(),
      fields: z.record(z.string(), z.object({ value: z.unknown(), source })),
      redactions: z.record(z.string(), z.number().int()),
      redactedText: z.string().optional(), // the note as the model saw it (assistant review)
      llm: llmId, provenance: z.unknown().nullable(), notice: z.string().nullable(),
    }),
  }),
};
