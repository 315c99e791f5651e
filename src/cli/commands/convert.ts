import { KinetwinError } from '../../core/errors';
import { convertFile, type ConvertTarget } from '../../backend/services/textformats';
import type { AxisConvention } from '../../core/convert/axes';
import type { Command } from '../command';

const TARGETS: ConvertTarget[] = ['trc', 'mot', 'grf', 'sto', 'c3d'];

export const convertCommand: Command = {
  name: 'convert',
  summary: 'Convert between C3D, TRC, MOT/STO (GRF), BVH, IMU, force-text and CSV recordings',
  usage: 'IN OUT [--to trc|mot|grf|sto|c3d] [--units mm|m] [--axes y-up|z-up] [--rate HZ] [--bvh-units cm|mm|m|in] [--json]',
  flags: {
    to: { type: 'string', value: 'FORMAT', description: 'output format (default from OUT\'s extension; .mot of a trial with plates is GRF)' },
    units: { type: 'string', value: 'UNITS', description: 'TRC length units: mm (default: the source\'s) or m' },
    axes: { type: 'string', value: 'UP', description: 'rotate to this lab convention: y-up (OpenSim) or z-up (C3D labs)' },
    rate: { type: 'number', value: 'HZ', description: 'sampling rate for files that do not store it (force text, Xsens, CSV without time)' },
    'bvh-units': { type: 'string', value: 'UNITS', description: 'length unit of a BVH file (default cm)' },
  },
  positionals: { min: 2, max: 2 },
  async run(args, io) {
    const [input, output] = args.positionals as [string, string];
    const to = args.flags.to as string | undefined;
    if (to !== undefined && !TARGETS.includes(to as ConvertTarget)) throw new KinetwinError(`--to must be one of ${TARGETS.join(', ')}, got ${to}`, output);
    const units = args.flags.units as string | undefined;
    if (units !== undefined && units !== 'mm' && units !== 'm') throw new KinetwinError(`--units must be mm or m, got ${units}`, output);
    const axes = args.flags.axes as string | undefined;
    if (axes !== undefined && axes !== 'y-up' && axes !== 'z-up') throw new KinetwinError(`--axes must be y-up or z-up, got ${axes}`, input);
    const bvhUnits = args.flags['bvh-units'] as string | undefined;
    if (bvhUnits !== undefined && !['cm', 'mm', 'm', 'in'].includes(bvhUnits)) throw new KinetwinError(`--bvh-units must be cm, mm, m or in, got ${bvhUnits}`, input);
    const result = await convertFile(input, output, {
      to: to as ConvertTarget | undefined,
      units: units as 'mm' | 'm' | undefined,
      axes: axes as AxisConvention | undefined,
      rate: args.flags.rate === undefined ? undefined : Number(args.flags.rate),
      bvhUnits: bvhUnits as 'cm' | 'mm' | 'm' | 'in' | undefined,
    });
    if (io.json) io.printJson(result);
    else io.out(`${result.input} (${result.from}) → ${result.output} (${result.to}): ${result.frames} frames at ${Number(result.rate.toPrecision(6))} Hz, ${result.points} points, ${result.analogChannels} analog channels, ${result.upAxis}-up, ${result.bytes} bytes`);
    for (const w of result.warnings) io.err(`warning: ${input}: ${w}`);
    return 0;
  },
};
