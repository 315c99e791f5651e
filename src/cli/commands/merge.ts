// `kinetwin merge DIR… --out DIR`: join shards into the dataset a single run would have produced.
import { KinetwinError } from '../../core/errors';
import { mergeDatasets } from '../../backend/services/dataset-merge';
import type { Command } from '../command';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Join dataset shards (generate cohort --shard k/N) into one dataset, byte-identical to a single run',
  usage: 'SHARD_DIR… --out DIR [--json]',
  flags: { out: { type: 'string', value: 'DIR', description: 'output directory (new or empty; required)' } },
  positionals: { min: 1 },
  async run(args, io) {
    const out = args.flags.out as string | undefined;
    if (!out) throw new KinetwinError('--out DIR is required');
    const r = mergeDatasets(args.positionals, out, { store: io.context().store() });
    if (io.json) io.printJson(r);
    else io.out(`merged ${r.shards} shard(s): ${r.subjects} subjects, ${r.files} files → ${r.dir}\n  dataset ${r.digest}  (artifact ${r.artifactId ?? '-'})`);
    return 0;
  },
};
