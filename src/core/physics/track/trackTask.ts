// `simulate track` as one synchronous core task: build the physics body, track the motion with trackMotion and
// summarise how physically consistent it is (residuals in % body weight, GRF agreement, penetration, limits).
import { KinetwinError } from '../../errors.js';
import type { AmmoModule } from '../ammo.js';
import { buildBodyModel } from '../body/bodyModel.js';
import type { Sex } from '../body/deLeva.js';
import { trackMotion, type MotionInput } from '../body/tracking.js';

export interface TrackTaskInput {
  mass: number; // kg
  stature: number; // m
  sex?: Sex;
  motion: MotionInput;
  dt?: number; // s, physics step (default 1/1000)
  settleS?: number; // s at the start left out of the summary while the body, started at rest, catches the motion (default 0.2)
}

export interface MeanMax { mean: number; max: number }

export interface TrackSummary {
  frames: number;
  rate: number; // Hz
  durationS: number;
  settleFrames: number; // first frames left out of the means, maxima and the score (start-up transient)
  residualForcePctBw: MeanMax; // |root residual force| / BW × 100, per frame
  residualMomentPctBwH: MeanMax; // |root residual moment| / (BW × stature) × 100, per frame
  grfRmseBw: number | null; // simulated vs measured total vertical GRF, BW; null without measurements
  penetrationMaxM: number;
  jointLimitViolationMaxDeg: number;
  trackingErrorRmsDeg: number;
  score: number; // 0–100, 100 = physically consistent (see tracking.ts consistencyScore)
  series: { residualForcePctBw: number[]; residualMomentPctBwH: number[]; simulatedGrfBw: number[]; measuredGrfBw: number[] | null };
}

function meanMax(a: Float64Array, from: number, scale: number): MeanMax {
  let s = 0, m = 0;
  for (let i = from; i < a.length; i++) { s += a[i]; m = Math.max(m, a[i]); }
  return { mean: (s / Math.max(1, a.length - from)) * scale, max: m * scale };
}

/** RMSE (BW) of simulated vs measured vertical GRF over frames ≥ from where the measurement is finite; NaN if none. */
function grfRmse(sim: Float64Array, measuredN: Float64Array | undefined, bw: number, from: number): number {
  if (!measuredN) return NaN;
  let se = 0, n = 0;
  for (let f = from; f < sim.length; f++) {
    const m = measuredN[f];
    if (Number.isFinite(m)) { se += (sim[f] - m / bw) ** 2; n++; }
  }
  return n > 0 ? Math.sqrt(se / n) : NaN;
}

/** Tracks `input.motion` on a body of the given anthropometrics; progress(fraction 0–1) at start and end. */
export function runTrackTask(ammo: AmmoModule, input: TrackTaskInput, progress: (fraction: number) => void = () => {}): TrackSummary {
  const model = buildBodyModel({ stature: input.stature, mass: input.mass, sex: input.sex });
  progress(0);
  const r = trackMotion(ammo, model, input.motion, { dt: input.dt });
  progress(1);
  const BW = model.mass * 9.81;
  const measured = input.motion.measuredGrfN;
  const settle = input.settleS ?? 0.2;
  if (!(settle >= 0)) throw new KinetwinError(`settle time must be ≥ 0 s, got ${settle}`);
  const from = Math.min(Math.round(settle * input.motion.rate), Math.floor(r.frames / 2));
  const force = meanMax(r.residualForceBw, from, 100), moment = meanMax(r.residualMomentPct, from, 1);
  const rmse = grfRmse(r.simulatedGrfBw, measured, BW, from);
  const hasGrf = Number.isFinite(rmse);
  return {
    frames: r.frames,
    rate: input.motion.rate,
    durationS: (r.frames - 1) / input.motion.rate,
    settleFrames: from,
    residualForcePctBw: force,
    residualMomentPctBwH: moment,
    grfRmseBw: hasGrf ? rmse : null,
    penetrationMaxM: r.penetrationMaxM,
    jointLimitViolationMaxDeg: r.jointLimitViolationMaxDeg,
    trackingErrorRmsDeg: r.trackingErrorRmsDeg,
    // tracking.ts consistencyScore over the summarised frames: 100 / (1 + 10·F̄ + M̄/5 + 5·RMSE), F̄ in BW
    score: 100 / (1 + (10 * force.mean) / 100 + moment.mean / 5 + (hasGrf ? 5 * rmse : 0)),
    series: {
      residualForcePctBw: Array.from(r.residualForceBw, (v) => v * 100),
      residualMomentPctBwH: Array.from(r.residualMomentPct),
      simulatedGrfBw: Array.from(r.simulatedGrfBw),
      measuredGrfBw: hasGrf && measured ? Array.from(measured.subarray(0, r.frames), (v) => v / BW) : null,
    },
  };
}
