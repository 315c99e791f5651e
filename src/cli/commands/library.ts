import type { Command } from '../command';

export const trialsCommand: Command = {
  name: 'trials',
  summary: 'List imported trials',
  usage: '[--subject PSEUDONYM] [--json]',
  flags: { subject: { type: 'string', value: 'PSEUDONYM', description: 'only this subject\'s trials' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const { trials } = await io.call('listTrials', { subject: args.flags.subject as string | undefined });
    if (io.json) io.printJson({ trials });
    else if (trials.length === 0) io.out('no trials yet — kinetwin import FILE… adds some');
    else for (const t of trials) io.out(`${String(t.id).padStart(4)}  ${t.format.padEnd(5)} ${t.label.padEnd(28)} ${(t.subject ?? '-').padEnd(12)} ${t.pointCount} points × ${t.frames} frames, ${t.analogCount} analogs`);
    return 0;
  },
};

export const subjectsCommand: Command = {
  name: 'subjects',
  summary: 'List pseudonymous subjects',
  usage: '[--json]',
  positionals: { min: 0, max: 0 },
  async run(_args, io) {
    const { subjects } = await io.call('listSubjects', {});
    if (io.json) io.printJson({ subjects });
    else if (subjects.length === 0) io.out('no subjects yet');
    else for (const s of subjects) io.out(`${s.pseudonym.padEnd(14)} sex ${s.sex}  ${s.trials} trials`);
    return 0;
  },
};
