import { cumulativeTrapezoid } from '../signal/cumulativeTrapezoid';
import { GRAVITY } from './types';

// Centre-of-mass kinematics from vertical force by integration (McMahon et al. 2018):
// a = (F − BW) / m, v = ∫a dt, s = ∫v dt (trapezoids), over samples [from, to), anchored so that
// v = anchorVelocity and s = 0 at sample `anchor` (from ≤ anchor < to); integrating away from the anchor
// in either direction is the same sum, so this also gives backward integration from a known state.
export interface ComKinematics {
  from: number; // index of element 0 in the recording
  acceleration: Float64Array; // (to − from), m/s², up positive
  velocity: Float64Array; // (to − from), m/s
  displacement: Float64Array; // (to − from), m, relative to the anchor sample
}

export function comKinematics(
  force: Float64Array, // N, total vertical force
  rate: number, // Hz
  bodyWeight: number, // N
  from: number,
  to: number,
  anchor = from,
  anchorVelocity = 0, // m/s
): ComKinematics {
  const mass = bodyWeight / GRAVITY;
  const acceleration = new Float64Array(to - from);
  for (let i = from; i < to; i++) acceleration[i - from] = (force[i] - bodyWeight) / mass;
  const velocity = cumulativeTrapezoid(acceleration, rate);
  const shift = anchorVelocity - velocity[anchor - from];
  for (let i = 0; i < velocity.length; i++) velocity[i] += shift;
  const displacement = cumulativeTrapezoid(velocity, rate);
  const s0 = displacement[anchor - from];
  for (let i = 0; i < displacement.length; i++) displacement[i] -= s0;
  return { from, acceleration, velocity, displacement };
}
