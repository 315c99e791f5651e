// `simulate track` as one synchronous core task: build the physics body, track the motion with trackMotion and
// summarise how physically consistent it is (residuals in % body weight, GRF agreement, penetration, limits).
import type { AmmoModule } from '../ammo.js';
import { buildBodyModel } from '../body/bodyModel.js';
import type { Sex } from '../body/bodyModel.js';
import { trackMotion, type MotionInput } from '../body/tracking.js';

export interface TrackTaskInput {
  mass: number; // kg
  stature: number; // m
  sex?: Sex;
  motion: MotionInput;
  dt?: number; // s, physics step (default 1/1000)
  settleS?: number; // s at the start left out of the summary while the simulated body, started with the reference velocities, settles on its pads (default 0.1)
}

export interface Stats { mean: number; rms: number; max: number }

export interface TrackSummary {
  frames: number;
  rate: number; // Hz
  durationS: number;
  settleFrames: number; // first frames left out of the statistics and the score (start-up transient)
  residualSource: 'measured GRF' | 'friction cone'; // the ground reaction the root residual is computed against
  residualForcePctBw: Stats; // |root residual force| / BW × 100, per frame
  residualMomentPctBwH: Stats; // |root residual moment about the CoM| / (BW × stature) × 100, per frame
  simulationRootForcePctBw: Stats; // |root actuator force| of the forward simulation / BW × 100
  grfRmseBw: number | null; // simulated vs measured total vertical GRF, BW; null without measurements
  penetrationMaxM: number;
  staticDeflectionM: number; // pads' compression under 1 BW on two spheres: penetration up to this is expected
  jointLimitViolationMaxDeg: number;
  trackingErrorRmsDeg: number;
  rootErrorRmsM: number; // simulated vs reference pelvis position, m
  score: number; // 0–100, 100 = physically consistent (track/consistencyScore.ts)
  series: {
    residualForcePctBw: number[]; residualMomentPctBwH: number[]; simulationRootForcePctBw: number[];
    simulatedGrfBw: number[]; measuredGrfBw: number[] | null; trackingErrorDeg: number[]; penetrationM: number[];
  };
}

function stats(a: Float64Array, from: number, scale: number): Stats {
  let s = 0, s2 = 0, m = 0;
  for (let i = from; i < a.length; i++) { s += a[i]; s2 += a[i] * a[i]; m = Math.max(m, a[i]); }
  const n = Math.max(1, a.length - from);
  return { mean: (s / n) * scale, rms: Math.sqrt(s2 / n) * scale, max: m * scale };
}

/** Tracks `input.motion` on a body of the given anthropometrics; progress(fraction 0–1) at start and end. */
export function runTrackTask(ammo: AmmoModule, input: TrackTaskInput, progress: (fraction: number) => void = () => {}): TrackSummary {
  const model = buildBodyModel({ stature: input.stature, mass: input.mass, sex: input.sex });
  progress(0);
  const r = trackMotion(ammo, model, input.motion, { dt: input.dt, settleS: input.settleS });
  progress(1);
  const BW = model.mass * 9.81;
  const m = input.motion;
  const measured = m.measuredGrfN ?? (m.measuredGrf && Float64Array.from({ length: m.frames }, (_, f) => m.measuredGrf!.forceN[f * 3 + 1]));
  const hasGrf = Number.isFinite(r.grfRmseBw);
  return {
    frames: r.frames,
    rate: m.rate,
    durationS: (r.frames - 1) / m.rate,
    settleFrames: r.settleFrames,
    residualSource: r.residualSource,
    residualForcePctBw: stats(r.residualForceBw, r.settleFrames, 100),
    residualMomentPctBwH: stats(r.residualMomentPct, r.settleFrames, 1),
    simulationRootForcePctBw: stats(r.simulationRootForceBw, r.settleFrames, 100),
    grfRmseBw: hasGrf ? r.grfRmseBw : null,
    penetrationMaxM: r.penetrationMaxM,
    staticDeflectionM: r.staticDeflectionM,
    jointLimitViolationMaxDeg: r.jointLimitViolationMaxDeg,
    trackingErrorRmsDeg: r.trackingErrorRmsDeg,
    rootErrorRmsM: r.rootErrorRmsM,
    score: r.consistencyScore,
    series: {
      residualForcePctBw: Array.from(r.residualForceBw, (v) => v * 100),
      residualMomentPctBwH: Array.from(r.residualMomentPct),
      simulationRootForcePctBw: Array.from(r.simulationRootForceBw, (v) => v * 100),
      simulatedGrfBw: Array.from(r.simulatedGrfBw),
      measuredGrfBw: hasGrf && measured ? Array.from(measured.subarray(0, r.frames), (v) => v / BW) : null,
      trackingErrorDeg: Array.from(r.trackingErrorDeg),
      penetrationM: Array.from(r.penetrationM),
    },
  };
}
