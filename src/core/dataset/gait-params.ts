// What a `gait` sample draws: a subject's own gait (substream GAIT_SUBJECT_SUBSTREAM: shared by all its samples)
// times the stride-to-stride variation of the sample (the sample's stream). Stride frequency and stride length are
// drawn as dimensionless factors on the template's (Hof 1996, Gait Posture 4:222: f·√(L/g) and s/L are the
// size-free quantities); joint angles get an offset and an amplitude factor about the cycle mean.
import type { CohortSubject } from '../cohort/generate';
import { streamFor, type RandomStream } from '../random/stream';

export const GAIT_SUBJECT_SUBSTREAM = 15; // the last stream below the per-sample ones (16 + k)
export const GAIT_CYCLES = 2; // strides per sample
export const GAIT_RATE_HZ = 100; // marker and angle frame rate

// Inter-subject SDs: dimensionless stride frequency and length CV ≈ 6 % (Hof 1996, after normalisation); stride-
// to-stride CV ≈ 2 % (Hausdorff 2007, Hum Mov Sci 26:555).
const SUBJECT_CV = 0.06, STRIDE_CV = 0.02;

export interface GaitJointVariation {
  key: string; // parameter prefix, e.g. 'kneeFlexion'
  coordinates: string[]; // model coordinates it moves (both sides alike)
  offsetSdDeg: number; // inter-subject SD of the offset
  amplitudeSd: number; // inter-subject SD of the amplitude factor about the cycle mean (mean 1)
}

// Inter-subject SDs of sagittal and frontal gait angles, rounded from Kadaba et al. 1990 (J Orthop Res 8:383,
// 40 adults): hip flexion ≈ 4°, knee flexion peak ≈ 5° (offset 3° ⊕ 10 % of its ≈ 35° half-range), ankle ≈ 3–4°,
// pelvic tilt ≈ 3–4°, hip ab/adduction ≈ 2–3°, transverse-plane angles larger (hip rotation ≈ 5–8°).
export const GAIT_JOINTS: readonly GaitJointVariation[] = [
  { key: 'hipFlexion', coordinates: ['hip_flexion_r', 'hip_flexion_l'], offsetSdDeg: 4, amplitudeSd: 0.08 },
  { key: 'kneeFlexion', coordinates: ['knee_flexion_r', 'knee_flexion_l'], offsetSdDeg: 3, amplitudeSd: 0.1 },
  { key: 'ankleDorsiflexion', coordinates: ['ankle_dorsiflexion_r', 'ankle_dorsiflexion_l'], offsetSdDeg: 3, amplitudeSd: 0.1 },
  { key: 'hipAdduction', coordinates: ['hip_adduction_r', 'hip_adduction_l'], offsetSdDeg: 2, amplitudeSd: 0.15 },
  { key: 'hipRotation', coordinates: ['hip_rotation_r', 'hip_rotation_l'], offsetSdDeg: 5, amplitudeSd: 0.15 },
  { key: 'pelvisTilt', coordinates: ['pelvis_tilt'], offsetSdDeg: 3, amplitudeSd: 0.2 },
  { key: 'pelvisList', coordinates: ['pelvis_list'], offsetSdDeg: 0, amplitudeSd: 0.2 },
  { key: 'pelvisRotation', coordinates: ['pelvis_rotation'], offsetSdDeg: 0, amplitudeSd: 0.2 },
  { key: 'lumbarExtension', coordinates: ['lumbar_extension'], offsetSdDeg: 3, amplitudeSd: 0.2 },
];
const STRIDE_OFFSET_SD_DEG = 1; // stride-to-stride angle variation

const round = (v: number, digits = 4): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Parameters of gait sample k: the subject's traits (its own stream) with this sample's stride variation (`rng`). */
export function drawGaitParameters(seed: number, subject: CohortSubject, rng: RandomStream): Record<string, number | string | boolean> {
  const traits = streamFor(seed, subject.index, GAIT_SUBJECT_SUBSTREAM);
  const factor = (cv: number, r: RandomStream) => Math.exp(cv * r.nextNormal() - 0.5 * cv * cv); // lognormal, mean 1
  const out: Record<string, number | string | boolean> = { cycles: GAIT_CYCLES, rateHz: GAIT_RATE_HZ };
  out.frequencyFactor = round(factor(SUBJECT_CV, traits) * factor(STRIDE_CV, rng));
  out.strideLengthFactor = round(factor(SUBJECT_CV, traits) * factor(STRIDE_CV, rng));
  for (const j of GAIT_JOINTS) {
    out[`${j.key}OffsetDeg`] = round(j.offsetSdDeg * traits.nextNormal() + STRIDE_OFFSET_SD_DEG * rng.nextNormal(), 3);
    out[`${j.key}Amplitude`] = round(Math.max(0.5, 1 + j.amplitudeSd * traits.nextNormal()));
  }
  const lld = gaitDiscrepancy(subject);
  if (lld) {
    out.legLengthDiscrepancyM = lld.metres;
    out.shortSide = lld.side === 'l' ? 'left' : 'right';
  }
  return out;
}

/** A subject's leg-length discrepancy (condition params `metres`, default 0.02, capped at 0.1; `side`), or null. */
export function gaitDiscrepancy(subject: Pick<CohortSubject, 'conditions'>): { metres: number; side: 'r' | 'l' } | null {
  const lld = subject.conditions.find((c) => c.kind === 'leg-length-discrepancy');
  if (!lld) return null;
  const m = Number(lld.params.metres ?? 0.02);
  return { metres: Number.isFinite(m) ? Math.min(0.1, Math.max(0, m)) : 0.02, side: lld.params.side === 'left' ? 'l' : 'r' };
}
