import { describe, expect, it } from 'vitest';
import { emptyMappingMemory, lookupMapping, parseMappingMemory, rememberMapping } from '../../../src/core/llm/mappingMemory';
import { mergeColumns, mergeNote } from '../../../src/core/llm/merge';
import { mapHeaderByRules } from '../../../src/core/llm/headerRules';
import { extractNoteByRules } from '../../../src/core/llm/noteRules';

describe('mapping memory', () => {
  it('finds a remembered mapping under any spelling of the same header', () => {
    const m = rememberMapping(emptyMappingMemory(), 'Fz [N]', { field: 'grf_z_p1', unit: 'N' });
    expect(lookupMapping(m, 'FZ (N)')).toEqual({ field: 'grf_z_p1', unit: 'N', count: 1 });
    expect(lookupMapping(m, 'Fx')).toBeNull();
  });
  it('counts confirmations, restarts the count on a change and never mutates its input', () => {
    const a = rememberMapping(emptyMappingMemory(), 'Load', { field: 'srpe', unit: 'AU' });
    const b = rememberMapping(a, 'load', { field: 'srpe', unit: 'AU' });
    const c = rememberMapping(b, 'LOAD', { field: 'player_load', unit: 'AU' });
    expect(lookupMapping(b, 'Load')?.count).toBe(2);
    expect(lookupMapping(c, 'Load')).toEqual({ field: 'player_load', unit: 'AU', count: 1 });
    expect(lookupMapping(a, 'Load')?.count).toBe(1);
  });
  it('prefers a scoped entry and falls back to the unscoped one', () => {
    let m = rememberMapping(emptyMappingMemory(), 'Load', { field: 'srpe', unit: null });
    m = rememberMapping(m, 'Load', { field: 'player_load', unit: null }, 'catapult');
    expect(lookupMapping(m, 'Load', 'catapult')?.field).toBe('player_load');
    expect(lookupMapping(m, 'Load', 'other')?.field).toBe('srpe');
  });
  it('rejects fields and units outside the vocabulary, and malformed persisted objects', () => {
    expect(() => rememberMapping(emptyMappingMemory(), 'x', { field: 'banana', unit: null })).toThrow(/not a canonical field/);
    expect(() => rememberMapping(emptyMappingMemory(), 'x', { field: null, unit: 'furlong' })).toThrow(/not a recognised unit/);
    expect(() => parseMappingMemory({ version: 2 })).toThrow(/version 1/);
    expect(() => parseMappingMemory({ version: 1, entries: { '|x': { field: 'banana' } } })).toThrow(/invalid entry/);
    const round = rememberMapping(emptyMappingMemory(), 'Fz', { field: 'grf_z_p1', unit: 'N' });
    expect(parseMappingMemory(JSON.parse(JSON.stringify(round)))).toEqual(round);
  });
});

describe('merging sources', () => {
  it('takes user > plausible llm > rules per column and keeps the sign flag of the header', () => {
    const columns = ['knee_angle_r', 'Fz', 'Calories'].map((header) => ({ header, context: {} }));
    const rules = columns.map((c) => mapHeaderByRules(c.header));
    const llm = { columns: [
      { header: 'knee_angle_r', field: 'knee_flexion_r', unit: 'deg' as const, confidence: 0.9 },
      { header: 'Fz', field: 'grf_z_p1', unit: 'deg' as const, confidence: 0.9 },
    ] };
    const memory = rememberMapping(emptyMappingMemory(), 'Calories', { field: null, unit: null });
    const merged = mergeColumns(columns, rules, llm, [{ path: 'columns[1].unit', message: 'x' }], memory);
    expect(merged).toEqual([
      { header: 'knee_angle_r', field: 'knee_flexion_r', unit: 'deg', confidence: 0.9, source: 'llm', negate: true },
      { header: 'Fz', field: 'grf_z_p1', unit: null, confidence: 0.9, source: 'rules' },
      { header: 'Calories', field: null, unit: null, confidence: 1, source: 'user' },
    ]);
  });
  it('replaces only the note fields a plausibility issue names', () => {
    const rules = extractNoteByRules('34 yo woman, 165 cm, 60 kg.');
    const llm = { ...rules, age_years: 35, mass_kg: 600 };
    const merged = mergeNote(rules, llm, [{ path: 'mass_kg', message: 'x' }]);
    expect(merged.age_years).toEqual({ value: 35, source: 'llm' });
    expect(merged.mass_kg).toEqual({ value: 60, source: 'rules' });
    expect(mergeNote(rules, null, []).sex).toEqual({ value: 'female', source: 'rules' });
  });
});
