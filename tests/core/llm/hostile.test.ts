import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { findHeaderColumns } from '../../../src/core/llm/headerColumns';
import { mapHeaderByRules } from '../../../src/core/llm/headerRules';
import { extractNoteByRules } from '../../../src/core/llm/noteRules';
import { checkNote } from '../../../src/core/llm/plausibility';
import { redactNote } from '../../../src/core/llm/redact';
import { routeByRules } from '../../../src/core/llm/routeRules';
import { sniff } from '../../../src/core/llm/sniff';

const onlyKinetwinErrors = (f: () => unknown): void => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(KinetwinError);
  }
};

describe('hostile input', () => {
  it('routing any bytes returns a decision and never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.string({ maxLength: 20 }), (bytes, name) => {
        const r = routeByRules(sniff(name, bytes));
        expect(r.confidence).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });
  it('header finding and mapping of any text throw nothing but KinetwinError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        onlyKinetwinErrors(() => {
          for (const c of findHeaderColumns(text).columns) mapHeaderByRules(c.header, c.context);
        });
      }),
      { numRuns: 150 },
    );
  });
  it('keeps an implausible age or mass out of the rules answer', () => {
    expect(extractNoteByRules('a 999-year-old, weight 900 kg').age_years).toBeNull();
    expect(extractNoteByRules('a 999-year-old, weight 900 kg').mass_kg).toBeNull();
  });
  it('note rules and redaction accept any text; rule values stay within the plausible ranges or null', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        const r = extractNoteByRules(text);
        redactNote(text);
        expect(checkNote(r)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
