// `kinetwin generate cohort`: synthetic labelled dataset (subjects → physics task → files + manifest + lineage).
import { readFileSync } from 'node:fs';
import { KinetwinError } from '../../core/errors';
import { generateDataset } from '../../backend/services/dataset';
import type { Command } from '../command';

function readSpecFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new KinetwinError('cannot read the spec file', path);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new KinetwinError(`spec is not valid JSON: ${(e as Error).message}`, path);
  }
}

const num = (v: unknown): number | undefined => (v === undefined ? undefined : Number(v));

export const generateCohortCommand: Command = {
  name: 'generate cohort',
  summary: 'Generate a synthetic labelled cohort dataset: subjects from a model fitted on real anthropometry, a physics task per sample, manifest + lineage',
  usage: '--n N --seed S --task drop-landing|cmj|hand-poses|gait [--spec FILE] [--fit CSV] [--shard k/N] [--samples-per-subject K] [--workers W] --out DIR [--json]',
  flags: {
    n: { type: 'number', value: 'N', description: 'subjects (overrides the spec)' },
    seed: { type: 'number', value: 'S', description: 'seed (overrides the spec)' },
    task: { type: 'string', value: 'TASK', description: 'drop-landing | cmj | hand-poses | gait (gait: the bundled real walk perturbed, markers TRC + angles MOT)' },
    spec: { type: 'string', value: 'FILE', description: 'cohort spec JSON (conditions, demographics…)' },
    fit: { type: 'string', value: 'CSV', description: 'table the cohort model is fitted on (default ANSUR II train)' },
    shard: { type: 'string', value: 'k/N', description: 'generate only shard k of N (contiguous subjects); join with `kinetwin merge`' },
    'samples-per-subject': { type: 'number', value: 'K', description: 'samples per subject (default 1)' },
    workers: { type: 'number', value: 'W', description: 'worker threads (default: every core; 0: in-process)' },
    out: { type: 'string', value: 'DIR', description: 'output directory (new or empty; required)' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const out = args.flags.out as string | undefined;
    if (!out) throw new KinetwinError('--out DIR is required');
    const result = await generateDataset({
      out,
      n: num(args.flags.n),
      seed: num(args.flags.seed),
      task: args.flags.task as string | undefined,
      spec: args.flags.spec ? readSpecFile(String(args.flags.spec)) : undefined,
      fit: args.flags.fit as string | undefined,
      shard: args.flags.shard as string | undefined,
      samplesPerSubject: num(args.flags['samples-per-subject']),
      workers: num(args.flags.workers),
      signal: io.context().signal,
      onProgress: (done, total) => { if (!io.quiet && !io.json) io.progress(done, total, 'subjects'); },
      store: io.context().store(),
    });
    if (io.json) io.printJson(result);
    else {
      io.out(`${result.task} dataset${result.shard ? ` shard ${result.shard.k}/${result.shard.n} (subjects ${result.shard.start}–${result.shard.end - 1})` : ''}: ${result.subjects} subjects, ${result.samples} samples, ${result.files} files in ${result.seconds.toFixed(1)} s`);
      io.out(`  ${result.dir}`);
      io.out(`  spec ${result.specHash}`);
      io.out(`  dataset ${result.digest}  (artifact ${result.artifactId ?? '-'})`);
    }
    return 0;
  },
};
