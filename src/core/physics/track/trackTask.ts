// `simulate track` as one synchronous core task: build the physics body, track the motion with trackMotion and
// summarise how physically consistent it is (residuals in % body weight, GRF agreement, penetration, limits).
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
}

export interface MeanMax { mean: number; max: number }

export interface TrackSummary {
  frames: number;
  rate: number; // Hz
  durationS: number;
  residualForcePctBw: MeanMax; // |root residual force| / BW × 100, per frame
  residualMomentPctBwH: MeanMax; // |root residual moment| / (BW × stature) × 100, per frame
  grfRmseBw: number | null; // simulated vs measured total vertical GRF, BW; null without measurements
  penetrationMaxM: number;
  jointLimitViolationMaxDeg: number;
  trackingErrorRmsDeg: number;
  score: number; // 0–100, 100 = physically consistent (see tracking.ts consistencyScore)
  series: { residualForcePctBw: number[]; residualMomentPctBwH: number[]; simulatedGrfBw: number[]; measuredGrfBw: number[] | null };
}

function meanMax(a: Float64Array, scale: number): MeanMax {
  let s = 0, m = 0;
  for (const v of a) { s += v; m = Math.max(m, v); }
  return { mean: (s / Math.max(1, a.length)) * scale, max: m * scale };
}

/** Tracks `input.motion` on a body of the given anthropometrics; progress(fraction 0–1) at start and end. */
export function runTrackTask(ammo: AmmoModule, input: TrackTaskInput, progress: (fraction: number) => void = () => {}): TrackSummary {
  const model = buildBodyModel({ stature: input.stature, mass: input.mass, sex: input.sex });
  progress(0);
  const r = trackMotion(ammo, model, input.motion, { dt: input.dt });
  progress(1);
  const BW = model.mass * 9.81;
  const measured = input.motion.measuredGrfN;
  const hasGrf = Number.isFinite(r.grfRmseBw);
  return {
    frames: r.frames,
    rate: input.motion.rate,
    durationS: (r.frames - 1) / input.motion.rate,
    residualForcePctBw: meanMax(r.residualForceBw, 100),
    residualMomentPctBwH: meanMax(r.residualMomentPct, 1),
    grfRmseBw: hasGrf ? r.grfRmseBw : null,
    penetrationMaxM: r.penetrationMaxM,
    jointLimitViolationMaxDeg: r.jointLimitViolationMaxDeg,
    trackingErrorRmsDeg: r.trackingErrorRmsDeg,
    score: r.consistencyScore,
    series: {
      residualForcePctBw: Array.from(r.residualForceBw, (v) => v * 100),
      residualMomentPctBwH: Array.from(r.residualMomentPct),
      simulatedGrfBw: Array.from(r.simulatedGrfBw),
      measuredGrfBw: hasGrf && measured ? Array.from(measured.subarray(0, r.frames), (v) => v / BW) : null,
    },
  };
}
