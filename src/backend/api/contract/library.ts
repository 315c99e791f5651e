import { z } from 'zod';
import { op } from '../operation';

export const subjectSummary = z.object({ id: z.number().int(), pseudonym: z.string(), sex: z.enum(['f', 'm', 'u']), trials: z.number().int() });
export const trialSummary = z.object({
  id: z.number().int(),
  label: z.string(),
  format: z.string(),
  subject: z.string().nullable(),
  sourceSha256: z.string(),
  createdAt: z.string(),
  pointCount: z.number().int(),
  frames: z.number().int(),
  rate: z.number().nullable(),
  analogCount: z.number().int(),
});

export const libraryOps = {
  listSubjects: op({
    summary: 'Pseudonymous subjects in the store',
    request: z.object({}).strict(),
    response: z.object({ subjects: z.array(subjectSummary) }),
  }),
  listTrials: op({
    summary: 'Imported trials, newest first',
    request: z.object({ subject: z.string().optional() }).strict(),
    response: z.object({ trials: z.array(trialSummary) }),
  }),
};

const importResult = z.discriminatedUnion('status', [
  z.object({
    file: z.string(), status: z.literal('imported'), trialId: z.number().int(), format: z.string(), label: z.string(), subject: z.string().nullable(), sha256: z.string(),
    points: z.number().int(), frames: z.number().int(), analogs: z.number().int(), forcePlates: z.number().int(), events: z.number().int(), warnings: z.array(z.string()),
  }),
  z.object({ file: z.string(), status: z.literal('duplicate'), trialId: z.number().int(), sha256: z.string() }),
  z.object({ file: z.string(), status: z.literal('error'), error: z.string() }),
]);

export const importOps = {
  importFiles: op({
    summary: 'Import recordings (de-identified, one transaction per file, duplicates detected by SHA-256)',
    long: true,
    request: z.object({
      paths: z.array(z.string().min(1)).min(1).max(10_000),
      subject: z.string().min(1).max(128).optional(),
      rate: z.number().positive().max(1e6).optional(),
    }).strict(),
    response: z.object({ results: z.array(importResult) }),
  }),
  getTrialData: op({
    summary: 'A stored trial for display: markers (base64 float32, metres, frames × points × 3, NaN missing) and analog channels, decimated',
    request: z.object({ id: z.number().int().positive(), maxFrames: z.number().int().min(2).max(100_000).default(2000), maxSamples: z.number().int().min(2).max(200_000).default(4000) }).strict(),
    response: z.object({
      id: z.number().int(),
      label: z.string(),
      format: z.string(),
      subject: z.string().nullable(),
      points: z.object({ labels: z.array(z.string()), rate: z.number(), frames: z.number().int(), step: z.number().int(), data: z.string() }).nullable(),
      analogs: z.object({ labels: z.array(z.string()), units: z.array(z.string()), rate: z.number(), samples: z.number().int(), step: z.number().int(), channels: z.array(z.string()) }).nullable(),
      events: z.array(z.object({ label: z.string(), context: z.string(), time: z.number() })),
      metadata: z.record(z.string(), z.unknown()),
    }),
  }),
};
