import { z } from 'zod';
import { op } from '../operation';

// Synthetic datasets (`generate cohort`, `reproduce`, lineage). Files stay on disk; responses are summaries.
const shardRange = z.object({ k: z.number().int(), n: z.number().int(), start: z.number().int(), end: z.number().int() });

export const datasetOps = {
  generateDataset: op({
    summary: 'Generate a labelled synthetic cohort dataset (subjects → physics task → files, manifest, lineage)',
    long: true,
    request: z.object({
      out: z.string().min(1),
      n: z.number().int().min(1).optional(),
      seed: z.number().int().min(0).optional(),
      task: z.enum(['drop-landing', 'cmj', 'hand-poses', 'gait']).optional(),
      spec: z.record(z.string(), z.unknown()).optional(),
      fit: z.string().optional(),
      shard: z.string().regex(/^\d+\/\d+$/).optional(),
      samplesPerSubject: z.number().int().min(1).optional(),
      workers: z.number().int().min(0).max(256).optional(),
    }).strict(),
    response: z.object({
      dir: z.string(), digest: z.string(), specHash: z.string(), task: z.string(), shard: shardRange.nullable(),
      subjects: z.number().int(), samples: z.number().int(), files: z.number().int(), artifactId: z.number().int().nullable(),
      seconds: z.number(), subjectsPerSecond: z.number(),
    }),
  }),
  reproduceDataset: op({
    summary: 'Regenerate a dataset from its manifest and compare every file hash (timings excluded)',
    long: true,
    request: z.object({ dir: z.string().min(1), fit: z.string().optional(), workers: z.number().int().min(0).max(256).optional() }).strict(),
    response: z.object({
      dir: z.string(), identical: z.boolean(), checked: z.number().int(), manifestIdentical: z.boolean(), seconds: z.number(),
      differing: z.array(z.object({ path: z.string(), problem: z.string() })),
    }),
  }),
  datasetLineage: op({
    summary: 'Lineage of a dataset (directory or artifact id): spec, sources, counts, provenance, files',
    request: z.object({ dataset: z.string().min(1) }).strict(),
    response: z.object({
      artifact: z.object({ id: z.number().int(), label: z.string(), digest: z.string(), location: z.string(), createdAt: z.string() }),
      task: z.string(), specHash: z.string(), spec: z.unknown(), modelDigest: z.string(), sources: z.array(z.unknown()),
      counts: z.object({ subjects: z.number().int(), samples: z.number().int(), files: z.number().int() }),
      provenance: z.object({ datasetEdges: z.array(z.object({ parentKind: z.string(), parentId: z.string(), relation: z.string() })), subjectEdges: z.number().int() }),
      files: z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number().int() })).nullable(),
      onDisk: z.boolean(),
    }),
  }),
};
