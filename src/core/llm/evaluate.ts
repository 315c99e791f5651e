// Scoring of extracted or mapped values against labelled answers: per-field true/false positives and negatives,
// precision and recall. Used by the tests' accuracy thresholds and by bench/eval-llm.ts.

import { canonicalJoint, canonicalProcedure, canonicalStructure } from './noteDictionary';
import type { NoteReply } from './schemas';

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** Labelled answer of a note: scalars plus lists as 'key:side…' strings (see tests/fixtures/llm/notes.json). */
export interface NoteLabel {
  age: number | null;
  sex: string | null;
  stature_m: number | null;
  mass_kg: number | null;
  dominant_side: string | null;
  icd10: string[];
  injuries: string[]; // structure:side
  surgeries: string[]; // procedure:side
  rom: string[]; // joint:side:motion
  digits: string[]; // limb:side:digit|extra:status  (extra digits: limb:side:extra)
  medications: string[];
}

export const NOTE_FIELDS = ['age', 'sex', 'stature_m', 'mass_kg', 'dominant_side', 'icd10', 'injuries', 'surgeries', 'rom', 'digits', 'medications'] as const;
export type NoteField = (typeof NOTE_FIELDS)[number];

/** A NoteReply in the label's key form. */
export function noteToLabel(r: NoteReply): NoteLabel {
  const side = (s: string | null): string => s ?? 'null';
  return {
    age: r.age_years,
    sex: r.sex,
    stature_m: r.stature_m,
    mass_kg: r.mass_kg,
    dominant_side: r.dominant_side,
    icd10: r.diagnoses.map((d) => d.icd10).filter((c): c is string => c !== null).map((c) => c.toUpperCase()),
    injuries: r.injuries.map((i) => `${canonicalStructure(i.structure)}:${side(i.side)}`),
    surgeries: r.surgeries.map((s) => `${canonicalProcedure(s.procedure)}:${side(s.side)}`),
    rom: r.rom_restrictions.map((m) => `${canonicalJoint(m.joint)}:${side(m.side)}:${m.motion === null ? 'null' : m.motion.toLowerCase().replace(/\s+/g, '_')}`),
    digits: r.digits.map((d) => (d.status === 'extra' ? `${d.limb}:${side(d.side)}:extra` : `${d.limb}:${side(d.side)}:${d.digit ?? 'null'}:absent`)),
    medications: r.medications.map((m) => m.name.toLowerCase().trim()),
  };
}

const TOLERANCE: Partial<Record<NoteField, number>> = { stature_m: 0.011, mass_kg: 0.6, age: 0 };

/** Add one note's comparison to per-field tallies. Scalars: a stated value is a positive; lists: set overlap. */
export function tallyNote(pred: NoteLabel, truth: NoteLabel, tallies: Record<NoteField, Tally>): void {
  for (const f of NOTE_FIELDS) {
    const t = tallies[f];
    const p = pred[f];
    const e = truth[f];
    if (Array.isArray(p) || Array.isArray(e)) {
      const ps = new Set(p as string[]);
      const es = new Set(e as string[]);
      for (const x of ps) {
        if (es.has(x)) t.tp++;
        else t.fp++;
      }
      for (const x of es) if (!ps.has(x)) t.fn++;
      continue;
    }
    const tol = TOLERANCE[f];
    const same = p === e || (tol !== undefined && typeof p === 'number' && typeof e === 'number' && Math.abs(p - e) <= tol);
    if (p !== null && same) t.tp++;
    else {
      if (p !== null) t.fp++;
      if (e !== null) t.fn++;
    }
  }
}

export function emptyTallies<K extends string>(keys: readonly K[]): Record<K, Tally> {
  const out = {} as Record<K, Tally>;
  for (const k of keys) out[k] = { tp: 0, fp: 0, fn: 0 };
  return out;
}

/** Precision and recall of a tally (1 when there is nothing to count). */
export function precisionRecall(t: Tally): { precision: number; recall: number } {
  return {
    precision: t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp),
    recall: t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn),
  };
}
