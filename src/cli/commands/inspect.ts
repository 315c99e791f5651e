import { KinetwinError } from '../../core/errors';
import { inspectFile } from '../../backend/services/c3dfile';
import { openTrialFile } from '../../backend/services/textformats';
import type { Command } from '../command';

// `kinetwin inspect FILE [--frames 0,225,449]`: the JSON summary of src/core/inspect/inspect.ts.
export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'Summarise a recording (C3D: processor, storage, points, analogs, plates, events) and print chosen frames',
  usage: 'FILE [--frames LIST] [--json]',
  flags: {
    frames: { type: 'string', value: 'LIST', description: 'comma-separated 0-based frame indices whose values to print, e.g. 0,225,449' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const [file] = args.positionals as [string];
    const list = args.flags.frames as string | undefined;
    let frames: number[] | undefined;
    if (list !== undefined) {
      frames = list.split(',').map((s) => Number(s.trim()));
      if (frames.some((f) => !Number.isInteger(f) || f < 0)) throw new KinetwinError(`--frames must list 0-based frame numbers, got '${list}'`, file);
    }
    const summary = await inspectFile(file, { frames }, (path) => openTrialFile(path));
    if (io.json || frames) {
      io.printJson(summary);
      return 0;
    }
    const s = summary as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    io.out(`${file}: ${[s.format, s.processor, s.storage].filter(Boolean).join(' ')}`);
    if (s.points) io.out(`points   ${s.points.count} × ${s.points.frames} frames at ${s.points.rate} Hz (${s.points.units}), first frame ${s.points.firstFrame}`);
    if (s.analogs) io.out(`analogs  ${s.analogs.count} channels at ${s.analogs.rate} Hz`);
    if (s.forcePlates?.length) io.out(`plates   ${s.forcePlates.map((p: { type: number }) => `type ${p.type}`).join(', ')}`);
    if (s.events?.length) io.out(`events   ${s.events.length}: ${s.events.slice(0, 6).map((e: { label: string; time: number }) => `${e.label}@${e.time}s`).join(', ')}${s.events.length > 6 ? ' …' : ''}`);
    for (const w of s.warnings as string[]) io.err(`warning: ${w}`);
    return 0;
  },
};
