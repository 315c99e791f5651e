// `kinetwin simulate track DYNAMIC --static STATIC`: physics consistency of a recorded motion. The twin is scaled
// on the static trial and solves IK on the dynamic one; the joint-angle trajectories drive the Ammo body
// (core/physics/track adapter → trackMotion, run in the simulation worker) and the root residuals, simulated vs
// measured vertical GRF (an OpenSim GRF MOT or the dynamic C3D's own plates), penetration and joint-limit
// violations give the physics-consistency summary. Plain async functions; JSON-serialisable results.
import { readFile, stat } from 'node:fs/promises';
import { inFile, KinetwinError } from '../../core/errors.js';
import { readMot } from '../../core/formats/mot/read.js';
import type { Trial } from '../../core/model/trial.js';
import { motionFromTwin } from '../../core/physics/track/motionFromTwin.js';
import { statureFromTwin } from '../../core/physics/track/statureFromTwin.js';
import type { GroundWrench } from '../../core/physics/track/rootResidual.js';
import type { TrackSummary } from '../../core/physics/track/trackTask.js';
import { buildBodyModel } from '../../core/physics/body/bodyModel.js';
import { resample } from '../../core/twin/groundReaction.js';
import { platesFromGrfTable, platesFromTrial, solveTwin } from './kinematics.js';
import { parseSex, runSimulation, type SimulateRunOptions } from './simulate.js';
import { openTrialFile } from './textformats.js';

export interface TrackOptions {
  massKg: number; // body mass, kg (BW = m·g normalises the residuals)
  sex?: string; // f | m | female | male (default m)
  statureM?: number; // physics body stature, m (default: from the scaled twin's leg length)
  grfPath?: string; // OpenSim GRF MOT; default the dynamic C3D's force plates when it has any
  markerSet?: string; // twin marker set (detected when absent)
  staticFrames?: [number, number]; // scale on frames [from, to) of the static trial only (e.g. a still stretch of the dynamic one)
  firstFrame?: number; // 0-based, default 0
  lastFrame?: number; // 0-based inclusive, default the last
  cutoffHz?: number; // low-pass of the IK angles, default 6 Hz (0: none)
  dt?: number; // physics step, s (default 0.001)
  series?: boolean; // keep the per-frame series in the result
}

export interface TrackResult extends Omit<TrackSummary, 'series'> {
  file: string;
  static: string;
  firstFrame: number; // 0-based trial frame the tracked stretch starts at
  grfSource: string | null; // the GRF file, 'c3d force plates', or null
  massKg: number;
  statureM: number;
  groundOffsetM: number;
  markerRmsErrorM: number; // mean IK marker RMS over the tracked frames
  warnings: string[];
  series?: TrackSummary['series'];
}

const G = 9.81;

/**
 * Total ground wrench per IK frame from plates (frames × 3 each, model lab Y up: force N, centre of pressure m, free
 * moment N·m): Σ F and its moment about the lab origin Σ (cop × F + T); a plate's COP counts only while it carries load.
 */
function totalWrench(plates: { force: Float64Array; cop: Float64Array; moment: Float64Array }[], frames: number): GroundWrench {
  const forceN = new Float64Array(frames * 3), momentNm = new Float64Array(frames * 3);
  for (const p of plates) {
    for (let f = 0; f < frames; f++) {
      const o = f * 3, F = p.force, r = p.cop, T = p.moment;
      const loaded = Number.isFinite(F[o + 1]) && Math.abs(F[o + 1]) > 1e-6 && Number.isFinite(r[o]) && Number.isFinite(r[o + 1]) && Number.isFinite(r[o + 2]);
      for (let k = 0; k < 3; k++) forceN[o + k] += F[o + k];
      if (!loaded) continue;
      momentNm[o] += r[o + 1] * F[o + 2] - r[o + 2] * F[o + 1] + (Number.isFinite(T[o]) ? T[o] : 0);
      momentNm[o + 1] += r[o + 2] * F[o] - r[o] * F[o + 2] + (Number.isFinite(T[o + 1]) ? T[o + 1] : 0);
      momentNm[o + 2] += r[o] * F[o + 1] - r[o + 1] * F[o] + (Number.isFinite(T[o + 2]) ? T[o + 2] : 0);
    }
  }
  return { forceN, momentNm };
}

/** Vertical components (N) of a ground wrench's force. */
function vertical(w: GroundWrench): Float64Array {
  return Float64Array.from({ length: w.forceN.length / 3 }, (_, f) => w.forceN[f * 3 + 1]);
}

/** Ground wrench of an OpenSim GRF MOT resampled to the IK times `at` (s). */
async function grfFromMot(path: string, at: Float64Array): Promise<GroundWrench> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new KinetwinError('not a file');
    if (info.size > 512 * 1024 * 1024) throw new KinetwinError(`file is ${info.size} bytes, above the 512 MiB limit`);
    const { time, plates } = platesFromGrfTable(readMot(new Uint8Array(await readFile(path))));
    return totalWrench(plates.map((p) => ({ force: resample(time, p.force, 3, at), cop: resample(time, p.cop, 3, at), moment: resample(time, p.moment, 3, at) })), at.length);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw new KinetwinError('no such file', path);
    throw inFile(path, err);
  }
}

/** Tracks already-opened trials (`names` label errors and the result). */
export async function simulateTrackTrials(staticTrial: Trial, dynamicTrial: Trial, o: TrackOptions, names: { static: string; dynamic: string }, run: SimulateRunOptions = {}): Promise<TrackResult> {
  if (!(Number.isFinite(o.massKg) && o.massKg > 0 && o.massKg <= 500)) throw new KinetwinError(`--mass must be a body mass in kg (0–500], got ${o.massKg}`);
  const sex = parseSex(o.sex) ?? 'm';
  run.onProgress?.({ phase: 'inverse kinematics', done: 0, total: 1 });
  const sol = solveTwin(staticTrial, dynamicTrial, { massKg: o.massKg, sex: sex === 'f' ? 'female' : 'male', markerSet: o.markerSet, staticFrames: o.staticFrames }, names);
  run.onProgress?.({ phase: 'inverse kinematics', done: 1, total: 1 });
  const { ik, model: twin } = sol;
  let grf: GroundWrench | undefined, grfSource: string | null = null;
  if (o.grfPath !== undefined) { grf = await grfFromMot(o.grfPath, ik.time); grfSource = o.grfPath; }
  else if (dynamicTrial.forcePlates.length > 0) {
    try { grf = totalWrench(platesFromTrial(dynamicTrial, ik.time), ik.frames); } catch (err) { throw inFile(names.dynamic, err); }
    grfSource = 'c3d force plates';
  }
  const grfN = grf && vertical(grf);
  const warnings = [...sol.warnings];
  const statureM = o.statureM ?? statureFromTwin(twin, sex);
  const body = buildBodyModel({ stature: statureM, mass: o.massKg, sex });
  let tm;
  try {
    tm = motionFromTwin(twin, ik.coordinates, ik.rate, body, { firstFrame: o.firstFrame, lastFrame: o.lastFrame, cutoffHz: o.cutoffHz, measuredGrfN: grfN, measuredGrf: grf });
  } catch (err) {
    throw inFile(names.dynamic, err);
  }
  warnings.push(...tm.warnings);
  if (grfN && grfSource) {
    const g = tm.motion.measuredGrfN!;
    let peak = 0;
    for (const v of g) if (Number.isFinite(v)) peak = Math.max(peak, v);
    if (peak < 0.5 * o.massKg * G) warnings.push(`measured vertical GRF peaks at ${(peak / (o.massKg * G)).toFixed(2)} BW over the tracked frames: feet partly off the plates, the GRF comparison is partial`);
  }
  const first = tm.firstFrame, n = tm.motion.frames;
  let rms = 0, rn = 0;
  for (let f = first; f < first + n; f++) if (Number.isFinite(ik.rmsErrorM[f])) { rms += ik.rmsErrorM[f]; rn++; }
  const summary = await runSimulation<TrackSummary>({ task: 'track', input: { mass: o.massKg, stature: statureM, sex, motion: tm.motion, dt: o.dt } }, {
    ...run, onProgress: run.onProgress && ((p) => run.onProgress!({ ...p, phase: 'tracking' })),
  });
  const { series, ...rest } = summary;
  return {
    file: names.dynamic, static: names.static, firstFrame: first, ...rest, grfSource, massKg: o.massKg, statureM, groundOffsetM: tm.groundOffsetM,
    markerRmsErrorM: rn > 0 ? rms / rn : NaN, warnings, ...(o.series ? { series } : {}),
  };
}

/** Opens STATIC and DYNAMIC (TRC or C3D) and tracks the dynamic trial (see simulateTrackTrials). */
export async function simulateTrackFile(dynamicPath: string, staticPath: string, o: TrackOptions, run: SimulateRunOptions = {}): Promise<TrackResult> {
  const { trial: st } = await openTrialFile(staticPath);
  const { trial: dy } = await openTrialFile(dynamicPath);
  return simulateTrackTrials(st, dy, o, { static: staticPath, dynamic: dynamicPath }, run);
}
