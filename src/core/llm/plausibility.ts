// Plausibility checks on schema-valid replies: physical ranges, units that fit their field, codes that look
// like codes, and answers that contradict what the bytes say. Each issue names the path it concerns.

import type { HeaderReply, NoteReply, RouteReply } from './schemas';
import type { RouteDecision } from './routeRules';
import { unitFitsField } from './vocabulary';

export interface Issue {
  path: string; // e.g. 'mass_kg', 'columns[3].unit'
  message: string;
}

// Adult and paediatric ranges the app accepts (REFERENCE: mass 20–250 kg, stature 0.5–2.5 m)
export const RANGES = {
  age_years: [0, 120],
  mass_kg: [20, 250],
  stature_m: [0.5, 2.5],
  limit_deg: [-90, 270],
} as const;

const ICD10 = /^[A-TV-Z]\d{2}(\.[0-9A-Z]{1,4})?$/;

function outside(value: number | null, [lo, hi]: readonly [number, number]): boolean {
  return value !== null && (!Number.isFinite(value) || value < lo || value > hi);
}

/** Issues with an extracted note. */
export function checkNote(r: NoteReply): Issue[] {
  const issues: Issue[] = [];
  if (outside(r.age_years, RANGES.age_years)) issues.push({ path: 'age_years', message: `age ${r.age_years} outside 0–120 years` });
  if (outside(r.mass_kg, RANGES.mass_kg)) issues.push({ path: 'mass_kg', message: `mass ${r.mass_kg} kg outside 20–250 kg (was it in lb or g?)` });
  if (outside(r.stature_m, RANGES.stature_m)) issues.push({ path: 'stature_m', message: `stature ${r.stature_m} m outside 0.5–2.5 m (was it in cm?)` });
  r.diagnoses.forEach((d, i) => {
    if (d.icd10 !== null && !ICD10.test(d.icd10.toUpperCase())) issues.push({ path: `diagnoses[${i}].icd10`, message: `'${d.icd10}' is not an ICD-10 code` });
  });
  r.rom_restrictions.forEach((m, i) => {
    if (outside(m.limit_deg, RANGES.limit_deg)) issues.push({ path: `rom_restrictions[${i}].limit_deg`, message: `${m.limit_deg}° is not a joint angle` });
  });
  r.digits.forEach((d, i) => {
    if (d.status === 'absent' && d.digit === null) issues.push({ path: `digits[${i}].digit`, message: 'an absent digit needs its number (1–5)' });
  });
  return issues;
}

/** Issues with a header mapping: every requested header answered once, units that fit their fields. */
export function checkHeaders(r: HeaderReply, requested: string[]): Issue[] {
  const issues: Issue[] = [];
  const answered = new Map<string, number>();
  r.columns.forEach((c, i) => {
    answered.set(c.header, (answered.get(c.header) ?? 0) + 1);
    if (!requested.includes(c.header)) issues.push({ path: `columns[${i}].header`, message: `'${c.header}' was not one of the headers asked about` });
    if (c.field !== null && !unitFitsField(c.field, c.unit)) issues.push({ path: `columns[${i}].unit`, message: `unit '${c.unit}' does not fit field '${c.field}'` });
  });
  const missing = requested.filter((h) => !answered.has(h));
  if (missing.length > 0) issues.push({ path: 'columns', message: `missing headers: ${missing.slice(0, 10).map((h) => JSON.stringify(h)).join(', ')}` });
  return issues;
}

const KIND_OF_IMPORTER: Partial<Record<RouteReply['importer'], RouteReply['kind'][]>> = {
  c3d: ['mocap', 'force'], trc: ['mocap'], bvh: ['mocap'], dicom: ['imaging'], nifti: ['imaging'],
  'apdm-csv': ['imu'], 'xsens-txt': ['imu'], 'text-note': ['clinical_note', 'unknown'],
};

/** Issues with a routing answer, judged against what the rules read from the bytes. */
export function checkRoute(r: RouteReply, rules: RouteDecision): Issue[] {
  const issues: Issue[] = [];
  const kinds = KIND_OF_IMPORTER[r.importer];
  if (kinds && !kinds.includes(r.kind)) issues.push({ path: 'kind', message: `importer '${r.importer}' does not read '${r.kind}' data` });
  // a file signature is definitive: a model may not overrule it
  if (rules.confidence >= 0.95 && rules.importer !== r.importer) {
    issues.push({ path: 'importer', message: `the file's signature says '${rules.importer}' (${rules.reasons[0] ?? ''}), not '${r.importer}'` });
  }
  return issues;
}
