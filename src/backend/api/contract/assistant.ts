import { z } from 'zod';
import { op } from '../operation';

// Human-in-the-loop import assistant: confirmed mappings/extractions stored as artifacts with their LLM provenance,
// and the artifact list the Audit workspace shows.
const source = z.enum(['llm', 'rules', 'user']);

/** What `llmMapHeaders` / `llmExtract` return as `provenance` (see backend/llm/harmonise LlmProvenance); null = rules only. */
export const llmProvenance = z
  .object({
    model: z.string().max(200),
    digest: z.string().max(200).nullable(),
    host: z.string().max(500),
    promptVersion: z.string().max(100),
    promptHash: z.string().max(128),
    schemaHash: z.string().max(128),
    options: z.object({ temperature: z.number(), seed: z.number(), num_ctx: z.number() }),
    attempts: z.number().int().min(0).max(100),
    rawReplies: z.array(z.string().max(1_000_000)).max(100),
    errors: z.array(z.string().max(10_000)).max(100),
  })
  .nullable();

const confirmedColumn = z.object({
  header: z.string().min(1).max(200),
  field: z.string().max(100).nullable(),
  unit: z.string().max(20).nullable(),
  confidence: z.number().min(0).max(1),
  source, // what proposed it (llm / rules / user = remembered), before the user's edit
  edited: z.boolean(), // the user changed the proposal
});

const lineage = z.object({ parentKind: z.string(), parentId: z.string(), relation: z.string(), parameters: z.unknown() });

export const assistantOps = {
  llmConfirmMapping: op({
    summary: "Confirm a table's header mapping: remember every column and store the mapping as an artifact with its provenance",
    request: z
      .object({
        path: z.string().min(1),
        layout: z.string().max(100),
        scope: z.string().max(64).optional(),
        columns: z.array(confirmedColumn).min(1).max(4096),
        provenance: llmProvenance,
      })
      .strict(),
    response: z.object({ ok: z.literal(true), artifactId: z.number().int(), sha256: z.string(), remembered: z.number().int() }),
  }),
  llmConfirmExtraction: op({
    summary: "Confirm a clinical note's extraction: store it as an artifact with its provenance, linked to a subject",
    request: z
      .object({
        path: z.string().min(1),
        subject: z.string().min(1).max(200).optional(),
        fields: z.record(z.string(), z.object({ value: z.unknown(), source })),
        redactions: z.record(z.string(), z.number().int().min(0)),
        provenance: llmProvenance,
      })
      .strict(),
    response: z.object({ ok: z.literal(true), artifactId: z.number().int(), sha256: z.string(), subject: z.string().nullable() }),
  }),
  listArtifacts: op({
    summary: 'Stored artifacts with their parameters (provenance) and lineage, newest first',
    request: z.object({ kind: z.string().max(100).optional(), limit: z.number().int().min(1).max(10_000).default(100) }).strict(),
    response: z.object({
      artifacts: z.array(z.object({
        id: z.number().int(), kind: z.string(), label: z.string(), sha256: z.string().nullable(), createdAt: z.string(),
        params: z.unknown(), lineage: z.array(lineage),
      })),
    }),
  }),
};
