import { describe, expect, it } from 'vitest';
import { redactNote } from '../../../src/core/llm/redact';
import { noteFixtures } from './fixtures';

describe('redactNote', () => {
  const note = 'Patient: Marcus Delaney, MRN 48213377. DOB 14/06/1996.\nLives at 22 Beacon Street, Springfield. ' +
    'Tel (555) 201-7789, marcus.delaney@example.com. Seen by Dr. Helen Okafor on 3 March 2024. ' +
    'Marcus is 29 years old, 181 cm, 78 kg; ibuprofen 400 mg. ACL tear in March 2021.';

  it('masks names, record numbers, exact dates, addresses, phones and e-mails', () => {
    const r = redactNote(note);
    for (const secret of ['Marcus', 'Delaney', '48213377', '14/06/1996', 'Beacon', '201-7789', 'example.com', 'Okafor', '3 March']) {
      expect(r.text).not.toContain(secret);
    }
    expect(r.counts).toMatchObject({ record: 1, date: 2, address: 1, phone: 1, email: 1 });
    expect(r.counts.name).toBeGreaterThanOrEqual(3);
  });
  it('keeps clinical facts, doses and month-year dates', () => {
    const r = redactNote(note);
    for (const kept of ['29 years old', '181 cm', '78 kg', 'ibuprofen 400 mg', 'March 2021', '[DATE:1996]']) expect(r.text).toContain(kept);
  });
  it('can drop the year of exact dates and be switched off per kind', () => {
    expect(redactNote('DOB 14/06/1996', { keepYear: false }).text).toBe('DOB [DATE]');
    expect(redactNote('Mr John Smith, 0412 555 019', { names: false }).text).toBe('Mr John Smith, [PHONE]');
  });
  it('leaves no e-mail address or 8+-digit phone number in any fixture note', () => {
    for (const n of noteFixtures()) {
      const text = redactNote(n.text).text;
      expect(text, n.id).not.toMatch(/@/);
      expect(text.replace(/\D+/g, ' ').split(' ').some((d) => d.length >= 8), n.id).toBe(false);
    }
  });
});
