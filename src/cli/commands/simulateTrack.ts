// `kinetwin simulate track DYNAMIC --static STATIC`: how physically consistent a recorded motion is when the
// physics twin (Ammo) follows it — root residuals in % body weight, simulated vs measured GRF, penetration, limits.
import { KinetwinError } from '../../core/errors';
import { simulateTrackFile, type TrackResult } from '../../backend/services/simulateTrack';
import type { ParsedArgs } from '../args';
import type { Command, CliIo } from '../command';

function num(args: ParsedArgs, name: string): number | undefined {
  const v = args.flags[name];
  return v === undefined ? undefined : Number(v);
}

function frameFlag(args: ParsedArgs, name: string): number | undefined {
  const v = num(args, name);
  if (v !== undefined && !(Number.isInteger(v) && v >= 0)) throw new KinetwinError(`--${name} must be a frame number ≥ 0, got ${String(args.flags[name])}`);
  return v;
}

/** `N` (= 0:N) or `A:B` (0-based, B exclusive), as `analyze kinematics --static-frames`. */
function staticFrames(text: unknown, file: string): [number, number] | undefined {
  if (text === undefined) return undefined;
  const m = /^(?:(\d+):)?(\d+)$/.exec(String(text).trim());
  const from = m ? Number(m[1] ?? 0) : NaN, to = m ? Number(m[2]) : NaN;
  if (!(to > from)) throw new KinetwinError(`--static-frames must be N or A:B with A < B, got ${String(text)}`, file);
  return [from, to];
}

const fmt = (v: number, d: number): string => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');

function printText(io: CliIo, r: TrackResult): void {
  io.out(`physics consistency of ${r.file} (static ${r.static})`);
  io.out(`  frames                      ${r.frames} at ${fmt(r.rate, 1)} Hz (${fmt(r.durationS, 2)} s, first ${r.settleFrames} left out while the body settles)`);
  io.out(`  body                        ${fmt(r.massKg, 1)} kg, ${fmt(r.statureM, 3)} m; ground offset ${fmt(r.groundOffsetM * 100, 1)} cm; IK marker RMS ${fmt(r.markerRmsErrorM * 1000, 1)} mm`);
  io.out(`  root residual force         mean ${fmt(r.residualForcePctBw.mean, 1)}, RMS ${fmt(r.residualForcePctBw.rms, 1)}, max ${fmt(r.residualForcePctBw.max, 1)} % BW (vs ${r.residualSource})`);
  io.out(`  root residual moment        mean ${fmt(r.residualMomentPctBwH.mean, 2)}, RMS ${fmt(r.residualMomentPctBwH.rms, 2)}, max ${fmt(r.residualMomentPctBwH.max, 2)} % BW·H`);
  io.out(`  simulation root actuator    RMS ${fmt(r.simulationRootForcePctBw.rms, 1)} % BW (pelvis position error RMS ${fmt(r.rootErrorRmsM * 1000, 0)} mm)`);
  io.out(`  vertical GRF RMSE           ${r.grfRmseBw === null ? `n/a (no force data)` : `${fmt(r.grfRmseBw, 3)} BW, simulated vs ${r.grfSource}`}`);
  io.out(`  ground penetration max      ${fmt(r.penetrationMaxM * 1000, 1)} mm (pads' static deflection ${fmt(r.staticDeflectionM * 1000, 1)} mm)`);
  io.out(`  joint-limit violation max   ${fmt(r.jointLimitViolationMaxDeg, 1)}°`);
  io.out(`  tracking error RMS          ${fmt(r.trackingErrorRmsDeg, 2)}°`);
  io.out(`  consistency score           ${fmt(r.score, 1)} / 100 (geometric mean of 1/(1+(x/threshold)²) over the criteria above)`);
  for (const w of r.warnings) io.err(`warning: ${w}`);
}

export const simulateTrackCommand: Command = {
  name: 'simulate track',
  summary: 'Physics consistency of a recorded motion: the Ammo twin tracks the IK angles; residual force/moment (% BW), GRF RMSE, penetration, limits, score',
  usage: 'DYNAMIC --static STATIC --mass KG [--grf FILE.mot] [--sex f|m] [--stature M] [--static-frames A:B] [--from N] [--to N] [--cutoff HZ] [--json] [--series]',
  flags: {
    static: { type: 'string', value: 'FILE', description: 'static trial (TRC/C3D) the twin is scaled on (required)' },
    mass: { type: 'number', value: 'KG', description: 'body mass (required): residuals are in % of its weight' },
    grf: { type: 'string', value: 'FILE', description: 'OpenSim GRF .mot (default: the dynamic C3D\'s force plates, if any)' },
    sex: { type: 'string', value: 'f|m', description: 'de Leva tables (default m)' },
    stature: { type: 'number', value: 'M', description: 'physics body stature (default: from the scaled twin\'s leg length)' },
    'static-frames': { type: 'string', value: 'A:B', description: 'scale on frames A (inclusive) to B (exclusive, 0-based) of STATIC only (STATIC may be DYNAMIC itself)' },
    'marker-set': { type: 'string', value: 'NAME', description: 'plug-in-gait | opensim-gait | vicon-cluster (detected when absent)' },
    from: { type: 'number', value: 'N', description: 'first frame tracked, 0-based (default 0)' },
    to: { type: 'number', value: 'N', description: 'last frame tracked, 0-based inclusive (default the last)' },
    cutoff: { type: 'number', value: 'HZ', description: 'low-pass of the joint angles (default 6 Hz, 0: none)' },
    dt: { type: 'number', value: 'S', description: 'physics step (default 0.001 s)' },
    series: { type: 'boolean', description: 'include the per-frame residuals and GRF in --json output' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const dynamic = args.positionals[0]!;
    const staticPath = args.flags.static;
    if (typeof staticPath !== 'string' || staticPath === '') throw new KinetwinError('--static FILE is required');
    const mass = num(args, 'mass');
    if (mass === undefined) throw new KinetwinError('--mass KG is required');
    const result = await simulateTrackFile(dynamic, staticPath, {
      massKg: mass,
      sex: args.flags.sex === undefined ? undefined : String(args.flags.sex),
      statureM: num(args, 'stature'),
      grfPath: args.flags.grf === undefined ? undefined : String(args.flags.grf),
      staticFrames: staticFrames(args.flags['static-frames'], staticPath),
      markerSet: args.flags['marker-set'] === undefined ? undefined : String(args.flags['marker-set']),
      firstFrame: frameFlag(args, 'from'),
      lastFrame: frameFlag(args, 'to'),
      cutoffHz: num(args, 'cutoff'),
      dt: num(args, 'dt'),
      series: args.flags.series === true,
    }, { onProgress: (p) => { if (!io.quiet && !io.json) io.progress(p.done, p.total, p.phase); } });
    if (io.json) io.printJson(result);
    else printText(io, result);
    return 0;
  },
};
