import { validateFiles } from '../../backend/services/validate';
import { UsageError } from '../args';
import type { Command } from '../command';

const fmt = (v: number | null, d = 3) => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(d));

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Fidelity of synthetic data to real data: KS/TV complements, correlation similarity, discriminator AUC, quotas',
  usage: '--synthetic DIR|CSV --real CSV|DIR [--columns A,B] [--folds K] [--html FILE] [--json]',
  flags: {
    synthetic: { type: 'string', value: 'DIR|CSV', description: 'synthetic table, or a cohort directory (subjects.csv, spec.json)' },
    real: { type: 'string', value: 'CSV|DIR', description: 'the real table to compare with' },
    columns: { type: 'string', value: 'A,B,…', description: 'compare only these columns (default: all shared columns)' },
    folds: { type: 'number', value: 'K', description: 'cross-validation folds of the discriminator (default 5)' },
    seed: { type: 'number', value: 'N', description: 'seed for folds and subsampling (default 0)' },
    html: { type: 'string', value: 'FILE', description: 'also write a self-contained HTML report with histograms and QQ plots' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const str = (name: string) => (typeof args.flags[name] === 'string' ? (args.flags[name] as string) : undefined);
    const synthetic = str('synthetic');
    const real = str('real');
    if (!synthetic || !real) throw new UsageError('--synthetic and --real are required');
    const r = await validateFiles({
      synthetic,
      real,
      columns: str('columns')?.split(',').map((c) => c.trim()).filter(Boolean),
      folds: args.flags.folds === undefined ? undefined : Number(args.flags.folds),
      seed: args.flags.seed === undefined ? undefined : Number(args.flags.seed),
      html: str('html'),
    });
    if (io.json) io.printJson(r);
    else {
      const s = r.summary;
      io.out(`validation of ${r.syntheticRows} synthetic against ${r.realRows} real rows, ${r.columns.length} columns`);
      io.out(`KS complement (mean)           ${fmt(s.ksComplementMean)}`);
      io.out(`TV complement (mean)           ${fmt(s.tvComplementMean)}`);
      io.out(`correlation similarity (mean)  ${fmt(s.correlationSimilarityMean)}`);
      io.out(`discriminator AUC              ${fmt(s.discriminatorAuc)} (0.5 = indistinguishable)`);
      io.out(`overall                        ${fmt(s.overall)}`);
      for (const q of r.quotas) io.out(`quota ${q.id}: expected ${q.expected}, observed ${q.observed}${q.expected === q.observed ? '' : '  MISMATCH'}`);
      if (r.files.html) io.out(`report                         ${r.files.html}`);
    }
    if (!io.quiet) for (const w of r.warnings) io.err(`warning: ${w}`);
    return 0;
  },
};
