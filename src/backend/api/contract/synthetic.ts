import { z } from 'zod';
import { op } from '../operation';

// Validation and privacy checks of synthetic data (files on this machine), for the Cohorts workspace.
const path = z.string().min(1).max(4096);

export const syntheticOps = {
  checkPrivacy: op({
    summary: 'Distance-based privacy of synthetic rows against train and holdout tables (exact copies, DCR, NNDR, membership inference)',
    long: true,
    request: z.object({ synthetic: path, train: path, holdout: path, threshold: z.number().min(0).max(1).optional(), maxQueryRows: z.number().int().min(10).max(200_000).optional(), html: path.optional() }).strict(),
    response: z.object({
      exactCopies: z.number().int(),
      dcrBaselineProtection: z.number(),
      dcrOverfittingProtection: z.number(),
      nndrMedian: z.number(),
      membershipInferenceAuc: z.number(),
      passed: z.boolean(),
      threshold: z.number(),
      columns: z.array(z.string()),
      rows: z.object({ synthetic: z.number().int(), train: z.number().int(), holdout: z.number().int() }),
      histograms: z.record(z.string(), z.unknown()),
      warnings: z.array(z.string()),
      html: z.string().nullable(),
      seconds: z.number(),
    }),
  }),
  validateCohort: op({
    summary: 'Fidelity of synthetic rows to real rows: KS/TV complements, correlation similarity, discriminator AUC, quotas',
    long: true,
    request: z.object({ synthetic: path, real: path, folds: z.number().int().min(2).max(20).optional(), seed: z.number().int().optional(), html: path.optional() }).strict(),
    response: z.object({ report: z.record(z.string(), z.unknown()), html: z.string().nullable() }),
  }),
};
