// `kinetwin twin scale|ik|id|landing`: the subject-specific biomechanical twin from marker files.
import { KinetwinError } from '../../core/errors';
import type { Sex } from '../../core/twin/model';
import { inverseDynamicsFile, inverseKinematicsFile, landingFile, scaleSubjectFile, type SubjectOptions } from '../../backend/services/kinematics';
import type { FlagSpec, ParsedArgs } from '../args';
import type { Command } from '../command';

const SUBJECT_FLAGS: Record<string, FlagSpec> = {
  mass: { type: 'number', value: 'KG', description: 'body mass (required)' },
  sex: { type: 'string', value: 'SEX', description: 'male or female: de Leva inertia table (default male)' },
  'marker-set': { type: 'string', value: 'NAME', description: 'plug-in-gait or opensim-gait (detected from the labels when left out)' },
  'knee-width': { type: 'number', value: 'M', description: 'knee width, when only lateral knee markers exist (default 0.10 m)' },
  'ankle-width': { type: 'number', value: 'M', description: 'ankle width, when only lateral ankle markers exist (default 0.07 m)' },
  'elbow-width': { type: 'number', value: 'M', description: 'elbow width, when only a lateral elbow marker exists (default 0.07 m)' },
  'hip-method': { type: 'string', value: 'NAME', description: 'hip joint centre regression: harrington (default) or bell' },
};

function subject(args: ParsedArgs, file: string): SubjectOptions {
  const mass = Number(args.flags.mass);
  if (args.flags.mass === undefined || !(mass > 0 && mass < 500)) throw new KinetwinError('--mass KG is required (0–500 kg)', file);
  const sex = (args.flags.sex ?? 'male') as string;
  if (sex !== 'male' && sex !== 'female') throw new KinetwinError(`--sex must be male or female, got ${sex}`, file);
  const hip = args.flags['hip-method'] as string | undefined;
  if (hip !== undefined && hip !== 'harrington' && hip !== 'bell') throw new KinetwinError(`--hip-method must be harrington or bell, got ${hip}`, file);
  const num = (k: string) => (args.flags[k] === undefined ? undefined : Number(args.flags[k]));
  return {
    massKg: mass, sex: sex as Sex, markerSet: args.flags['marker-set'] as string | undefined,
    kneeWidthM: num('knee-width'), ankleWidthM: num('ankle-width'), elbowWidthM: num('elbow-width'), hipMethod: hip as 'harrington' | 'bell' | undefined,
  };
}

const mm = (m: number) => `${(m * 1000).toFixed(1)} mm`;

export const twinScaleCommand: Command = {
  name: 'twin scale',
  summary: 'Scale the full-body model to a static trial: joint centres, segment lengths, de Leva inertia, marker residuals',
  usage: 'STATIC --mass KG [--sex male|female] [--marker-set NAME] [--knee-width M] [--ankle-width M] [--json]',
  flags: SUBJECT_FLAGS,
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const file = args.positionals[0]!;
    const r = await scaleSubjectFile(file, subject(args, file));
    if (io.json) io.printJson(r);
    else {
      io.out(`${file}: ${r.markerSet} markers, ${r.model.segments.length} segments, ${r.model.coordinates.length} coordinates, ${r.model.massKg} kg`);
      for (const s of r.model.segments) io.out(`  ${s.name.padEnd(11)} ${s.lengthM.toFixed(3)} m  ${s.massKg.toFixed(2)} kg  ×${r.scaleFactors[s.name]?.toFixed(2) ?? '—'}`);
      const worst = [...r.residuals].sort((a, b) => b.errorM - a.errorM).slice(0, 5);
      io.out(`  largest static residuals: ${worst.map((x) => `${x.marker} ${mm(x.errorM)}`).join(', ')}`);
    }
    for (const w of r.warnings) io.err(`warning: ${file}: ${w}`);
    return 0;
  },
};

export const twinIkCommand: Command = {
  name: 'twin ik',
  summary: 'Inverse kinematics of a motion trial with the model scaled to a static trial; writes an OpenSim MOT',
  usage: 'STATIC MOTION --mass KG [--out FILE.mot] [--sex male|female] [--marker-set NAME] [--json]',
  flags: { ...SUBJECT_FLAGS, out: { type: 'string', value: 'FILE', description: 'write the joint angles here (OpenSim MOT, degrees)' } },
  positionals: { min: 2, max: 2 },
  async run(args, io) {
    const [stat, motion] = args.positionals as [string, string];
    const r = await inverseKinematicsFile(stat, motion, { ...subject(args, stat), outPath: args.flags.out as string | undefined });
    if (io.json) io.printJson(r);
    else {
      io.out(`${motion}: ${r.frames} frames at ${r.rate} Hz, ${r.markersUsed.length} markers, RMS ${mm(r.meanRmsErrorM)} (max ${mm(r.maxErrorM)})${r.output ? ` → ${r.output}` : ''}`);
      for (const [c, [lo, hi]] of Object.entries(r.rangesDeg)) if (/hip_flexion|knee_flexion|ankle_dorsiflexion/.test(c)) io.out(`  ${c.padEnd(22)} ${lo.toFixed(1)}° … ${hi.toFixed(1)}°`);
    }
    for (const w of r.warnings) io.err(`warning: ${motion}: ${w}`);
    return 0;
  },
};

export const twinIdCommand: Command = {
  name: 'twin id',
  summary: 'Inverse dynamics (net joint moments, N·m/kg) from a motion trial and an OpenSim GRF file',
  usage: 'STATIC MOTION GRF --mass KG [--out FILE.sto] [--cutoff HZ] [--sex male|female] [--json]',
  flags: { ...SUBJECT_FLAGS, out: { type: 'string', value: 'FILE', description: 'write the joint moments here (MOT/STO)' }, cutoff: { type: 'number', value: 'HZ', description: 'low-pass of kinematics and forces (default 6 Hz)' } },
  positionals: { min: 3, max: 3 },
  async run(args, io) {
    const [stat, motion, grf] = args.positionals as [string, string, string];
    const r = await inverseDynamicsFile(stat, motion, grf, { ...subject(args, stat), outPath: args.flags.out as string | undefined, cutoffHz: args.flags.cutoff === undefined ? undefined : Number(args.flags.cutoff) });
    if (io.json) io.printJson(r);
    else {
      io.out(`${motion}: ${r.frames} frames, kinematics and forces low-passed at ${r.cutoffHz} Hz${r.output ? ` → ${r.output}` : ''}`);
      for (const [c, [lo, hi]] of Object.entries(r.peaksNmPerKg)) io.out(`  ${c.padEnd(22)} ${lo.toFixed(2)} … ${hi.toFixed(2)} N·m/kg`);
    }
    for (const w of r.warnings) io.err(`warning: ${motion}: ${w}`);
    return 0;
  },
};

export const twinLandingCommand: Command = {
  name: 'twin landing',
  summary: 'Landing kinematics: hip/knee flexion at contact and peak, knee valgus (frontal-plane projection angle)',
  usage: 'STATIC MOTION --mass KG (--grf FILE | --contact-frame N) [--json]',
  flags: { ...SUBJECT_FLAGS, grf: { type: 'string', value: 'FILE', description: 'OpenSim GRF file: contact where the vertical force rises above 20 N' }, 'contact-frame': { type: 'number', value: 'N', description: 'initial-contact frame (0-based)' } },
  positionals: { min: 2, max: 2 },
  async run(args, io) {
    const [stat, motion] = args.positionals as [string, string];
    const cf = args.flags['contact-frame'];
    const r = await landingFile(stat, motion, { ...subject(args, stat), grfPath: args.flags.grf as string | undefined, contactFrame: cf === undefined ? undefined : Number(cf) });
    if (io.json) io.printJson(r);
    else for (const s of r.sides) io.out(`${s.side === 'r' ? 'right' : 'left'}: contact ${s.contactTimeS.toFixed(3)} s, hip ${s.hipFlexionAtContactDeg.toFixed(1)}° → ${s.peakHipFlexionDeg.toFixed(1)}°, knee ${s.kneeFlexionAtContactDeg.toFixed(1)}° → ${s.peakKneeFlexionDeg.toFixed(1)}° in ${s.timeToPeakKneeFlexionS.toFixed(3)} s, knee FPPA ${s.kneeFppaAtContactDeg.toFixed(1)}° (peak valgus ${s.peakKneeValgusFppaDeg.toFixed(1)}°)`);
    for (const w of r.warnings) io.err(`warning: ${motion}: ${w}`);
    return 0;
  },
};
