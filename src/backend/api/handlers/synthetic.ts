import { privacyFromFiles } from '../../services/privacy';
import { validateFiles } from '../../services/validate';
import type { Handlers } from './types';

export const syntheticHandlers: Handlers<'checkPrivacy' | 'validateCohort'> = {
  checkPrivacy: async (req) => {
    const r = await privacyFromFiles({ synthetic: req.synthetic, train: req.train, holdout: req.holdout, threshold: req.threshold, maxQueryRows: req.maxQueryRows, html: req.html });
    return {
      exactCopies: r.exactCopies,
      dcrBaselineProtection: r.dcrBaselineProtection,
      dcrOverfittingProtection: r.dcrOverfittingProtection,
      nndrMedian: r.nndrMedian,
      membershipInferenceAuc: r.membershipInferenceAuc,
      passed: r.passed,
      threshold: r.threshold,
      columns: r.columns,
      rows: r.rows,
      histograms: JSON.parse(JSON.stringify(r.histograms)) as Record<string, unknown>,
      warnings: r.warnings,
      html: r.files.html,
      seconds: r.seconds,
    };
  },
  validateCohort: async (req) => {
    const r = await validateFiles({ synthetic: req.synthetic, real: req.real, folds: req.folds, seed: req.seed, html: req.html });
    const { files, ...report } = r;
    return { report: JSON.parse(JSON.stringify(report)) as Record<string, unknown>, html: files.html };
  },
};
