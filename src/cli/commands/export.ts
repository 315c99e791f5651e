// `kinetwin export DIR --format … --out DIR [--reason TEXT]`: the privacy export gate, then the export.
import { KinetwinError } from '../../core/errors';
import { EXPORT_FORMATS, exportDataset } from '../../backend/services/dataset-export';
import type { Command } from '../command';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export a dataset after the privacy gate (exact copies, DCR overfitting protection); a failing dataset needs --reason (audited)',
  usage: `DATASET_DIR --format ${EXPORT_FORMATS.join('|')} --out DIR [--holdout CSV] [--fit CSV] [--threshold X] [--reason TEXT] [--json]`,
  flags: {
    format: { type: 'string', value: 'FMT', description: `${EXPORT_FORMATS.join(' | ')} (required)` },
    out: { type: 'string', value: 'DIR', description: 'export directory (required)' },
    holdout: { type: 'string', value: 'CSV', description: 'real rows not used for fitting: enables the overfitting check' },
    fit: { type: 'string', value: 'CSV', description: 'the fit table (default: as generate finds it)' },
    threshold: { type: 'number', value: 'X', description: 'minimum DCR overfitting protection (default: setting privacy.overfittingThreshold)' },
    reason: { type: 'string', value: 'TEXT', description: 'export despite a failing gate; recorded in the audit log' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    if (!args.flags.format) throw new KinetwinError('--format is required');
    if (!args.flags.out) throw new KinetwinError('--out DIR is required');
    const r = await exportDataset(args.positionals[0]!, {
      format: String(args.flags.format),
      out: String(args.flags.out),
      reason: args.flags.reason as string | undefined,
      holdout: args.flags.holdout as string | undefined,
      fit: args.flags.fit as string | undefined,
      threshold: args.flags.threshold === undefined ? undefined : Number(args.flags.threshold),
      store: io.context().store(),
    });
    if (io.json) io.printJson(r);
    else {
      io.out(`privacy gate ${r.gate.passed ? 'passed' : `FAILED (${r.gate.problems.join('; ')}) — exported with reason: ${r.reason}`}`);
      io.out(`exported ${r.files.length} file(s) as ${r.format} → ${r.out}`);
    }
    return 0;
  },
};
