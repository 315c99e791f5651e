// Segment kinematics over a trial for inverse dynamics: per frame and segment, the lab rotation, joint-centre
// and CoM positions from forward kinematics, then angular velocity/acceleration and CoM acceleration by
// central finite differences (signal/derivative) of the (already filtered) trajectories.
import { derivative } from '../signal';
import { createKinematicsData, forwardKinematics, pointInLab } from './forwardKinematics';
import type { BodyModel } from './model';

export interface SegmentMotion {
  frames: number;
  R: Float64Array; // frames × segments × 9, lab rotation
  origin: Float64Array; // frames × segments × 3, joint centre, m
  com: Float64Array; // frames × segments × 3, m
  omega: Float64Array; // frames × segments × 3, angular velocity in the lab, rad/s
  alpha: Float64Array; // frames × segments × 3, angular acceleration, rad/s²
  acc: Float64Array; // frames × segments × 3, CoM linear acceleration, m/s²
  dofAxis: Float64Array; // frames × coordinates × 3, each DOF's lab axis
}

// d/dt of every column of a frames × width buffer.
function differentiate(src: Float64Array, width: number, frames: number, rate: number): Float64Array {
  const out = new Float64Array(src.length), col = new Float64Array(frames);
  for (let k = 0; k < width; k++) {
    for (let f = 0; f < frames; f++) col[f] = src[f * width + k];
    const d = derivative(col, rate);
    for (let f = 0; f < frames; f++) out[f * width + k] = d[f];
  }
  return out;
}

export function segmentMotion(model: BodyModel, coordinates: Float64Array, rate: number): SegmentMotion {
  const n = model.coordinates.length, ns = model.segments.length, frames = coordinates.length / n;
  const kin = createKinematicsData(model);
  const R = new Float64Array(frames * ns * 9), origin = new Float64Array(frames * ns * 3), com = new Float64Array(frames * ns * 3);
  const comLocal = new Float64Array(3), dofAxis = new Float64Array(frames * n * 3);
  for (let f = 0; f < frames; f++) {
    forwardKinematics(model, coordinates.subarray(f * n, f * n + n), kin);
    dofAxis.set(kin.dofAxis, f * n * 3);
    R.set(kin.segR, f * ns * 9);
    origin.set(kin.segP, f * ns * 3);
    for (let s = 0; s < ns; s++) {
      comLocal.set(model.segments[s].com);
      pointInLab(kin, s, comLocal, com, (f * ns + s) * 3);
    }
  }
  const dR = differentiate(R, ns * 9, frames, rate);
  const omega = new Float64Array(frames * ns * 3);
  for (let i = 0; i < frames * ns; i++) {
    const r = i * 9;
    // W = Ṙ·Rᵀ; ω = (W₂₁ − W₁₂, W₀₂ − W₂₀, W₁₀ − W₀₁) / 2
    const w = (a: number, b: number) => dR[r + 3 * a] * R[r + 3 * b] + dR[r + 3 * a + 1] * R[r + 3 * b + 1] + dR[r + 3 * a + 2] * R[r + 3 * b + 2];
    omega[i * 3] = (w(2, 1) - w(1, 2)) / 2;
    omega[i * 3 + 1] = (w(0, 2) - w(2, 0)) / 2;
    omega[i * 3 + 2] = (w(1, 0) - w(0, 1)) / 2;
  }
  const alpha = differentiate(omega, ns * 3, frames, rate);
  const acc = differentiate(differentiate(com, ns * 3, frames, rate), ns * 3, frames, rate);
  return { frames, R, origin, com, omega, alpha, acc, dofAxis };
}
