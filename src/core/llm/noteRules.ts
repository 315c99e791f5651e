// Rule-based extraction of a whole clinical note into the same shape the model must return (NoteReply).

import { extractAge, extractDominantSide, extractMass, extractSex, extractStature } from './noteFacts';
import {
  extractDiagnoses, extractDigits, extractInjuries, extractMedications, extractRomRestrictions, extractSurgeries,
} from './noteLists';
import { RANGES } from './plausibility';
import type { NoteReply } from './schemas';

function within(value: number | null, [lo, hi]: readonly [number, number]): number | null {
  return value !== null && value >= lo && value <= hi ? value : null;
}

/** Extract every NoteReply field from a note's text by rules; implausible numbers ('999-year-old') become null. */
export function extractNoteByRules(text: string): NoteReply {
  return {
    age_years: within(extractAge(text), RANGES.age_years),
    sex: extractSex(text),
    stature_m: within(extractStature(text), RANGES.stature_m),
    mass_kg: within(extractMass(text), RANGES.mass_kg),
    dominant_side: extractDominantSide(text),
    diagnoses: extractDiagnoses(text),
    injuries: extractInjuries(text),
    surgeries: extractSurgeries(text),
    rom_restrictions: extractRomRestrictions(text).filter((r) => within(r.limit_deg, RANGES.limit_deg) !== null),
    digits: extractDigits(text),
    medications: extractMedications(text),
  };
}
