import { KinetwinError } from '../../core/errors';
import type { JumpReport, JumpType } from '../../core/jump/types';
import { analyzeJumpFile, type JumpFileReport } from '../../backend/services/jump';
import type { Command } from '../command';

const TYPES: JumpType[] = ['cmj', 'sj', 'dj'];
const TYPE_NAMES: Record<JumpType, string> = { cmj: 'countermovement jump', sj: 'squat jump', dj: 'drop jump' };

export const analyzeJumpCommand: Command = {
  name: 'analyze jump',
  summary: 'Jump height, RSI, forces, power, phases and left/right asymmetry from vertical force plates',
  usage: 'FILE [--rate HZ] [--type cmj|sj|dj] [--drop-height M] [--mass KG] [--threshold N] [--no-zero-plate] [--json]',
  flags: {
    rate: { type: 'number', value: 'HZ', description: 'sampling rate (not stored in force text files; 1000 Hz assumed)' },
    type: { type: 'string', value: 'TYPE', description: 'cmj, sj or dj (detected when left out)' },
    'drop-height': { type: 'number', value: 'M', description: 'drop jump box height: take-off velocity from the contact impulse' },
    mass: { type: 'number', value: 'KG', description: 'body mass, for a drop jump without quiet standing after landing' },
    threshold: { type: 'number', value: 'N', description: 'take-off/landing force threshold (default max(20 N, 5 SD of the empty plate))' },
    'zero-plate': { type: 'boolean', default: true, description: 'subtract what the empty plate reads in flight (--no-zero-plate keeps it)' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const file = args.positionals[0]!;
    const type = args.flags.type;
    if (type !== undefined && !TYPES.includes(type as JumpType)) throw new KinetwinError(`--type must be cmj, sj or dj, got ${String(type)}`, file);
    const num = (name: string) => (args.flags[name] === undefined ? undefined : Number(args.flags[name]));
    const report = await analyzeJumpFile(file, {
      rate: num('rate'),
      type: type as JumpType | undefined,
      dropHeight: num('drop-height'),
      bodyMassKg: num('mass'),
      takeoffThresholdN: num('threshold'),
      zeroPlate: args.flags['zero-plate'] !== false,
    });
    if (io.json) io.printJson(report);
    else for (const line of describeJump(report)) io.out(line);
    for (const w of report.warnings) io.err(`warning: ${file}: ${w}`);
    return 0;
  },
};

const f = (v: number | null, digits: number, unit: string) => (v === null || !Number.isFinite(v) ? '—' : `${v.toFixed(digits)} ${unit}`);

/** Human-readable summary of a jump report, one line per quantity. */
export function describeJump(r: JumpFileReport | JumpReport): string[] {
  const bw = r.bodyWeightN;
  const lines = [
    `${TYPE_NAMES[r.type]} (${r.typeDetected ? 'detected' : 'as given'}), ${r.rate} Hz, ${r.samples} samples`,
    `body weight       ${f(bw, 1, 'N')} (${f(r.bodyMassKg, 2, 'kg')}), empty plate read ${f(r.plateOffsetN, 1, 'N')}`,
    `jump height       ${f(r.jumpHeight, 3, 'm')} impulse–momentum (${r.jumpHeightMethod}, take-off ${f(r.takeoffVelocity, 3, 'm/s')})`,
    `                  ${f(r.jumpHeightFlight, 3, 'm')} flight time (${f(r.flightTime, 3, 's')})`,
  ];
  if (r.contactTime !== null) lines.push(`contact time      ${f(r.contactTime, 3, 's')}, RSI ${f(r.rsi, 2, 'm/s')}`);
  lines.push(
    `RSI-modified      ${f(r.rsiModified, 3, 'm/s')} (time to take-off ${f(r.timeToTakeoff, 3, 's')})`,
    `peak force        ${f(r.peakForceN, 0, 'N')} (${(r.peakForceN / bw).toFixed(2)} BW)`,
    `peak power        ${f(r.peakPowerW, 0, 'W')} (${(r.peakPowerW / r.bodyMassKg).toFixed(1)} W/kg)`,
    `landing peak      ${r.landingPeakForceN === null ? '—' : `${f(r.landingPeakForceN, 0, 'N')} (${(r.landingPeakForceN / bw).toFixed(2)} BW)`}`,
    'phases            start–end (duration), mean force, net impulse',
    ...r.phases.map(
      (p) =>
        `  ${p.name.padEnd(15)} ${p.start.toFixed(3)}–${p.end.toFixed(3)} s (${(p.end - p.start).toFixed(3)} s), ${p.meanForceN.toFixed(0)} N, ${p.netImpulseNs.toFixed(1)} N·s`,
    ),
  );
  if (r.asymmetry) {
    const a = r.asymmetry;
    lines.push(`asymmetry         ${a.formula}; standing ${a.weighingSharePct.left.toFixed(1)} % left / ${a.weighingSharePct.right.toFixed(1)} % right`);
    for (const p of a.phases)
      lines.push(`  ${p.phase.padEnd(15)} impulse ${p.impulse.asymmetryPct.toFixed(1)} % (${p.impulse.larger}), peak force ${p.peakForce.asymmetryPct.toFixed(1)} % (${p.peakForce.larger})`);
    lines.push(`  ${'peak force'.padEnd(15)} ${a.peakForce.asymmetryPct.toFixed(1)} % (${a.peakForce.larger})`);
  }
  return lines;
}
