// Landing strategies as joint behaviour, stiff ↔ soft (DeVita & Skelly 1992, Med Sci Sports Exerc 24:108; Zhang et al.
// 2000, Med Sci Sports Exerc 32:812): what differs is how strongly the extensors resist flexion, not a posture.
// Each leg joint (hip, knee, ankle) is a spring towards a flexion target whose torque saturates at stiffness × yield —
// the target follows the joint once it is flexed `yield` past it, like an eccentrically lengthening muscle, so the
// landing's energy is dissipated, not stored (no rebound) — plus flexion damping saturating at a torque cap. Strength
// rises from a pre-activation level over `activationS` after touchdown (pre-landing activation, then reflexes) and
// grows with the impact speed (pre-landing EMG grows with drop height: Santello & McDonagh 1998, Exp Physiol 83:857).
// Values were fitted so that 0.3–0.6 m drops of small and large bodies give the published 2–6 BW peaks and knee
// flexion (soft ~100–115°, stiff ~70–80°); torques and damping are per kg at 1.75 m stature (scaled, see below).
import { jointIndex, type BodyModel } from './bodyModel.js';
import type { FootContactParams } from './footContact.js';

export type LandingStrategy = 'soft' | 'stiff';

export interface StrategyParams {
  hip: number; knee: number; ankle: number; lumbar: number; // deg, flexion targets from touchdown (dorsiflexion +)
  stiffnessPerKg: number; // N·m/rad per kg, hip and knee springs
  ankleStiffnessPerKg: number; // N·m/rad per kg, ankle spring
  yieldDeg: number; // deg past the target at which a spring yields: spring torque ≤ stiffness × yield
  dampingPerKg: number; // N·m·s/rad per kg, flexion damping of every joint
  maxDampingTorquePerKg: number; // N·m per kg, damping torque cap of the leg joints
  preActivation: number; // 0–1, share of full strength at touchdown
  activationS: number; // s, rise from pre-activation to full strength
  velocityGain: number; // strength × (v_touchdown / v_0.45 m)^gain
  comAheadM: number; // m, CoM ahead of the feet's centres at touchdown (trunk lean; the squat then moves it back)
}

export const LANDING_STRATEGIES: Record<LandingStrategy, StrategyParams> = {
  stiff: {
    hip: 46, knee: 48, ankle: -20, lumbar: 22, stiffnessPerKg: 7.7, ankleStiffnessPerKg: 2.9, yieldDeg: 17.8, dampingPerKg: 0.23,
    maxDampingTorquePerKg: 3.33, preActivation: 0.65, activationS: 0.044, velocityGain: 0.33, comAheadM: 0,
  },
  soft: {
    hip: 64, knee: 70, ankle: -12, lumbar: 20, stiffnessPerKg: 6.3, ankleStiffnessPerKg: 7.8, yieldDeg: 13.2, dampingPerKg: 0.31,
    maxDampingTorquePerKg: 3.54, preActivation: 0.9, activationS: 0.041, velocityGain: 0.12, comAheadM: 0.042,
  },
};

/** Pre-landing pose (deg), held by the motors in flight: slight hip/knee flexion, plantarflexed ankles (toe first). */
export const PRE_LANDING = { hip: 10, knee: 10, ankle: -15, lumbar: 5 };

/**
 * Stature (m) at which the per-kg values hold; other statures scale them dynamically similarly (Froude): torque and
 * stiffness ∝ m·g·H, damping ∝ m·H·√(g·H), so one strategy bends a short and a tall body alike.
 */
export const REFERENCE_STATURE_M = 1.75;

/**
 * Foot contact for landings: heel pad, sole and soft tissue stiffness per kg body mass (a heavier body loads the same
 * deformation per BW: ~3 mm per sphere standing, ≤ ~16 mm at landing peaks), the hallux sphere under the toe pad
 * (0.85 of heel → toe tip) where a plantarflexed foot takes its load, not at the tip. N/m^1.5 per kg, s/m.
 */
export const LANDING_FOOT_CONTACT = { stiffnessPerKg: 8500, dissipation: 1, hallux: 0.85 } as const;

/** The compliant-contact parameters of a landing body of `mass` kg (caller's overrides win). */
export function landingFootContact(mass: number, override?: Partial<FootContactParams>): Partial<FootContactParams> {
  return { stiffness: LANDING_FOOT_CONTACT.stiffnessPerKg * mass, dissipation: LANDING_FOOT_CONTACT.dissipation, hallux: LANDING_FOOT_CONTACT.hallux, ...override };
}

/** Joint angle array (joints × 3, deg) with hip/knee/ankle/lumbar flexion set on both sides. */
export function legPose(model: BodyModel, p: { hip: number; knee: number; ankle: number; lumbar: number }): Float64Array {
  const a = new Float64Array(model.joints.length * 3);
  a[jointIndex(model, 'lumbar') * 3] = p.lumbar;
  for (const s of ['r', 'l']) {
    a[jointIndex(model, `hip_${s}`) * 3] = p.hip;
    a[jointIndex(model, `knee_${s}`) * 3] = p.knee;
    a[jointIndex(model, `ankle_${s}`) * 3] = p.ankle;
  }
  return a;
}
