// Simulation tasks as plain JSON in and out, so that a worker thread, the CLI and the API run the same code.
// Each task takes the injected Ammo instance and a progress callback; results hold no typed arrays.
import { KinetwinError } from '../errors.js';
import type { AmmoModule } from './ammo.js';
import type { Sex } from './body/bodyModel.js';
import { simulateJump, type JumpResult } from './body/jump.js';
import { simulateLanding, type LandingResult, type LandingSimulator, type LandingStrategy } from './body/landing.js';
import type { UpperBody } from './body/lumpedBody.js';
import { buildHandModel, type HandVariant } from './hand/handModel.js';
import type { GraspOptions } from './hand/graspObject.js';
import type { GraspResult } from './hand/handGrasp.js';
import { createHandSampler, type HandSample, type HandSampleMode } from './hand/handSampler.js';

export interface SubjectInput {
  mass: number; // kg
  stature: number; // m
  sex?: Sex;
  seed?: number;
  dt?: number; // s
  substeps?: number;
}

export interface LandingTaskInput extends SubjectInput { height: number; strategy?: LandingStrategy; duration?: number; upperBody?: UpperBody }
export interface JumpTaskInput extends SubjectInput { depthDeg?: number; strength?: number }
export interface HandTaskInput {
  samples: number;
  seed: number;
  handLength?: number; // m (default 0.19)
  mode?: HandSampleMode;
  variant?: HandVariant;
  first?: number; // index of the first sample (default 0)
  grasp?: GraspOptions | null; // close the digits on a cylinder or sphere resting on the palm
}

type Series = Record<string, number[]>;

/** Rounds to `digits` decimals, keeping JSON short and stable. NaN → null is left to the caller. */
function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

function seriesOf(entries: Record<string, Float64Array>, digits = 5): Series {
  const out: Series = {};
  const p = 10 ** digits; // as round(x, digits), hoisted: a cohort rounds ~2,000 values per subject
  for (const [k, v] of Object.entries(entries)) {
    const a = new Array<number>(v.length);
    for (let i = 0; i < v.length; i++) a[i] = Math.round(v[i] * p) / p;
    out[k] = a;
  }
  return out;
}

export type LandingSummary = Omit<LandingResult, 'time' | 'grfVerticalBw' | 'kneeFlexionDeg' | 'hipFlexionDeg' | 'ankleFlexionDeg' | 'comHeightM'> & { series: Series };
export type JumpSummary = Omit<JumpResult, 'time' | 'grfVerticalBw' | 'kneeFlexionDeg' | 'hipFlexionDeg' | 'ankleFlexionDeg' | 'comHeightM'> & { series: Series };

/** A landing as JSON; `simulator` (createLandingSimulator) reuses one Bullet world across calls, same results. */
export function runLandingTask(ammo: AmmoModule, input: LandingTaskInput, onProgress?: (f: number) => void, simulator?: LandingSimulator): LandingSummary {
  const options = { ...input, onProgress };
  const { time, grfVerticalBw, kneeFlexionDeg, hipFlexionDeg, ankleFlexionDeg, comHeightM, ...rest } = simulator ? simulator.run(options) : simulateLanding(ammo, options);
  return { ...rest, series: seriesOf({ time, grfVerticalBw, kneeFlexionDeg, hipFlexionDeg, ankleFlexionDeg, comHeightM }) };
}

export function runJumpTask(ammo: AmmoModule, input: JumpTaskInput, onProgress?: (f: number) => void): JumpSummary {
  const { time, grfVerticalBw, kneeFlexionDeg, hipFlexionDeg, ankleFlexionDeg, comHeightM, ...rest } = simulateJump(ammo, { ...input, onProgress });
  return { ...rest, series: seriesOf({ time, grfVerticalBw, kneeFlexionDeg, hipFlexionDeg, ankleFlexionDeg, comHeightM }) };
}

/** One hand sample's JSON label: 21(+4)-keypoint positions (µm precision, null when absent), joint angles, checks. */
export function handLabel(names: string[], jointNames: string[], sample: HandSample, seed: number): Record<string, unknown> {
  const keypoints = names.map((name, k) => ({
    name,
    present: sample.present[k] === 1,
    position: sample.present[k] === 1 ? [0, 1, 2].map((a) => round(sample.keypoints[k * 3 + a], 6)) : null,
  }));
  const angles: Record<string, { flexionDeg: number; abductionDeg: number } | null> = {};
  jointNames.forEach((n, j) => {
    const f = sample.angles[j * 2];
    angles[n] = Number.isNaN(f) ? null : { flexionDeg: round(f, 4), abductionDeg: round(sample.angles[j * 2 + 1], 4) };
  });
  return {
    index: sample.index, seed, frame: 'hand: X radial, Y distal, Z palmar (right hand), metres, origin at the wrist joint centre',
    attempts: sample.attempts, collisionFree: sample.collisionFree, limitViolationDeg: round(sample.limitViolationDeg, 6),
    keypoints, angles,
    ...(sample.grasp !== undefined && sample.grasp !== null ? { grasp: graspLabel(sample.grasp) } : {}),
  };
}

/** A grasp's JSON label: the object (size, pose in the hand frame) and its contacts (µm precision). */
export function graspLabel(g: GraspResult): Record<string, unknown> {
  const r6 = (x: number): number => round(x, 6);
  return {
    object: {
      type: g.size.type, radiusM: r6(g.size.radius), ...(g.size.type === 'cylinder' ? { lengthM: r6(g.size.length) } : {}),
      pose: { positionM: Array.from(g.centre, r6), rotation: Array.from(g.rotation, (x) => round(x, 7)) }, // rotation: 3 × 3 row-major, object → hand; object X = cylinder axis
    },
    contacts: g.contacts.map((c) => ({ digit: c.digit, segment: c.segment, point: c.point.map(r6), normal: c.normal.map((x) => round(x, 6)), depthM: round(c.depthM, 7) })),
    digitsInContact: g.digitsInContact,
    maxPenetrationM: round(g.maxPenetrationM, 7),
  };
}

export interface HandTaskSummary {
  samples: number;
  first: number;
  seed: number;
  mode: HandSampleMode;
  handLengthM: number;
  variant: HandVariant;
  keypointNames: string[];
  collisionFree: number; // samples
  meanAttempts: number;
  maxLimitViolationDeg: number;
  grasp?: { object: { type: string; radiusM?: number; lengthM?: number }; grasped: number; digitContactRate: Record<string, number>; meanDigitsInContact: number; maxPenetrationM: number };
}

/** Generates samples [first, first + samples) and hands each label to `emit` (in order). */
export function runHandTask(
  ammo: AmmoModule, input: HandTaskInput, emit: (index: number, label: Record<string, unknown>) => void, onProgress?: (f: number) => void,
): HandTaskSummary {
  if (!Number.isInteger(input.samples) || input.samples < 1 || input.samples > 10_000_000) throw new KinetwinError(`samples must be an integer 1–10,000,000, got ${input.samples}`);
  const first = input.first ?? 0;
  const model = buildHandModel(input.handLength ?? 0.19, input.variant ?? {});
  const mode = input.mode ?? 'uniform';
  const sampler = createHandSampler(ammo, model, { seed: input.seed, mode, grasp: input.grasp ?? null });
  const touches = new Map<number, number>(); // digit → samples whose distal segment touches the object
  let grasped = 0, touching = 0, deepest = 0;
  const jointNames = model.joints.map((j) => j.name);
  let free = 0, attempts = 0, worst = 0;
  try {
    for (let i = 0; i < input.samples; i++) {
      const s = sampler.sample(first + i);
      if (s.collisionFree) free++;
      attempts += s.attempts;
      worst = Math.max(worst, s.limitViolationDeg);
      if (s.grasp) {
        grasped++;
        touching += s.grasp.digitsInContact.length;
        deepest = Math.max(deepest, s.grasp.maxPenetrationM);
        for (const d of s.grasp.digitsInContact) touches.set(d, (touches.get(d) ?? 0) + 1);
      }
      emit(first + i, handLabel(model.keypointNames, jointNames, s, input.seed));
      if (onProgress && i % 256 === 0) onProgress(i / input.samples);
    }
  } finally {
    sampler.destroy();
  }
  return {
    samples: input.samples, first, seed: input.seed, mode, handLengthM: model.handLength, variant: model.variant,
    keypointNames: model.keypointNames, collisionFree: free, meanAttempts: round(attempts / input.samples, 4), maxLimitViolationDeg: round(worst, 6),
    ...(input.grasp ? {
      grasp: {
        object: { type: input.grasp.object, radiusM: input.grasp.radius, lengthM: input.grasp.length }, grasped, // sizes absent: drawn per sample
        digitContactRate: Object.fromEntries([...new Set(model.bones.filter((b) => b.present && b.kind !== 'metacarpal').map((b) => b.digit))].map((d) => [String(d), round((touches.get(d) ?? 0) / input.samples, 4)])),
        meanDigitsInContact: round(touching / input.samples, 4), maxPenetrationM: round(deepest, 7),
      },
    } : {}),
  };
}
