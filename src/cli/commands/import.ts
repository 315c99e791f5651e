import type { Command } from '../command';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import recordings into the store, de-identified (C3D, TRC, MOT/STO, BVH, IMU, force text, CSV)',
  usage: 'FILE… [--subject PSEUDONYM] [--rate HZ] [--json]',
  flags: {
    subject: { type: 'string', value: 'PSEUDONYM', description: 'file the trials under this pseudonym (a real name is hashed)' },
    rate: { type: 'number', value: 'HZ', description: 'sampling rate for files that do not state one (force text, CSV)' },
  },
  positionals: { min: 1 },
  async run(args, io) {
    const { results } = await io.call('importFiles', {
      paths: args.positionals,
      subject: args.flags.subject as string | undefined,
      rate: args.flags.rate as number | undefined,
    });
    const failed = results.filter((r) => r.status === 'error');
    if (io.json) io.printJson({ results });
    for (const r of results) {
      if (r.status === 'error') io.err(`error: ${r.error}`);
      else if (io.json) continue;
      else if (r.status === 'duplicate') io.out(`${r.file}: already imported as trial ${r.trialId} (same SHA-256), skipped`);
      else {
        io.out(`${r.file}: trial ${r.trialId} "${r.label}" (${r.format}${r.subject ? `, subject ${r.subject}` : ''}): ${r.points} points × ${r.frames} frames, ${r.analogs} analog channels, ${r.forcePlates} force plates, ${r.events} events`);
        for (const w of r.warnings) io.err(`warning: ${r.file}: ${w}`);
      }
    }
    return failed.length > 0 ? 1 : 0;
  },
};
