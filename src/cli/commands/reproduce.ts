// `kinetwin reproduce DATASET_DIR`: regenerate from the manifest and compare every file (timings excluded).
import { reproduceDataset } from '../../backend/services/dataset-merge';
import type { Command } from '../command';

export const reproduceCommand: Command = {
  name: 'reproduce',
  summary: 'Regenerate a dataset from its manifest in a temp dir and verify every file hash; exit 1 listing differing files',
  usage: 'DATASET_DIR [--fit CSV] [--workers W] [--json]',
  flags: {
    fit: { type: 'string', value: 'CSV', description: 'the fit table (default: as generate finds it; its hash must match the manifest)' },
    workers: { type: 'number', value: 'W', description: 'worker threads (default: every core; 0: in-process)' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const r = await reproduceDataset(args.positionals[0]!, {
      fit: args.flags.fit as string | undefined,
      workers: args.flags.workers === undefined ? undefined : Number(args.flags.workers),
      signal: io.context().signal,
      onProgress: (d, t) => { if (!io.quiet && !io.json) io.progress(d, t, 'regenerating'); },
    });
    if (io.json) io.printJson(r);
    else if (r.identical) io.out(`identical: ${r.checked} files and the manifest (minus timings) reproduced byte for byte`);
    else {
      io.out(`DIFFERENT: ${r.differing.length} of ${r.checked} file(s)`);
      for (const d of r.differing) io.out(`  ${d.path}: ${d.problem}`);
    }
    return r.identical ? 0 : 1;
  },
};
