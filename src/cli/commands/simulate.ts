// `kinetwin simulate landing|jump|hand`: physics-grounded twin simulations in Ammo (run in a worker thread).
import { KinetwinError } from '../../core/errors';
import { checkGraspOptions, type GraspOptions } from '../../core/physics/hand/graspObject';
import type { BoneKind, HandVariant } from '../../core/physics/hand/handModel';
import { parseSex, simulateHandService, simulateJumpService, simulateLandingService } from '../../backend/services/simulate';
import type { FlagSpec, ParsedArgs } from '../args';
import type { Command, CliIo } from '../command';

const SUBJECT: Record<string, FlagSpec> = {
  mass: { type: 'number', value: 'KG', description: 'body mass (required)' },
  stature: { type: 'number', value: 'M', description: 'stature, 0.5–2.5 m (required)' },
  sex: { type: 'string', value: 'f|m', description: 'de Leva inertia table (default m)' },
  seed: { type: 'number', value: 'N', description: 'small seeded variation of the initial pose / torques (default 0: none)' },
  dt: { type: 'number', value: 'S', description: 'fixed time step (default 0.001 s)' },
  substeps: { type: 'number', value: 'N', description: 'Bullet substeps per step (default 1)' },
  series: { type: 'boolean', description: 'include the time series (GRF, joint angles, CoM) in --json output' },
};

function need(args: ParsedArgs, name: string): number {
  const v = args.flags[name];
  if (v === undefined) throw new KinetwinError(`--${name} is required`);
  return Number(v);
}

function subject(args: ParsedArgs): { mass: number; stature: number; sex?: 'f' | 'm'; seed?: number; dt?: number; substeps?: number } {
  const opt = (k: string): number | undefined => (args.flags[k] === undefined ? undefined : Number(args.flags[k]));
  return { mass: need(args, 'mass'), stature: need(args, 'stature'), sex: parseSex(args.flags.sex), seed: opt('seed'), dt: opt('dt'), substeps: opt('substeps') };
}

function progress(io: CliIo, label: string) {
  return (p: { done: number; total: number }): void => { if (!io.quiet && !io.json) io.progress(p.done, p.total, label); };
}

function print(io: CliIo, args: ParsedArgs, result: { series?: unknown } & Record<string, unknown>, title: string): void {
  const { series, ...summary } = result;
  if (io.json) { io.printJson(args.flags.series ? result : summary); return; }
  io.out(title);
  for (const [k, v] of Object.entries(summary)) io.out(`  ${k.padEnd(26)} ${typeof v === 'number' ? +v.toFixed(4) : JSON.stringify(v)}`);
  void series;
}

export const simulateLandingCommand: Command = {
  name: 'simulate landing',
  summary: 'Drop landing of the physics twin (Ammo): peak vertical GRF (BW), joint flexion, penetration, limit checks',
  usage: '--height M --mass KG --stature M [--sex f|m] [--strategy soft|stiff] [--seed N] [--json] [--series]',
  flags: {
    ...SUBJECT,
    height: { type: 'number', value: 'M', description: 'drop height, 0–1.5 m (required)' },
    strategy: { type: 'string', value: 'soft|stiff', description: 'landing strategy (default soft)' },
    duration: { type: 'number', value: 'S', description: 'time simulated after touchdown (default 0.5 s)' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const strategy = (args.flags.strategy ?? 'soft') as string;
    if (strategy !== 'soft' && strategy !== 'stiff') throw new KinetwinError(`--strategy must be soft or stiff, got ${strategy}`);
    const r = await simulateLandingService(
      { ...subject(args), height: need(args, 'height'), strategy, duration: args.flags.duration === undefined ? undefined : Number(args.flags.duration) },
      { onProgress: progress(io, 'landing') },
    );
    print(io, args, r as unknown as Record<string, unknown>, `drop landing from ${args.flags.height} m (${strategy})`);
    return 0;
  },
};

export const simulateJumpCommand: Command = {
  name: 'simulate jump',
  summary: 'Countermovement jump of the physics twin from a torque-driven controller: jump height, GRF, power',
  usage: '--mass KG --stature M [--sex f|m] [--depth DEG] [--strength X] [--seed N] [--json] [--series]',
  flags: {
    ...SUBJECT,
    depth: { type: 'number', value: 'DEG', description: 'countermovement knee flexion target (default 80°)' },
    strength: { type: 'number', value: 'X', description: 'scales the extensor torques (default 1)' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const opt = (k: string): number | undefined => (args.flags[k] === undefined ? undefined : Number(args.flags[k]));
    const r = await simulateJumpService({ ...subject(args), depthDeg: opt('depth'), strength: opt('strength') }, { onProgress: progress(io, 'jump') });
    print(io, args, r as unknown as Record<string, unknown>, 'countermovement jump');
    return 0;
  },
};

/** Parses the hand variant flags: --absent 3,4  --absent-from 2:pip[,5:dip]  --fused 3,4[;4,5]  --extra  --short 5:middle:0.5[,…]. */
export function handVariantFromFlags(args: ParsedArgs): HandVariant {
  const list = (k: string): string[] => (args.flags[k] === undefined ? [] : String(args.flags[k]).split(/[,;]/).map((s) => s.trim()).filter(Boolean));
  const int = (s: string, what: string): number => {
    if (!/^\d+$/.test(s)) throw new KinetwinError(`${what}: '${s}' is not a digit number (1 thumb … 5 little)`);
    return Number(s);
  };
  const v: HandVariant = {};
  if (args.flags.absent !== undefined) v.absent = list('absent').map((s) => int(s, '--absent'));
  if (args.flags['absent-from'] !== undefined) {
    v.absentFrom = list('absent-from').map((s) => {
      const [d, j] = s.split(':');
      if (!j) throw new KinetwinError(`--absent-from expects DIGIT:JOINT (e.g. 2:pip), got '${s}'`);
      return { digit: int(d, '--absent-from'), joint: j.toLowerCase() };
    });
  }
  if (args.flags.fused !== undefined) {
    const pairs = String(args.flags.fused).split(';').map((p) => p.split(',').map((s) => int(s.trim(), '--fused')));
    for (const p of pairs) if (p.length !== 2) throw new KinetwinError(`--fused expects pairs like 3,4 (several separated by ;), got '${args.flags.fused}'`);
    v.fused = pairs as [number, number][];
  }
  if (args.flags.extra === true) v.extra = true;
  if (args.flags.short !== undefined) {
    v.shortened = list('short').map((s) => {
      const [d, bone, f] = s.split(':');
      if (!bone || f === undefined) throw new KinetwinError(`--short expects DIGIT:BONE:FACTOR (e.g. 5:middle:0.5), got '${s}'`);
      return { digit: int(d, '--short'), bone: bone as BoneKind, factor: Number(f) };
    });
  }
  return v;
}

/** Parses --grasp cylinder|sphere [--object-radius M] [--object-length M]; null without --grasp. */
export function graspFromFlags(args: ParsedArgs): GraspOptions | null {
  const num = (k: string): number | undefined => (args.flags[k] === undefined ? undefined : Number(args.flags[k]));
  if (args.flags.grasp === undefined) {
    if (args.flags['object-radius'] !== undefined || args.flags['object-length'] !== undefined) throw new KinetwinError('--object-radius and --object-length need --grasp cylinder|sphere');
    return null;
  }
  const g: GraspOptions = { object: String(args.flags.grasp).toLowerCase() as GraspOptions['object'] };
  if (num('object-radius') !== undefined) g.radius = num('object-radius');
  if (num('object-length') !== undefined) g.length = num('object-length');
  return checkGraspOptions(g);
}

export const simulateHandCommand: Command = {
  name: 'simulate hand',
  summary: 'Sample hand poses with configurable anatomy (absent, cut, fused, extra, short digits); one JSON label per sample',
  usage: '--samples N --seed N --out DIR [--absent 3,4] [--absent-from 2:pip] [--fused 3,4] [--extra] [--short 5:middle:0.5] [--mode uniform|functional] [--hand-length M] [--grasp cylinder|sphere [--object-radius M] [--object-length M]] [--json]',
  flags: {
    samples: { type: 'number', value: 'N', description: 'number of samples (required)' },
    seed: { type: 'number', value: 'N', description: 'random seed: sample i depends only on (seed, i) (required)' },
    out: { type: 'string', value: 'DIR', description: 'directory for sample-NNNNNNN.json files and summary.json (required)' },
    absent: { type: 'string', value: 'LIST', description: 'absent digits, e.g. 3,4 (1 thumb … 5 little)' },
    'absent-from': { type: 'string', value: 'D:JOINT', description: 'digit absent from a joint distally, e.g. 2:pip' },
    fused: { type: 'string', value: 'A,B', description: 'syndactyly of two adjacent fingers, e.g. 3,4' },
    extra: { type: 'boolean', description: 'an extra (postaxial) sixth digit' },
    short: { type: 'string', value: 'D:BONE:F', description: 'shortened bone, e.g. 5:middle:0.5' },
    mode: { type: 'string', value: 'MODE', description: 'uniform within clinical limits (default) or functional ranges' },
    'hand-length': { type: 'number', value: 'M', description: 'wrist crease to middle fingertip (default 0.19 m)' },
    grasp: { type: 'string', value: 'KIND', description: 'close the digits on a cylinder or sphere resting on the palm (contacts in each label)' },
    'object-radius': { type: 'number', value: 'M', description: 'grasped object radius (default: drawn per sample, cylinder 0.015–0.04, sphere 0.02–0.045 m)' },
    'object-length': { type: 'number', value: 'M', description: 'grasped cylinder length (default: drawn per sample, 0.12–0.2 m)' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const out = args.flags.out;
    if (out === undefined) throw new KinetwinError('--out DIR is required');
    const mode = (args.flags.mode ?? 'uniform') as string;
    if (mode !== 'uniform' && mode !== 'functional') throw new KinetwinError(`--mode must be uniform or functional, got ${mode}`);
    const t0 = Date.now();
    const r = await simulateHandService(
      {
        samples: need(args, 'samples'), seed: need(args, 'seed'), mode, variant: handVariantFromFlags(args),
        handLength: args.flags['hand-length'] === undefined ? undefined : Number(args.flags['hand-length']),
        grasp: graspFromFlags(args),
      },
      String(out), { onProgress: progress(io, 'hand samples') },
    );
    if (io.json) io.printJson({ ...r, outDir: String(out) });
    else {
      io.out(`${r.samples} hand samples in ${String(out)} (${r.collisionFree} collision-free, mean ${r.meanAttempts} draws, worst limit excursion ${r.maxLimitViolationDeg}°) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (r.grasp) io.out(`  grasping a ${r.grasp.object.type}: ${r.grasp.meanDigitsInContact} digits in contact on average, deepest penetration ${(r.grasp.maxPenetrationM * 1000).toFixed(2)} mm`);
    }
    return 0;
  },
};
