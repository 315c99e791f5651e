import { comKinematics } from './comKinematics';
import type { JumpReport } from './types';

/** Whole-recording curves for a force–time plot, aligned with a JumpReport's events and phases. */
export interface JumpCurves {
  rate: number; // Hz; sample i is at i / rate s
  force: Float64Array; // n, N, total vertical force, zeroed like the analysis
  velocity: Float64Array; // n, m/s, COM; NaN before the movement start (onset, or first contact for dj)
  displacement: Float64Array; // n, m, COM relative to the start of the movement; NaN before it
  power: Float64Array; // n, W, force × velocity; NaN before the movement start
}

// Recomputes the COM curves the analysis used (same zeroing, body weight and anchor: at rest at onset
// for cmj/sj, the take-off velocity at take-off for dj), so the plot agrees with the report's numbers.
export function jumpCurves(forces: Float64Array[], rate: number, report: JumpReport): JumpCurves {
  const n = forces[0].length;
  const force = new Float64Array(n);
  for (const f of forces) for (let i = 0; i < n; i++) force[i] += f[i];
  if (report.plateZeroed) for (let i = 0; i < n; i++) force[i] -= report.plateOffsetN;
  const start = Math.round(((report.type === 'dj' ? report.events.contact : report.events.onset) ?? 0) * rate);
  const takeoff = Math.round(report.events.takeoff * rate);
  const kin =
    report.type === 'dj'
      ? comKinematics(force, rate, report.bodyWeightN, start, n, takeoff, report.takeoffVelocity)
      : comKinematics(force, rate, report.bodyWeightN, start, n, start, 0);
  const velocity = new Float64Array(n).fill(Number.NaN);
  const displacement = new Float64Array(n).fill(Number.NaN);
  const power = new Float64Array(n).fill(Number.NaN);
  const s0 = kin.displacement[0];
  for (let i = start; i < n; i++) {
    velocity[i] = kin.velocity[i - start];
    displacement[i] = kin.displacement[i - start] - s0;
    power[i] = force[i] * velocity[i];
  }
  return { rate, force, velocity, displacement, power };
}
