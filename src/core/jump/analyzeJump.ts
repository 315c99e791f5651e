import { KinetwinError } from '../errors';
import { jumpAsymmetry, type PhaseRange } from './asymmetry';
import type { JumpContext, JumpCore } from './context';
import { analyzeDropJump } from './dropJump';
import { detectFlight } from './detectFlight';
import { analyzeStandingJump } from './standingJump';
import { totalForce } from './totalForce';
import { GRAVITY, type JumpOptions, type JumpPhase, type JumpReport } from './types';

const MIN_SECONDS = 1; // s, shortest recording accepted

// Jump and landing metrics from one or more vertical-force plates alone (McMahon et al. 2018, Strength
// Cond J 40(4):96–106). forces: one channel per plate, N, equal lengths (two plates: [left, right]);
// rate in Hz. Type: dj when the recording starts on an empty plate and the first contact lasts < 1 s,
// else sj when force never dips 5 % below body weight before its peak, else cmj. Throws KinetwinError on
// bad input or when no flight is found ('no take-off found').
export function analyzeJump(forces: Float64Array[], rate: number, options: JumpOptions = {}): JumpReport {
  const warnings: string[] = [];
  const [raw, ...rawPlates] = totalForce(forces, rate, MIN_SECONDS, warnings);
  const { ctx, plates, plateOffsetN } = detectFlight(raw, rawPlates, rate, options, warnings);
  const startsUnloaded = ctx.contact > 0;
  const detected = startsUnloaded && ctx.takeoff - ctx.contact < rate ? 'dj' : undefined;
  if (options.type === 'dj' && !startsUnloaded) throw new KinetwinError('a drop jump recording must start with an empty plate');
  if (startsUnloaded && options.type !== 'dj' && detected !== 'dj') warnings.push('the plate was empty at the start: analysed from the first contact');
  const core: JumpCore =
    (options.type ?? detected) === 'dj'
      ? analyzeDropJump(ctx, options)
      : analyzeStandingJump(ctx, options.type === 'cmj' || options.type === 'sj' ? options.type : undefined);
  return buildReport(ctx, core, plates, plateOffsetN, options.zeroPlate !== false, options.type === undefined);
}

function buildReport(ctx: JumpContext, core: JumpCore, plates: Float64Array[], plateOffsetN: number[], plateZeroed: boolean, typeDetected: boolean): JumpReport {
  const { total, rate, takeoff, landing, warnings } = ctx;
  const t = (i: number | null) => (i === null ? null : i / rate);
  const { kin, bodyWeight, movementStart } = core;
  const bodyMassKg = bodyWeight / GRAVITY;
  const v = core.takeoffVelocity;
  if (v <= 0) warnings.push(`take-off velocity ${v.toFixed(3)} m/s is not upward: impulse–momentum height set to 0`);
  const jumpHeight = v > 0 ? (v * v) / (2 * GRAVITY) : 0;
  const flightTime = landing === null ? null : (landing - takeoff) / rate;
  const jumpHeightFlight = flightTime === null ? null : (GRAVITY * flightTime * flightTime) / 8;
  const timeToTakeoff = (takeoff - movementStart) / rate;
  let peakForceN = -Infinity;
  let peakPowerW = -Infinity;
  let depth = 0;
  for (let i = movementStart; i < takeoff; i++) {
    peakForceN = Math.max(peakForceN, total[i]);
    peakPowerW = Math.max(peakPowerW, total[i] * kin.velocity[i - kin.from]);
    depth = Math.min(depth, kin.displacement[i - kin.from]);
  }
  let landingPeakForceN: number | null = null;
  if (landing !== null && core.landingEnd !== null) {
    landingPeakForceN = -Infinity;
    for (let i = landing; i <= core.landingEnd; i++) landingPeakForceN = Math.max(landingPeakForceN, total[i]);
  }
  const isDrop = core.type === 'dj';
  const contactTime = isDrop ? timeToTakeoff : null;
  const dropHeightEstimate = core.touchdownVelocity === null ? null : (core.touchdownVelocity ** 2) / (2 * GRAVITY);
  const phases: JumpPhase[] = core.phases.map((p) => phaseSummary(total, rate, bodyWeight, p));
  phases.sort((a, b) => a.start - b.start);
  return {
    type: core.type,
    typeDetected,
    rate,
    samples: total.length,
    bodyWeightN: bodyWeight,
    bodyMassKg,
    weighingSdN: core.weighing?.sd ?? 0,
    plateOffsetN: plateOffsetN.reduce((a, b) => a + b, 0),
    plateZeroed,
    jumpHeight,
    jumpHeightMethod: core.method,
    jumpHeightFlight,
    flightTime,
    takeoffVelocity: v,
    contactTime,
    rsi: contactTime === null ? null : (jumpHeightFlight ?? jumpHeight) / contactTime,
    rsiModified: jumpHeight / timeToTakeoff,
    timeToTakeoff,
    peakForceN,
    peakPowerW,
    landingPeakForceN,
    peakNegativeVelocity: core.peakNegativeVelocity === null ? null : kin.velocity[core.peakNegativeVelocity - kin.from],
    countermovementDepth: isDrop ? null : depth,
    touchdownVelocity: core.touchdownVelocity,
    dropHeightEstimate: core.method === 'landing-velocity' ? dropHeightEstimate : null,
    thresholds: { takeoffN: ctx.threshold, onsetN: core.onsetThreshold },
    events: {
      weighingStart: t(core.weighing?.start ?? null),
      weighingEnd: t(core.weighing ? core.weighing.end - 1 : null),
      onset: t(core.onset),
      contact: isDrop ? t(ctx.contact) : null,
      peakNegativeVelocity: t(core.peakNegativeVelocity),
      lowestPosition: t(core.lowestPosition),
      takeoff: takeoff / rate,
      landing: t(landing),
      landingEnd: t(core.landingEnd),
    },
    phases,
    asymmetry: asymmetryOf(core, plates, rate, takeoff, landing, warnings),
    warnings,
  };
}

function asymmetryOf(core: JumpCore, plates: Float64Array[], rate: number, takeoff: number, landing: number | null, warnings: string[]) {
  if (plates.length !== 2) {
    if (plates.length > 2) warnings.push(`${plates.length} plates: asymmetry needs exactly two (left, right)`);
    return null;
  }
  const [left, right] = plates;
  let wl = core.bodyWeight / 2;
  let wr = core.bodyWeight / 2;
  if (core.weighing) {
    wl = mean(left, core.weighing.start, core.weighing.end);
    wr = mean(right, core.weighing.start, core.weighing.end);
  } else warnings.push('no quiet standing to split body weight between plates: half assumed on each');
  const phases: PhaseRange[] = core.phases.filter((p) => p.name === 'unweighting' || p.name === 'braking' || p.name === 'propulsion' || p.name === 'landing');
  const landingRange = landing !== null && core.landingEnd !== null ? { start: landing, end: core.landingEnd } : null;
  return jumpAsymmetry(left, right, rate, wl, wr, phases, { start: core.movementStart, end: takeoff }, landingRange);
}

// A phase in seconds with its mean force and net impulse (trapezoids over samples start…end).
function phaseSummary(force: Float64Array, rate: number, bodyWeight: number, p: PhaseRange): JumpPhase {
  let area = 0;
  for (let i = p.start; i < p.end; i++) area += (force[i] + force[i + 1]) / 2;
  const duration = (p.end - p.start) / rate;
  const impulse = area / rate; // N·s
  return {
    name: p.name,
    start: p.start / rate,
    end: p.end / rate,
    meanForceN: duration > 0 ? impulse / duration : force[p.start],
    netImpulseNs: impulse - bodyWeight * duration,
  };
}

function mean(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i];
  return s / (to - from);
}
