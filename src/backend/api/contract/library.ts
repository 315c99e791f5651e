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
