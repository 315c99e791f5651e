import { describe, expect, it } from 'vitest';
import { promptHash, PROMPT_VERSION, retryMessages, routeMessages } from '../../../src/core/llm/prompts';
import { checkHeaders, checkNote, checkRoute } from '../../../src/core/llm/plausibility';
import { HeaderReply, NoteReply, RouteReply, taskJsonSchema } from '../../../src/core/llm/schemas';
import { sniff } from '../../../src/core/llm/sniff';
import { parseReply } from '../../../src/core/llm/validate';

const note: NoteReply = {
  age_years: 30, sex: 'female', stature_m: 1.7, mass_kg: 60, dominant_side: 'right', diagnoses: [{ text: 'plantar fasciitis', icd10: 'M72.2' }],
  injuries: [], surgeries: [], rom_restrictions: [], digits: [], medications: [],
};

describe('task schemas', () => {
  it('convert to JSON Schema objects with every property required', () => {
    const s = taskJsonSchema('extract') as { type: string; required: string[]; additionalProperties: boolean };
    expect(s.type).toBe('object');
    expect(s.required).toEqual(Object.keys(note));
    expect(s.additionalProperties).toBe(false);
    const h = taskJsonSchema('map-headers') as { properties: { columns: { items: { properties: { unit: { anyOf: Array<{ enum?: string[] }> } } } } } };
    expect(h.properties.columns.items.properties.unit.anyOf[0].enum).toContain('N·m');
  });
  it('parseReply accepts fenced JSON and reports JSON and schema errors with paths', () => {
    expect(parseReply('```json\n{"importer":"trc","kind":"mocap","confidence":0.9}\n```', RouteReply)).toEqual({ ok: true, value: { importer: 'trc', kind: 'mocap', confidence: 0.9 } });
    const bad = parseReply('{"importer":"trc"', RouteReply);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/not valid JSON/);
    const wrong = parseReply('{"columns":[{"header":"Fz","field":"force_z","unit":"N","confidence":2}]}', HeaderReply);
    expect(!wrong.ok && wrong.error).toMatch(/columns\.0\.field: field is not in the canonical vocabulary; columns\.0\.confidence/);
  });
});

describe('plausibility', () => {
  it('accepts a plausible note and flags out-of-range mass, stature and malformed codes', () => {
    expect(checkNote(note)).toEqual([]);
    const issues = checkNote({ ...note, mass_kg: 154, stature_m: 172, diagnoses: [{ text: 'x', icd10: 'knee' }] });
    expect(issues.map((i) => i.path)).toEqual(['stature_m', 'diagnoses[0].icd10']);
    expect(checkNote({ ...note, mass_kg: 19.9 })[0].path).toBe('mass_kg');
    expect(checkNote({ ...note, mass_kg: 250 })).toEqual([]);
  });
  it('requires every requested header once and units that fit the field', () => {
    const r: HeaderReply = { columns: [{ header: 'Fz', field: 'grf_z_p1', unit: 'deg', confidence: 0.9 }] };
    const issues = checkHeaders(r, ['Fz', 'Time']);
    expect(issues.map((i) => i.message)).toEqual(["unit 'deg' does not fit field 'grf_z_p1'", 'missing headers: "Time"']);
  });
  it('does not let a routing answer contradict a file signature', () => {
    const rules = { importer: 'dicom' as const, kind: 'imaging' as const, confidence: 0.99, reasons: ["'DICM' at offset 128"] };
    expect(checkRoute({ importer: 'dicom', kind: 'imaging', confidence: 0.8 }, rules)).toEqual([]);
    expect(checkRoute({ importer: 'c3d', kind: 'imaging', confidence: 0.8 }, rules).map((i) => i.path)).toEqual(['kind', 'importer']);
  });
});

describe('prompts', () => {
  it('carry a version and a stable SHA-256 per task', () => {
    expect(PROMPT_VERSION).toMatch(/^kinetwin-llm-\d+$/);
    expect(promptHash('route')).toMatch(/^[0-9a-f]{64}$/);
    expect(promptHash('route')).toBe(promptHash('route'));
    expect(promptHash('route')).not.toBe(promptHash('extract'));
  });
  it('show the model the file name, signature and first lines', () => {
    const m = routeMessages(sniff('trial.trc', new TextEncoder().encode('PathFileType\t4\t(X/Y/Z)\ttrial.trc\n')));
    expect(m[1].content).toMatch(/File name: trial\.trc/);
    expect(m[1].content).toMatch(/PathFileType/);
  });
  it('retry by replaying the reply and the error', () => {
    expect(retryMessages('{x', 'bad JSON')).toEqual([
      { role: 'assistant', content: '{x' },
      { role: 'user', content: 'That reply was invalid: bad JSON\nReply again with corrected JSON that matches the schema exactly.' },
    ]);
  });
});
