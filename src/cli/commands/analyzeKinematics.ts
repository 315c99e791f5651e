// `kinetwin analyze kinematics DYNAMIC --static STATIC`: joint angles (OpenSim MOT, degrees) of the subject's
// scaled twin, and with --moments net joint moments (N·m/kg) from the file's own force plates or --grf.
import { KinetwinError } from '../../core/errors';
import type { Sex } from '../../core/twin/model';
import { analyzeKinematicsFile, type KinematicsAnalysis } from '../../backend/services/kinematics';
import type { Command } from '../command';

const SEXES: Record<string, Sex> = { f: 'female', female: 'female', m: 'male', male: 'male' };

function describe(r: KinematicsAnalysis): string[] {
  const lines = [
    `${r.file}: ${r.frames} frames at ${r.rate} Hz, ${r.markerSet} markers, RMS marker error ${(r.rmsMarkerErrorM.mean * 1000).toFixed(1)} mm (max ${(r.rmsMarkerErrorM.max * 1000).toFixed(1)} mm)${r.output ? ` → ${r.output}` : ''}`,
  ];
  for (const [c, s] of Object.entries(r.coordinates))
    if (/^(hip_flexion|knee_flexion|ankle_dorsiflexion)_[rl]$|^pelvis_tilt$/.test(c)) lines.push(`  ${c.padEnd(22)} ${s.minDeg.toFixed(1)}° … ${s.maxDeg.toFixed(1)}°`);
  if (r.moments) {
    lines.push(`  joint moments from ${r.moments.plates} ${r.moments.source === 'grf-mot' ? 'GRF file' : 'C3D'} plate(s), low-passed at ${r.moments.cutoffHz} Hz:`);
    for (const [c, s] of Object.entries(r.moments.peaks)) if (/^(hip_flexion|knee_flexion|ankle_dorsiflexion)_/.test(c)) lines.push(`  ${c.padEnd(29)} ${s.minNmPerKg.toFixed(2)} … ${s.maxNmPerKg.toFixed(2)} N·m/kg`);
  }
  return lines;
}

function staticFrames(text: string | undefined, file: string): [number, number] | undefined {
  if (text === undefined) return undefined;
  const m = /^(?:(\d+):)?(\d+)$/.exec(text.trim());
  const from = m ? Number(m[1] ?? 0) : NaN, to = m ? Number(m[2]) : NaN;
  if (!(to > from)) throw new KinetwinError(`--static-frames must be N or A:B with A < B, got ${text}`, file);
  return [from, to];
}

export const analyzeKinematicsCommand: Command = {
  name: 'analyze kinematics',
  summary: 'Joint angles (OpenSim MOT, degrees) of the subject-scaled twin; --moments adds joint moments from force plates',
  usage: 'DYNAMIC --static STATIC [--out angles.mot] [--mass KG] [--sex f|m] [--moments] [--grf GRF.mot] [--static-frames A:B] [--json]',
  flags: {
    static: { type: 'string', value: 'FILE', description: 'static (standing) trial the model is scaled to (TRC or C3D); may be DYNAMIC itself with --static-frames' },
    out: { type: 'string', value: 'FILE', description: 'write joint angles (and moments) here: OpenSim MOT, inDegrees=yes' },
    mass: { type: 'number', value: 'KG', description: 'body mass (75 kg assumed for angles; required for --moments)' },
    sex: { type: 'string', value: 'f|m', description: 'de Leva inertia table (default m)' },
    moments: { type: 'boolean', description: 'add joint moments (N·m/kg): the file\'s own force plates (C3D) or --grf' },
    grf: { type: 'string', value: 'FILE', description: 'OpenSim ground reaction MOT for --moments' },
    'static-frames': { type: 'string', value: 'A:B', description: 'scale on frames A (inclusive) to B (exclusive, 0-based) of STATIC only; N means 0:N (default all)' },
    'marker-set': { type: 'string', value: 'NAME', description: 'plug-in-gait, opensim-gait or vicon-cluster (detected when left out)' },
    cutoff: { type: 'number', value: 'HZ', description: 'inverse-dynamics low-pass of kinematics and forces (default 6 Hz)' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const file = args.positionals[0]!;
    const staticPath = args.flags.static as string | undefined;
    if (!staticPath) throw new KinetwinError('--static STATIC is required (the standing trial the model is scaled to)', file);
    const sexFlag = args.flags.sex as string | undefined;
    const sex = sexFlag === undefined ? undefined : SEXES[sexFlag.toLowerCase()];
    if (sexFlag !== undefined && !sex) throw new KinetwinError(`--sex must be f or m, got ${sexFlag}`, file);
    const num = (k: string) => (args.flags[k] === undefined ? undefined : Number(args.flags[k]));
    const mass = num('mass');
    if (mass !== undefined && !(mass > 0 && mass < 500)) throw new KinetwinError(`--mass must be between 0 and 500 kg, got ${mass}`, file);
    const frames = staticFrames(args.flags['static-frames'] as string | undefined, file);
    const grf = args.flags.grf as string | undefined;
    const r = await analyzeKinematicsFile(file, {
      staticPath, outPath: args.flags.out as string | undefined, massKg: mass, sex, staticFrames: frames,
      moments: args.flags.moments === true || grf !== undefined, grfPath: grf, markerSet: args.flags['marker-set'] as string | undefined, cutoffHz: num('cutoff'),
    });
    if (io.json) io.printJson(r);
    else for (const line of describe(r)) io.out(line);
    for (const w of r.warnings) io.err(`warning: ${file}: ${w}`);
    return 0;
  },
};
