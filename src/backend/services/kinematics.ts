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
import { BUILT_IN_MARKER_SETS, defineMarkerSet, detectMarkerSet, tracksShoulderGirdle, type MarkerDef, type MarkerSet } from '../../core/twin/markerSets';
import type { BodyModel, Sex } from '../../core/twin/model';
import { coordinatesMotTable, writeCoordinatesMot } from '../../core/twin/mot';
import { createKinematicsData, forwardKinematics, pointInLab } from '../../core/twin/forwardKinematics';
import { forcePlateOutputs } from '../../core/forceplate/outputs';
import { plateFrame } from '../../core/forceplate/plateFrame';
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
    const { model } = createFullBodyModel({ massKg: o.massKg, sex: o.sex, shoulderGirdle: tracksShoulderGirdle(set, trial.points!.labels) });
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

// ───────────── `kinetwin analyze kinematics` and the app's Twin workspace (issue 4) ─────────────

// A Vicon lower-body cluster set with anatomical calibration markers and the lab's own joint centres
// (OpenSim's walking2.c3d: ASIS/PSIS, femoral condyles, malleoli, calcaneus, 1st/2nd metatarsal heads,
// thigh/shank clusters, *HJC/*KJC/*AJC virtual joint centres). Offsets are generic; scaling measures them.
function clusterSide(side: 'r' | 'l'): MarkerDef[] {
  const P = side.toUpperCase(), m = side === 'r' ? 1 : -1, u = P as 'R' | 'L';
  const pel = (name: string, x: number, y: number, z: number, landmark?: MarkerDef['landmark']): MarkerDef => ({ name, segment: 'pelvis', offset: [x, y, z], weight: 10, ...(landmark ? { landmark } : {}) });
  const at = (name: string, segment: string, x: number, y: number, z: number, landmark?: MarkerDef['landmark']): MarkerDef => ({ name, segment, offset: [x, y, z], ...(landmark ? { landmark } : {}) });
  return [
    pel(`${P}ASI`, 0, 0, m * 0.1225, `ASIS_${u}`),
    pel(`${P}PSI`, -0.16, 0.02, m * 0.045, `PSIS_${u}`),
    at(`${P}TH1`, `thigh_${side}`, 0.03, -0.2, m * 0.07), at(`${P}TH2`, `thigh_${side}`, 0.03, -0.28, m * 0.07), at(`${P}TH3`, `thigh_${side}`, -0.01, -0.24, m * 0.08),
    at(`${P}LFC`, `thigh_${side}`, 0, -0.4222, m * 0.05, `KNEE_LAT_${u}`), at(`${P}MFC`, `thigh_${side}`, 0, -0.4222, m * -0.05, `KNEE_MED_${u}`),
    at(`${P}TB1`, `shank_${side}`, 0.03, -0.2, m * 0.06), at(`${P}TB2`, `shank_${side}`, 0.03, -0.28, m * 0.06), at(`${P}TB3`, `shank_${side}`, -0.01, -0.24, m * 0.07),
    at(`${P}LMAL`, `shank_${side}`, 0, -0.434, m * 0.035, `ANKLE_LAT_${u}`), at(`${P}MMAL`, `shank_${side}`, 0, -0.424, m * -0.035, `ANKLE_MED_${u}`),
    at(`${P}CAL`, `foot_${side}`, -0.06, -0.04, 0, `HEEL_${u}`),
    at(`${P}MT2`, `foot_${side}`, 0.15, -0.05, 0, `TOE_${u}`), at(`${P}MT1`, `foot_${side}`, 0.14, -0.05, m * -0.035),
    at(`${P}FHD`, 'head', 0.11, 0.16, m * 0.06, `HEAD_FRONT_${u}`), at(`${P}BHD`, 'head', -0.07, 0.17, m * 0.06, `HEAD_BACK_${u}`),
    at(`${P}HJC`, `thigh_${side}`, 0, 0, 0, `HIP_CENTRE_${u}`), at(`${P}KJC`, `shank_${side}`, 0, 0, 0, `KNEE_CENTRE_${u}`), at(`${P}AJC`, `foot_${side}`, 0, 0, 0, `ANKLE_CENTRE_${u}`),
  ];
}

export const VICON_CLUSTER_SET: MarkerSet = defineMarkerSet('vicon-cluster', [
  ...clusterSide('r'), ...clusterSide('l'),
  { name: 'C7', segment: 'torso', offset: [0.02, 0.43, 0], landmark: 'C7' },
  { name: 'T10', segment: 'torso', offset: [-0.05, 0.23, 0] },
  { name: 'CLAV', segment: 'torso', offset: [0.11, 0.39, 0], landmark: 'CLAV' },
  { name: 'STRN', segment: 'torso', offset: [0.13, 0.23, 0], landmark: 'STERNUM' },
]);

const KNOWN_SETS: MarkerSet[] = [...BUILT_IN_MARKER_SETS, VICON_CLUSTER_SET];

export interface TwinSubject {
  massKg?: number; // default 75 kg (with a warning): IK does not depend on it, moments need it
  sex?: Sex; // default male
  markerSet?: string; // plug-in-gait | opensim-gait | vicon-cluster; detected when absent
  staticFrames?: [number, number]; // scale on frames [from, to) of the static trial only (0-based), e.g. a stretch of a walking trial
}

export interface TwinSolution {
  model: BodyModel;
  set: MarkerSet;
  ik: IkResult;
  warnings: string[];
}

/** Frames [from, to) of a trial's markers (a view of the same buffer). */
function frameRange(trial: Trial, [from, to]: [number, number]): Trial {
  const p = trial.points!, w = p.labels.length;
  if (!(from >= 0 && to > from && from < p.frames)) throw new KinetwinError(`static frames ${from}:${to} are outside the trial's ${p.frames} frames`);
  const end = Math.min(p.frames, to);
  return {
    ...trial,
    points: { ...p, frames: end - from, firstFrame: p.firstFrame + from, data: p.data.subarray(from * w * 3, end * w * 3), residuals: p.residuals.subarray(from * w, end * w), cameraMasks: p.cameraMasks.subarray(from * w, end * w) },
  };
}

/** Scale to `staticTrial`, then IK on `dynamicTrial`; core errors are prefixed by the trial they concern via `names`. */
export function solveTwin(staticTrial: Trial, dynamicTrial: Trial, o: TwinSubject, names: { static: string; dynamic: string }): TwinSolution {
  const warnings: string[] = [];
  const massKg = o.massKg ?? 75;
  if (o.massKg === undefined) warnings.push('body mass not given: 75 kg assumed (joint angles do not depend on it)');
  const sex: Sex = o.sex ?? 'male';
  if (!staticTrial.points || staticTrial.points.frames === 0) throw new KinetwinError('no marker trajectories in the static trial', names.static);
  if (!dynamicTrial.points || dynamicTrial.points.frames === 0) throw new KinetwinError('no marker trajectories in the file', names.dynamic);
  let set: MarkerSet, model: BodyModel;
  try {
    set = o.markerSet === undefined ? detectMarkerSet(staticTrial.points.labels, KNOWN_SETS) : KNOWN_SETS.find((s) => s.name === o.markerSet) ?? (() => { throw new KinetwinError(`unknown marker set ${o.markerSet} (known: ${KNOWN_SETS.map((s) => s.name).join(', ')})`); })();
    const st = o.staticFrames === undefined ? staticTrial : frameRange(staticTrial, o.staticFrames);
    // Shoulder girdles whenever both acromions are tracked: the arms-raised static poses of many labs move them.
    const shoulderGirdle = tracksShoulderGirdle(set, st.points!.labels);
    const scaledModel = scaleModel(createFullBodyModel({ massKg, sex, shoulderGirdle }).model, set, st, { massKg, sex });
    model = scaledModel.model;
    warnings.push(...scaledModel.warnings.map((w) => `static: ${w}`));
  } catch (err) {
    throw inFile(names.static, err);
  }
  try {
    const ik = solveInverseKinematics(model, set, dynamicTrial);
    return { model, set, ik, warnings: [...warnings, ...ik.warnings] };
  } catch (err) {
    throw inFile(names.dynamic, err);
  }
}

// lab (trial up axis) → model lab (Y up), as markerFrames.ts maps markers
function toModelLab(up: string, src: Float64Array, o: number, dst: Float64Array, d: number): void {
  const x = src[o], y = src[o + 1], z = src[o + 2];
  if (up === 'z') { dst[d] = x; dst[d + 1] = z; dst[d + 2] = -y; }
  else if (up === 'x') { dst[d] = y; dst[d + 1] = x; dst[d + 2] = -z; }
  else { dst[d] = x; dst[d + 1] = y; dst[d + 2] = z; }
}

/**
 * A trial's own force plates (C3D) as the plate series inverse dynamics takes, in the model lab (Y up),
 * resampled to the kinematic times `at` (s). Force = ground reaction; cop where |Fz| is above threshold;
 * moment = the free moment T such that cop × F + T equals the plate's moment about the lab origin.
 */
export function platesFromTrial(trial: Trial, at: Float64Array): PlateSeries[] {
  const up = trial.metadata.upAxis ?? 'y';
  const start = trial.points ? Math.max(0, trial.points.firstFrame - 1) / trial.points.rate : 0;
  return trial.forcePlates.map((plate, p) => {
    const out = forcePlateOutputs(trial, p);
    const n = out.samples, time = Float64Array.from({ length: n }, (_, i) => start + i / out.rate);
    const c = plateFrame(plate.corners).centre;
    const force = new Float64Array(n * 3), cop = new Float64Array(n * 3), moment = new Float64Array(n * 3), t = new Float64Array(3);
    for (let i = 0; i < n; i++) {
      const o = i * 3, F = out.force, r = out.cop, M = out.moment;
      // T = M_centre − (cop − centre) × F
      const dx = r[o] - c[0], dy = r[o + 1] - c[1], dz = r[o + 2] - c[2];
      t[0] = M[o] - (dy * F[o + 2] - dz * F[o + 1]);
      t[1] = M[o + 1] - (dz * F[o] - dx * F[o + 2]);
      t[2] = M[o + 2] - (dx * F[o + 1] - dy * F[o]);
      toModelLab(up, F, o, force, o);
      toModelLab(up, r, o, cop, o);
      toModelLab(up, t, 0, moment, o);
    }
    return { force: resample(time, force, 3, at), cop: resample(time, cop, 3, at), moment: resample(time, moment, 3, at) };
  });
}

export interface CoordinateStats { minDeg: number; maxDeg: number; peakDeg: number } // peak: the extreme of largest magnitude
export interface MomentStats { minNmPerKg: number; maxNmPerKg: number; peakNmPerKg: number }

export interface KinematicsAnalysis {
  file: string;
  static: string;
  output: string | null;
  markerSet: string;
  frames: number;
  rate: number; // Hz
  coordinateNames: string[]; // MOT columns after time (rotations in degrees, pelvis translations in m)
  rmsMarkerErrorM: { mean: number; max: number };
  coordinates: Record<string, CoordinateStats>; // rotational coordinates only
  moments: { source: 'c3d-plates' | 'grf-mot'; plates: number; cutoffHz: number; columns: string[]; peaks: Record<string, MomentStats> } | null;
  warnings: string[];
}

export interface KinematicsAnalysisOptions extends TwinSubject {
  staticPath: string;
  outPath?: string;
  moments?: boolean;
  grfPath?: string; // OpenSim GRF MOT; otherwise the dynamic file's own plates
  cutoffHz?: number; // inverse dynamics low-pass, default 6 Hz
}

const r4 = (v: number) => +v.toFixed(4);

function statsOf(values: Float64Array, stride: number, col: number, frames: number, scale: number): [number, number, number] | null {
  let lo = Infinity, hi = -Infinity;
  for (let f = 0; f < frames; f++) {
    const v = values[f * stride + col];
    if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  if (!(lo <= hi)) return null;
  return [lo * scale, hi * scale, (Math.abs(hi) >= Math.abs(lo) ? hi : lo) * scale];
}

/** `kinetwin analyze kinematics`: scale, IK (MOT in degrees), and with `moments` inverse dynamics (N·m/kg columns appended). */
export async function analyzeKinematicsFile(dynamicPath: string, o: KinematicsAnalysisOptions): Promise<KinematicsAnalysis> {
  const stat = (await openTrialFile(o.staticPath)).trial;
  const dyn = o.staticPath === dynamicPath ? stat : (await openTrialFile(dynamicPath)).trial;
  if (o.moments && o.massKg === undefined) throw new KinetwinError('--moments needs the body mass (--mass KG)', dynamicPath);
  if (o.moments && !o.grfPath && dyn.forcePlates.length === 0)
    throw new KinetwinError(`no force plates in the file (${dyn.metadata.format}); give --grf GRF.mot for joint moments`, dynamicPath);
  const { model, set, ik, warnings } = solveTwin(stat, dyn, o, { static: o.staticPath, dynamic: dynamicPath });
  const rad = 180 / Math.PI, n = ik.coordinateNames.length;
  const coordinates: Record<string, CoordinateStats> = {};
  model.coordinates.forEach((c, i) => {
    if (c.kind !== 'rotation') return;
    const s = statsOf(ik.coordinates, n, i, ik.frames, rad);
    if (s) coordinates[c.name] = { minDeg: +s[0].toFixed(2), maxDeg: +s[1].toFixed(2), peakDeg: +s[2].toFixed(2) };
  });
  const table = coordinatesMotTable(model, ik, 'inverse_kinematics', true);
  let moments: KinematicsAnalysis['moments'] = null;
  if (o.moments) {
    let plates: PlateSeries[];
    if (o.grfPath) plates = await readGrf(o.grfPath, ik.time);
    else {
      try { plates = platesFromTrial(dyn, ik.time); } catch (err) { throw inFile(dynamicPath, err); }
    }
    const cutoff = o.cutoffHz ?? 6;
    const loads = assignGroundReactions(model, ik.coordinates, ik.rate, plates);
    const id = inverseDynamics(model, ik.coordinates, ik.rate, { loads, cutoffHz: cutoff });
    warnings.push(...id.warnings);
    const cols = id.coordinateNames.filter((c) => ID_COORDS.test(c));
    const idx = cols.map((c) => id.coordinateNames.indexOf(c)), m = id.coordinateNames.length;
    const peaks: Record<string, MomentStats> = {};
    cols.forEach((c, k) => {
      const s = statsOf(id.generalizedForces, m, idx[k], id.frames, 1);
      if (s) peaks[`${c}_moment`] = { minNmPerKg: r4(s[0]), maxNmPerKg: r4(s[1]), peakNmPerKg: r4(s[2]) };
    });
    // append `<coordinate>_moment` columns (N·m/kg) to the angle table
    const w0 = table.columns.length, w1 = w0 + cols.length, data = new Float64Array(table.rows * w1);
    for (let f = 0; f < table.rows; f++) {
      data.set(table.data.subarray(f * w0, (f + 1) * w0), f * w1);
      idx.forEach((c, k) => (data[f * w1 + w0 + k] = id.generalizedForces[f * m + c]));
    }
    table.columns = [...table.columns, ...cols.map((c) => `${c}_moment`)];
    table.data = data;
    moments = { source: o.grfPath ? 'grf-mot' : 'c3d-plates', plates: plates.length, cutoffHz: cutoff, columns: cols.map((c) => `${c}_moment`), peaks };
  }
  if (o.outPath) await writeFile(o.outPath, writeMot(table));
  const rms = Array.from(ik.rmsErrorM).filter(Number.isFinite);
  return {
    file: dynamicPath, static: o.staticPath, output: o.outPath ?? null, markerSet: set.name, frames: ik.frames, rate: ik.rate,
    coordinateNames: table.columns.slice(1),
    rmsMarkerErrorM: { mean: r4(rms.reduce((a, b) => a + b, 0) / Math.max(1, rms.length)), max: r4(Math.max(...Array.from(ik.maxErrorM).filter(Number.isFinite))) },
    coordinates, moments, warnings,
  };
}

export interface TwinSkeleton {
  frames: number;
  rate: number; // Hz
  time: Float64Array; // frames, s
  segments: string[];
  parents: number[]; // per segment, −1 for the root
  joints: Float32Array; // frames × segments × 3, m, the trial's own lab frame: each segment's proximal joint centre
  ends: Float32Array; // frames × segments × 3, m, the trial's own lab frame: each segment's distal end
  coordinateNames: string[];
  anglesDeg: Float32Array; // frames × coordinates, degrees (translations in m), NaN where undetermined
  rmsErrorM: Float32Array; // frames
  markerSet: string;
  warnings: string[];
}

// model lab (Y up) → the trial's lab: the inverse of toModelLab
function fromModelLab(up: string, x: number, y: number, z: number, dst: Float32Array, d: number): void {
  if (up === 'z') { dst[d] = x; dst[d + 1] = -z; dst[d + 2] = y; }
  else if (up === 'x') { dst[d] = y; dst[d + 1] = x; dst[d + 2] = -z; }
  else { dst[d] = x; dst[d + 1] = y; dst[d + 2] = z; }
}

/** The twin's skeleton per frame (joint centres and segment ends in the dynamic trial's lab frame) and its joint angles. */
export function twinSkeleton(sol: TwinSolution, dynamicTrial: Trial): TwinSkeleton {
  const { model, ik } = sol, ns = model.segments.length, nc = ik.coordinateNames.length, up = dynamicTrial.metadata.upAxis ?? 'y';
  const d = createKinematicsData(model), q = new Float64Array(nc), end = new Float64Array(3);
  const joints = new Float32Array(ik.frames * ns * 3).fill(NaN), ends = new Float32Array(ik.frames * ns * 3).fill(NaN);
  const angles = new Float32Array(ik.frames * nc);
  for (let f = 0; f < ik.frames; f++) {
    for (let c = 0; c < nc; c++) {
      const v = ik.coordinates[f * nc + c];
      angles[f * nc + c] = model.coordinates[c].kind === 'rotation' ? (v * 180) / Math.PI : v;
      q[c] = Number.isFinite(v) ? v : 0;
    }
    if (!Number.isFinite(ik.coordinates[f * nc])) continue; // no root pose: nothing to draw
    forwardKinematics(model, q, d);
    for (let s = 0; s < ns; s++) {
      const o = (f * ns + s) * 3;
      fromModelLab(up, d.segP[s * 3], d.segP[s * 3 + 1], d.segP[s * 3 + 2], joints, o);
      pointInLab(d, s, model.segments[s].distal, end, 0);
      fromModelLab(up, end[0], end[1], end[2], ends, o);
    }
  }
  return {
    frames: ik.frames, rate: ik.rate, time: ik.time, segments: model.segments.map((s) => s.name), parents: model.segments.map((s) => s.parent),
    joints, ends, coordinateNames: ik.coordinateNames, anglesDeg: angles, rmsErrorM: Float32Array.from(ik.rmsErrorM), markerSet: sol.set.name, warnings: sol.warnings,
  };
}
