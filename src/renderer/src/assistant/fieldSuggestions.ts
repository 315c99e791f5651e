import { CENTRAL_COORDINATES, MUSCLES, PLAIN_FIELDS, SIDED_COORDINATES } from '../../../core/llm/vocabulary';

// Suggestions for the field picker: the enumerable part of the canonical vocabulary (patterns such as
// acc_x_<sensor> are accepted when typed; isCanonicalField decides).
const SIDES = ['r', 'l'];
const PLATES = ['r', 'l', 'p1', 'p2'];
const AXES = ['x', 'y', 'z'];

function build(): string[] {
  const out: string[] = [...PLAIN_FIELDS, ...CENTRAL_COORDINATES];
  for (const c of SIDED_COORDINATES) for (const s of SIDES) out.push(`${c}_${s}`, `${c}_moment_${s}`);
  for (const j of ['hip', 'knee', 'ankle', 'shoulder', 'elbow', 'wrist']) for (const s of SIDES) out.push(`${j}_power_${s}`);
  for (const m of MUSCLES) for (const s of SIDES) out.push(`emg_${m}_${s}`);
  for (const p of PLATES) {
    for (const a of AXES) out.push(`grf_${a}_${p}`, `cop_${a}_${p}`, `grm_${a}_${p}`);
    out.push(`free_moment_${p}`);
  }
  return out;
}

export const FIELD_SUGGESTIONS: readonly string[] = build();
