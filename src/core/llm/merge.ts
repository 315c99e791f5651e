// Combine the rules' answer, a validated model answer and the user's remembered choices into one result in
// which every value says where it came from.

import type { HeaderColumn } from './headerColumns';
import type { RuleMapping } from './headerRules';
import { lookupMapping, type MappingMemory } from './mappingMemory';
import type { Issue } from './plausibility';
import { JOINT_INDEX, knownKeyOr, PROCEDURE_INDEX, STRUCTURE_INDEX } from './noteDictionary';
import type { HeaderReply, NoteReply } from './schemas';

export type Source = 'llm' | 'rules' | 'user';

export interface ColumnResult {
  header: string;
  field: string | null;
  unit: string | null;
  confidence: number;
  source: Source;
  negate?: boolean; // the column's sign convention is opposite to the canonical coordinate
}

/** Per-column merge: remembered mapping (user) > plausible model answer (llm) > rules. */
export function mergeColumns(
  columns: HeaderColumn[],
  rules: RuleMapping[],
  llm: HeaderReply | null,
  issues: Issue[],
  memory: MappingMemory | null,
  scope = '',
): ColumnResult[] {
  const bad = new Set<number>();
  for (const issue of issues) {
    const m = /^columns\[(\d+)\]/.exec(issue.path);
    if (m) bad.add(Number(m[1]));
  }
  const byHeader = new Map<string, HeaderReply['columns'][number]>();
  llm?.columns.forEach((c, i) => {
    if (!bad.has(i) && !byHeader.has(c.header)) byHeader.set(c.header, c);
  });
  return columns.map((col, i) => {
    const rule = rules[i];
    const remembered = memory ? lookupMapping(memory, col.header, scope) : null;
    const withSign = (r: ColumnResult, field: string | null): ColumnResult =>
      rule.negate && rule.field === field ? { ...r, negate: true } : r;
    if (remembered) {
      return withSign({ header: col.header, field: remembered.field, unit: remembered.unit, confidence: 1, source: 'user' }, remembered.field);
    }
    const answer = byHeader.get(col.header);
    if (answer) {
      return withSign({ header: col.header, field: answer.field, unit: answer.unit, confidence: answer.confidence, source: 'llm' }, answer.field);
    }
    return withSign({ header: col.header, field: rule.field, unit: rule.unit, confidence: rule.confidence, source: 'rules' }, rule.field);
  });
}

export interface Sourced<T> {
  value: T;
  source: Source;
}

export type SourcedNote = { [K in keyof NoteReply]: Sourced<NoteReply[K]> };

/** Per-field merge of a note: the model's value unless a plausibility issue concerns that field. */
export function mergeNote(rules: NoteReply, llm: NoteReply | null, issues: Issue[]): SourcedNote {
  const bad = new Set(issues.map((i) => i.path.split(/[.[]/)[0]));
  const out = {} as Record<keyof NoteReply, Sourced<unknown>>;
  for (const key of Object.keys(rules) as Array<keyof NoteReply>) {
    out[key] = llm !== null && !bad.has(key) ? { value: llm[key], source: 'llm' } : { value: rules[key], source: 'rules' };
  }
  return out as SourcedNote;
}

/** A SourcedNote back to plain values (for scoring and storage). */
export function unsourceNote(note: SourcedNote): NoteReply {
  const out = {} as Record<keyof NoteReply, unknown>;
  for (const key of Object.keys(note) as Array<keyof NoteReply>) out[key] = note[key].value;
  return out as NoteReply;
}

/** A model's note reply in the rules' vocabulary: known structures, procedures and joints as their keys
 * ('anterior cruciate ligament' → 'acl'), ICD-10 codes upper-case, medication names lower-case. */
export function canonicaliseNote(r: NoteReply): NoteReply {
  return {
    ...r,
    diagnoses: r.diagnoses.map((d) => ({ ...d, icd10: d.icd10 === null ? null : d.icd10.trim().toUpperCase() })),
    injuries: r.injuries.map((i) => ({ ...i, structure: knownKeyOr(i.structure, STRUCTURE_INDEX) })),
    surgeries: r.surgeries.map((s) => ({ ...s, procedure: knownKeyOr(s.procedure, PROCEDURE_INDEX) })),
    rom_restrictions: r.rom_restrictions.map((m) => ({ ...m, joint: knownKeyOr(m.joint, JOINT_INDEX) })),
    medications: r.medications.map((m) => ({ ...m, name: m.name.trim().toLowerCase() })),
  };
}
