// The twin's file-level services: scale the full-body model to a static trial, run inverse kinematics on a
// motion trial (writing an OpenSim MOT), inverse dynamics with an OpenSim GRF file, and landing kinematics.
// Plain async functions over paths; results are JSON-serialisable; KinetwinErrors name the file.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { inFile, KinetwinError } from '../../core/errors';
import { readMot } from '../../core/formats/mot/read';
import { writeMot } from '../../core/formats/mot/write';
import type { MotTable } from '../../core/formats/mot/table';
import type { Trial } from '../../core/model/trial';
import { describeModel, type ModelDescription } from '../../core/twin/describe';
import { createFullBodyModel } from '../../core/twin/fullBody';
import { assignGroundReactions, resample, type PlateSeries } from '../../core/twin/groundReaction';
import { solveInverseKinematics, type IkResult } from '../../core/twin/ik';
import { inverseDynamics } from '../../core/twin/inverseDynamics';
import { landingKinematics, type LandingSide } from '../../core/twin/landing';
import { BUILT_IN_MARKER_SETS, detectMarkerSet, type MarkerSet } from '../../core/twin/markerSets';
import type { BodyModel, Sex } from '../../core/twin/model';
import { writeCoordinatesMot } from '../../core/twin/mot';
import { scaleModel, type ScaleOptions } from '../../core/twin/scale';
import { openTrialFile } from './textformats';

export interface SubjectOptions {
  massKg: number;
  sex: Sex;
  markerSet?: string; // 'plug-in-gait' | 'opensim-gait'; detected from the labels when absent
  kneeWidthM?: number;
  ankleWidthM?: number;
  elbowWidthM?: number;
  hipMethod?: 'harrington' | 'bell';
}

export interface ScaleFileResult {
  file: string;
  markerSet: string;
  model: ModelDescription;
  residuals: { marker: string; errorM: number }[];
  jointCentres: Record<string, number[]>;
  segmentLengths: Record<string, number>;
  scaleFactors: Record<string, number>;
  warnings: string[];
}

async function openMarkers(path: string): Promise<Trial> {
  const { trial } = await openTrialFile(path);
  if (!trial.points || trial.points.frames === 0) throw new KinetwinError('no marker trajectories in the file', path);
  return trial;
}

function pickSet(labels: string[], name?: string): MarkerSet {
  if (name === undefined) return detectMarkerSet(labels);
  const set = BUILT_IN_MARKER_SETS.find((s) => s.name === name);
  if (!set) throw new KinetwinError(`unknown marker set ${name} (known: ${BUILT_IN_MARKER_SETS.map((s) => s.name).join(', ')})`);
  return set;
}

async function scaled(staticPath: string, o: SubjectOptions): Promise<{ model: BodyModel; set: MarkerSet; result: ReturnType<typeof scaleModel> }> {
  const trial = await openMarkers(staticPath);
  try {
    const set = pickSet(trial.points!.labels, o.markerSet);
    const { model } = createFullBodyModel({ massKg: o.massKg, sex: o.sex });
    const opts: ScaleOptions = { massKg: o.massKg, sex: o.sex, kneeWidthM: o.kneeWidthM, ankleWidthM: o.ankleWidthM, elbowWidthM: o.elbowWidthM, hipMethod: o.hipMethod };
    const result = scaleModel(model, set, trial, opts);
    return { model: result.model, set, result };
  } catch (err) {
    throw inFile(staticPath, err);
  }
}

/** Scale the full-body model to a static trial (TRC or C3D). */
export async function scaleSubjectFile(staticPath: string, options: SubjectOptions): Promise<ScaleFileResult> {
  const { set, result } = await scaled(staticPath, options);
  return {
    file: staticPath, markerSet: set.name, model: describeModel(result.model), residuals: result.residuals,
    jointCentres: Object.fromEntries(Object.entries(result.jointCentres).map(([k, v]) => [k, [...v]])),
    segmentLengths: result.segmentLengths, scaleFactors: result.scaleFactors, warnings: result.warnings,
  };
}

export interface IkFileResult {
  file: string;
  output: string | null;
  markerSet: string;
  frames: number;
  rate: number;
  coordinateNames: string[];
  meanRmsErrorM: number;
  maxErrorM: number;
  markersUsed: string[];
  markersMissing: string[];
  rangesDeg: Record<string, [number, number]>; // per rotational coordinate, min and max over the trial
  warnings: string[];
}

async function runIk(staticPath: string, motionPath: string, o: SubjectOptions): Promise<{ model: BodyModel; set: MarkerSet; ik: IkResult; trial: Trial; scaleWarnings: string[] }> {
  const { model, set, result } = await scaled(staticPath, o);
  const trial = await openMarkers(motionPath);
  try {
    return { model, set, ik: solveInverseKinematics(model, set, trial), trial, scaleWarnings: result.warnings.map((w) => `static: ${w}`) };
  } catch (err) {
    throw inFile(motionPath, err);
  }
}

function summary(model: BodyModel, ik: IkResult) {
  const n = ik.coordinateNames.length, ranges: Record<string, [number, number]> = {};
  model.coordinates.forEach((c, i) => {
    if (c.kind !== 'rotation') return;
    let lo = Infinity, hi = -Infinity;
    for (let f = 0; f < ik.frames; f++) {
      const v = ik.coordinates[f * n + i];
      if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    }
    if (lo <= hi) ranges[c.name] = [+((lo * 180) / Math.PI).toFixed(2), +((hi * 180) / Math.PI).toFixed(2)];
  });
  const rms = Array.from(ik.rmsErrorM).filter(Number.isFinite);
  return { ranges, meanRms: rms.reduce((a, b) => a + b, 0) / Math.max(1, rms.length), max: Math.max(...Array.from(ik.maxErrorM).filter(Number.isFinite)) };
}

/** Scale from `staticPath`, solve IK on `motionPath`, write the coordinates to `outPath` (OpenSim MOT, degrees) when given. */
export async function inverseKinematicsFile(staticPath: string, motionPath: string, options: SubjectOptions & { outPath?: string }): Promise<IkFileResult> {
  const { model, set, ik, scaleWarnings } = await runIk(staticPath, motionPath, options);
  if (options.outPath) await writeFile(options.outPath, writeCoordinatesMot(model, ik, 'inverse_kinematics'));
  const s = summary(model, ik);
  return {
    file: motionPath, output: options.outPath ?? null, markerSet: set.name, frames: ik.frames, rate: ik.rate,
    coordinateNames: ik.coordinateNames, meanRmsErrorM: +s.meanRms.toFixed(5), maxErrorM: +s.max.toFixed(5),
    markersUsed: ik.markersUsed, markersMissing: ik.markersMissing, rangesDeg: s.ranges, warnings: [...scaleWarnings, ...ik.warnings],
  };
}

/** Plates of an OpenSim GRF MOT: every `<prefix>ground_force_vx/vy/vz`, `px/py/pz`, `<prefix>ground_torque_x/y/z` group. */
export function platesFromGrfTable(table: MotTable): { time: Float64Array; plates: { prefix: string; force: Float64Array; cop: Float64Array; moment: Float64Array }[] } {
  const cols = table.columns.map((c) => c.toLowerCase());
  const ti = cols.indexOf('time');
  if (ti < 0) throw new KinetwinError('GRF file has no time column');
  const rows = table.rows, w = table.columns.length;
  const time = Float64Array.from({ length: rows }, (_, r) => table.data[r * w + ti]);
  const prefixes = cols.filter((c) => c.endsWith('ground_force_vx')).map((c) => c.slice(0, -'ground_force_vx'.length));
  if (prefixes.length === 0) throw new KinetwinError('GRF file has no ground_force_vx column');
  const group = (names: string[], optional: boolean) => {
    const idx = names.map((nm) => cols.indexOf(nm));
    if (idx.some((i) => i < 0) && !optional) throw new KinetwinError(`GRF file lacks ${names.filter((_, k) => idx[k] < 0).join(', ')}`);
    const out = new Float64Array(rows * 3);
    for (let r = 0; r < rows; r++) for (let k = 0; k < 3; k++) out[r * 3 + k] = idx[k] < 0 ? 0 : table.data[r * w + idx[k]];
    return out;
  };
  return {
    time,
    plates: prefixes.map((p) => ({
      prefix: p,
      force: group(['vx', 'vy', 'vz'].map((a) => `${p}ground_force_${a}`), false),
      cop: group(['px', 'py', 'pz'].map((a) => `${p}ground_force_${a}`), false),
      moment: group(['x', 'y', 'z'].map((a) => `${p}ground_torque_${a}`), true),
    })),
  };
}

async function readGrf(path: string, at: Float64Array): Promise<PlateSeries[]> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new KinetwinError('not a file');
    if (info.size > 512 * 1024 * 1024) throw new KinetwinError(`file is ${info.size} bytes, above the 512 MiB limit`);
    const { time, plates } = platesFromGrfTable(readMot(new Uint8Array(await readFile(path))));
    return plates.map((p) => ({ force: resample(time, p.force, 3, at), cop: resample(time, p.cop, 3, at), moment: resample(time, p.moment, 3, at) }));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new KinetwinError('no such file', path);
    throw inFile(path, err);
  }
}

export interface IdFileResult {
  file: string;
  output: string | null;
  frames: number;
  rate: number;
  cutoffHz: number | null;
  peaksNmPerKg: Record<string, [number, number]>; // per lower-limb coordinate: min, max generalized force
  warnings: string[];
}

const ID_COORDS = /^(hip_(flexion|adduction|rotation)|knee_flexion|ankle_(dorsiflexion|inversion))_[rl]$/;

/** IK then inverse dynamics with an OpenSim GRF MOT; writes `<coordinate>_moment` columns (N·m/kg) to `outPath`. */
export async function inverseDynamicsFile(staticPath: string, motionPath: string, grfPath: string, options: SubjectOptions & { outPath?: string; cutoffHz?: number }): Promise<IdFileResult> {
  const { model, ik, scaleWarnings } = await runIk(staticPath, motionPath, options);
  const plates = await readGrf(grfPath, ik.time);
  const loads = assignGroundReactions(model, ik.coordinates, ik.rate, plates);
  const cutoff = options.cutoffHz ?? 6;
  const id = inverseDynamics(model, ik.coordinates, ik.rate, { loads, cutoffHz: cutoff });
  const n = id.coordinateNames.length, peaks: Record<string, [number, number]> = {};
  id.coordinateNames.forEach((c, i) => {
    if (!ID_COORDS.test(c)) return;
    let lo = Infinity, hi = -Infinity;
    for (let f = 0; f < id.frames; f++) {
      const v = id.generalizedForces[f * n + i];
      if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    }
    if (lo <= hi) peaks[c] = [+lo.toFixed(4), +hi.toFixed(4)];
  });
  if (options.outPath) {
    const cols = id.coordinateNames.filter((c) => ID_COORDS.test(c));
    const idx = cols.map((c) => id.coordinateNames.indexOf(c));
    const data = new Float64Array(id.frames * (cols.length + 1));
    for (let f = 0; f < id.frames; f++) {
      data[f * (cols.length + 1)] = ik.time[f];
      idx.forEach((c, k) => (data[f * (cols.length + 1) + 1 + k] = id.generalizedForces[f * n + c]));
    }
    const table: MotTable = { name: 'inverse_dynamics_Nm_per_kg', version: 1, inDegrees: false, columns: ['time', ...cols.map((c) => `${c}_moment`)], data, rows: id.frames, header: {}, warnings: [] };
    await writeFile(options.outPath, writeMot(table));
  }
  return { file: motionPath, output: options.outPath ?? null, frames: id.frames, rate: ik.rate, cutoffHz: cutoff, peaksNmPerKg: peaks, warnings: [...scaleWarnings, ...ik.warnings, ...id.warnings] };
}

/** IK then landing kinematics; contact from the summed vertical GRF of an OpenSim GRF MOT when given. */
export async function landingFile(staticPath: string, motionPath: string, options: SubjectOptions & { grfPath?: string; contactFrame?: number }): Promise<{ file: string; sides: LandingSide[]; warnings: string[] }> {
  const { model, ik, scaleWarnings } = await runIk(staticPath, motionPath, options);
  let verticalForce: Float64Array | undefined;
  if (options.grfPath) {
    const plates = await readGrf(options.grfPath, ik.time);
    verticalForce = new Float64Array(ik.frames);
    for (const p of plates) for (let f = 0; f < ik.frames; f++) verticalForce[f] += Number.isFinite(p.force[f * 3 + 1]) ? p.force[f * 3 + 1] : 0;
  }
  try {
    const sides = landingKinematics(model, ik.coordinates, ik.rate, { contactFrame: options.contactFrame, verticalForce });
    return { file: motionPath, sides, warnings: [...scaleWarnings, ...ik.warnings] };
  } catch (err) {
    throw inFile(motionPath, err);
  }
}
