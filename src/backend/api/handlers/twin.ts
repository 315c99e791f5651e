import { KinetwinError } from '../../../core/errors';
import { analyzeJump } from '../../../core/jump/analyzeJump';
import type { Trial, UpAxis } from '../../../core/model/trial';
import { inverseKinematicsFile, scaleSubjectFile, solveTwin, twinSkeleton } from '../../services/kinematics';
import type { Db } from '../../store/store';
import { readSignals } from '../../store/signals';
import type { Handlers } from './types';

function base64(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

interface StoredTrial { label: string; format: string; trial: Trial }

/** A stored trial's markers and analog channels rebuilt as a Trial (no force plates: the store keeps only their geometry). */
function storedTrial(db: Db, id: number): StoredTrial {
  const row = db.prepare('SELECT label, format, metadata FROM trials WHERE id = ?').get(id) as { label: string; format: string; metadata: string } | undefined;
  if (!row) throw new KinetwinError(`no trial ${id}`);
  const meta = JSON.parse(row.metadata) as { upAxis?: UpAxis; summary?: { originalUnits?: string | null } };
  const signals = readSignals(db, id);
  const pos = signals.find((s) => s.kind === 'points' && s.name === 'positions');
  const an = signals.find((s) => s.kind === 'analog' && s.name === 'channels');
  let points: Trial['points'] = null;
  if (pos) {
    const [frames, count] = pos.shape as [number, number];
    points = {
      labels: pos.labels, descriptions: pos.labels.map(() => ''), rate: pos.rate ?? 0, frames, firstFrame: 1, originalUnits: meta.summary?.originalUnits ?? 'm',
      data: pos.data as Float32Array, residuals: new Float32Array(frames * count), cameraMasks: new Uint8Array(frames * count),
    };
  }
  let analogs: Trial['analogs'] = null;
  if (an) {
    const [channels, samples] = an.shape as [number, number];
    const data = an.data as Float32Array;
    analogs = {
      labels: an.labels, descriptions: an.labels.slice(), units: Array.isArray(an.units) ? (an.units as string[]) : an.labels.map(() => ''), rate: an.rate ?? 0, samples,
      channels: Array.from({ length: channels }, (_, c) => data.subarray(c * samples, (c + 1) * samples)),
    };
  }
  return { label: row.label, format: row.format, trial: { points, analogs, forcePlates: [], events: [], metadata: { format: row.format, upAxis: meta.upAxis ?? 'y', warnings: [] } } };
}

export const twinHandlers: Handlers<'twinScale' | 'twinInverseKinematics' | 'twinAnalyzeTrials' | 'twinJumpTrial'> = {
  twinScale: async (req) => {
    const { path, ...options } = req;
    return scaleSubjectFile(path, options);
  },
  twinInverseKinematics: async (req) => {
    const { staticPath, motionPath, ...options } = req;
    return inverseKinematicsFile(staticPath, motionPath, options);
  },
  twinAnalyzeTrials: async (req, ctx) => {
    const db = ctx.store().db;
    const st = storedTrial(db, req.staticTrialId), dy = storedTrial(db, req.dynamicTrialId);
    ctx.progress({ phase: 'inverse kinematics', done: 0, total: 1 });
    const sol = solveTwin(st.trial, dy.trial, { massKg: req.massKg, sex: req.sex, staticFrames: req.staticFrames }, { static: st.label, dynamic: dy.label });
    const sk = twinSkeleton(sol, dy.trial);
    ctx.progress({ phase: 'inverse kinematics', done: 1, total: 1 });
    const rms = Array.from(sk.rmsErrorM).filter(Number.isFinite);
    return {
      frames: sk.frames, rate: sk.rate, startTime: sk.time[0] ?? 0, markerSet: sk.markerSet, segments: sk.segments, parents: sk.parents,
      joints: base64(sk.joints), ends: base64(sk.ends), coordinateNames: sk.coordinateNames, angles: base64(sk.anglesDeg), rmsErrorM: base64(sk.rmsErrorM),
      meanRmsErrorM: +(rms.reduce((a, b) => a + b, 0) / Math.max(1, rms.length)).toFixed(5), warnings: sk.warnings,
    };
  },
  twinJumpTrial: async (req, ctx) => {
    const st = storedTrial(ctx.store().db, req.trialId);
    const an = st.trial.analogs;
    if (!an || an.channels.length === 0) throw new KinetwinError(`trial ${req.trialId} (${st.label}) has no force channels: pick a force-text trial`);
    const rate = req.rate ?? an.rate;
    const forces = an.channels.map((c) => Float64Array.from(c));
    const report = analyzeJump(forces, rate);
    const total = new Float32Array(an.samples);
    for (const f of forces) for (let i = 0; i < total.length; i++) total[i] += f[i];
    if (report.plateZeroed) for (let i = 0; i < total.length; i++) total[i] -= report.plateOffsetN;
    return { report: { file: st.label, plates: an.labels.slice(), rateAssumed: req.rate === undefined && st.format === 'force-text', ...report }, force: base64(total), rate };
  },
};
