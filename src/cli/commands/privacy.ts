import { privacyFromFiles } from '../../backend/services/privacy';
import { UsageError } from '../args';
import type { Command } from '../command';

const fmt = (v: number | null, d = 3) => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(d));

export const privacyCommand: Command = {
  name: 'privacy',
  summary: 'Distance-based privacy of synthetic data: exact copies, DCR protection, NNDR, membership-inference AUC',
  usage: '--synthetic DIR|CSV --train CSV --holdout CSV [--threshold X] [--columns A,B] [--html FILE] [--fail-on-risk] [--json]',
  flags: {
    synthetic: { type: 'string', value: 'DIR|CSV', description: 'synthetic table, or a cohort directory holding subjects.csv' },
    train: { type: 'string', value: 'CSV', description: 'the real rows the generator was fitted on' },
    holdout: { type: 'string', value: 'CSV', description: 'real rows of the same population the generator never saw' },
    threshold: { type: 'number', value: 'X', description: 'minimum DCR overfitting protection to pass (default 0.5)' },
    columns: { type: 'string', value: 'A,B,…', description: 'compare only these columns (default: all shared columns)' },
    html: { type: 'string', value: 'FILE', description: 'also write a self-contained HTML report' },
    seed: { type: 'number', value: 'N', description: 'seed for subsampling and the random baseline (default 0)' },
    'max-queries': { type: 'number', value: 'N', description: 'nearest-neighbour queries per direction (default 5000)' },
    'fail-on-risk': { type: 'boolean', description: 'exit with status 3 when the report does not pass' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const str = (name: string) => (typeof args.flags[name] === 'string' ? (args.flags[name] as string) : undefined);
    const num = (name: string) => (args.flags[name] === undefined ? undefined : Number(args.flags[name]));
    const synthetic = str('synthetic');
    const train = str('train');
    const holdout = str('holdout');
    if (!synthetic || !train || !holdout) throw new UsageError('--synthetic, --train and --holdout are required');
    const r = await privacyFromFiles({
      synthetic,
      train,
      holdout,
      threshold: num('threshold'),
      columns: str('columns')?.split(',').map((c) => c.trim()).filter(Boolean),
      html: str('html'),
      seed: num('seed'),
      maxQueryRows: num('max-queries'),
    });
    if (io.json) io.printJson(r);
    else {
      io.out(`privacy ${r.passed ? 'PASSED' : 'FAILED'} (${r.rows.synthetic} synthetic, ${r.rows.train} train, ${r.rows.holdout} holdout rows; ${r.columns.length} columns)`);
      io.out(`exact copies                 ${r.exactCopies}`);
      io.out(`DCR baseline protection      ${fmt(r.dcrBaselineProtection)}`);
      io.out(`DCR overfitting protection   ${fmt(r.dcrOverfittingProtection)} (threshold ${r.threshold})`);
      io.out(`NNDR median                  ${fmt(r.nndrMedian)}`);
      io.out(`membership-inference AUC     ${fmt(r.membershipInferenceAuc)}`);
      io.out(`median DCR syn→train / syn→holdout / random→train  ${fmt(r.dcr.syntheticToTrain.median, 4)} / ${fmt(r.dcr.syntheticToHoldout.median, 4)} / ${fmt(r.dcr.randomToTrain.median, 4)}`);
      if (r.files.html) io.out(`report                       ${r.files.html}`);
    }
    if (!io.quiet) for (const w of r.warnings) io.err(`warning: ${w}`);
    return args.flags['fail-on-risk'] === true && !r.passed ? 3 : 0;
  },
};
