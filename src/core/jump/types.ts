// Shapes of a force-plate jump analysis (McMahon et al. 2018, Strength Cond J 40(4):96–106).
// Times are seconds from the first sample of the recording; forces N; velocities m/s; heights m.

export type JumpType = 'cmj' | 'sj' | 'dj';

export type JumpPhaseName = 'weighing' | 'drop' | 'unweighting' | 'braking' | 'propulsion' | 'flight' | 'landing';

export interface JumpPhase {
  name: JumpPhaseName;
  start: number; // s
  end: number; // s
  meanForceN: number; // N, mean total force over the phase (trapezoids)
  netImpulseNs: number; // N·s, ∫(F − BW) dt over the phase: body mass × change of COM velocity
}

export interface JumpOptions {
  type?: JumpType; // skip type detection
  takeoffThresholdN?: number; // default max(20 N, 5 SD of the unloaded plate)
  minFlightTime?: number; // s, shortest unloaded stretch counted as flight (default 0.1 s)
  dropHeight?: number; // m, drop jump box height: take-off velocity from the contact impulse
  bodyMassKg?: number; // kg, used when a drop jump has no quiet standing after landing
  zeroPlate?: boolean; // subtract what the unloaded plate reads (default true)
}

/** One quantity on the left (forces[0]) and right (forces[1]) plate. */
export interface SidePair {
  left: number;
  right: number;
  asymmetryPct: number; // (larger − smaller) / larger × 100 (Bishop et al. 2018); 0 when both are 0
  larger: 'left' | 'right' | 'equal';
}

export interface PhaseAsymmetry {
  phase: JumpPhaseName;
  impulse: SidePair; // N·s, |∫(F_side − W_side) dt| over the phase, W_side = that plate's quiet-standing force
  peakForce: SidePair; // N, each plate's maximum over the phase
}

export interface JumpAsymmetry {
  formula: string;
  weighingSharePct: { left: number; right: number }; // % of body weight on each plate while standing still
  phases: PhaseAsymmetry[];
  peakForce: SidePair; // N, each plate's maximum from onset (or first contact) to take-off
  landingPeakForce: SidePair | null; // N, each plate's maximum during landing
}

export interface JumpEvents {
  weighingStart: number | null; // s, quiet-standing window used for body weight
  weighingEnd: number | null;
  onset: number | null; // s, movement onset (cmj/sj)
  contact: number | null; // s, first ground contact (dj)
  peakNegativeVelocity: number | null; // s, end of unweighting
  lowestPosition: number | null; // s, COM velocity back above 0.01 m/s: end of braking
  takeoff: number; // s
  landing: number | null; // s
  landingEnd: number | null; // s, COM velocity back to 0 after landing
}

export interface JumpReport {
  type: JumpType;
  typeDetected: boolean; // false when options.type was given
  rate: number; // Hz
  samples: number;
  bodyWeightN: number;
  bodyMassKg: number;
  weighingSdN: number; // N, SD of the force over the weighing window
  plateOffsetN: number; // N, what the empty plates read (flight or empty start)
  plateZeroed: boolean; // plateOffsetN was subtracted before the analysis (options.zeroPlate, default true)
  jumpHeight: number; // m, impulse–momentum: v_to² / (2g)
  jumpHeightMethod: 'takeoff-velocity' | 'drop-height' | 'landing-velocity';
  jumpHeightFlight: number | null; // m, g·t² / 8
  flightTime: number | null; // s
  takeoffVelocity: number; // m/s
  contactTime: number | null; // s, drop jump ground contact; null otherwise
  rsi: number | null; // m/s, drop jump: jumpHeightFlight (else jumpHeight) / contactTime
  rsiModified: number; // m/s, jumpHeight / timeToTakeoff
  timeToTakeoff: number; // s, onset (dj: contact) to take-off
  peakForceN: number; // N, before take-off
  peakPowerW: number; // W, max F·v before take-off
  landingPeakForceN: number | null; // N
  peakNegativeVelocity: number | null; // m/s, ≤ 0
  countermovementDepth: number | null; // m, lowest COM displacement before take-off (≤ 0)
  touchdownVelocity: number | null; // m/s, drop jump COM velocity at first contact (≤ 0)
  dropHeightEstimate: number | null; // m, drop jump: touchdownVelocity² / (2g)
  thresholds: { takeoffN: number; onsetN: number | null }; // N, take-off/landing level; |F − BW| for onset
  events: JumpEvents;
  phases: JumpPhase[];
  asymmetry: JumpAsymmetry | null;
  warnings: string[];
}

/** Standard gravity used throughout (REFERENCE §3). */
export const GRAVITY = 9.81; // m/s²
