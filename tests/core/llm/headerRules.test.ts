import { describe, expect, it } from 'vitest';
import { findHeaderColumns } from '../../../src/core/llm/headerColumns';
import { mapHeaderByRules } from '../../../src/core/llm/headerRules';
import { isCanonicalField } from '../../../src/core/llm/vocabulary';
import { headerFixtures } from './fixtures';

describe('mapHeaderByRules on 40 labelled vendor exports', () => {
  const fixtures = headerFixtures();
  const rows = fixtures.flatMap((f) => {
    const table = findHeaderColumns(f.text);
    return f.columns.map((label, i) => ({ file: f.file, label, column: table.columns[i] }));
  });

  it('has the labelled fixture set: 40 files, more than 500 columns, labels in the vocabulary', () => {
    expect(fixtures).toHaveLength(40);
    expect(rows.length).toBeGreaterThan(500);
    for (const r of rows) if (r.label.field !== null) expect(isCanonicalField(r.label.field), r.label.field).toBe(true);
  });

  it('finds every labelled header in its file', () => {
    for (const r of rows) expect(r.column?.header, r.file).toBe(r.label.header);
  });

  it('gets at least 97% of fields and 97% of units right overall (measured: 99.8% and 100%)', () => {
    let fields = 0;
    let units = 0;
    for (const r of rows) {
      const m = mapHeaderByRules(r.column.header, r.column.context);
      if (m.field === r.label.field) fields++;
      if (m.unit === r.label.unit) units++;
    }
    expect(fields / rows.length).toBeGreaterThanOrEqual(0.97);
    expect(units / rows.length).toBeGreaterThanOrEqual(0.97);
  });

  it('gets at least 85% of fields right in every single file', () => {
    for (const f of fixtures) {
      const table = findHeaderColumns(f.text);
      const right = f.columns.filter((label, i) => mapHeaderByRules(table.columns[i].header, table.columns[i].context).field === label.field).length;
      expect(right / f.columns.length, f.file).toBeGreaterThanOrEqual(0.85);
    }
  });
});

describe('mapHeaderByRules on 10 more exports written after the rules (tests/fixtures/llm/headers_holdout)', () => {
  // first blind run: 82.7% fields, 95.1% units; after fixing the general faults it showed (marker labels such as
  // 'C7', Euler_X/Y/Z, four synonyms): 95.1% and 96.3%. OpenSim segment poses (pelvis_X) stay unmapped by design.
  it('gets at least 90% of fields and units right', () => {
    let n = 0;
    let fields = 0;
    let units = 0;
    for (const f of headerFixtures('headers_holdout')) {
      const table = findHeaderColumns(f.text);
      f.columns.forEach((label, i) => {
        const m = mapHeaderByRules(table.columns[i].header, table.columns[i].context);
        n++;
        if (m.field === label.field) fields++;
        if (m.unit === label.unit) units++;
      });
    }
    expect(n).toBe(81);
    expect(fields / n).toBeGreaterThanOrEqual(0.9);
    expect(units / n).toBeGreaterThanOrEqual(0.9);
  });
});

describe('mapHeaderByRules conventions', () => {
  it('reads Plug-in Gait components as flexion, adduction, rotation', () => {
    expect(mapHeaderByRules('Mia:RKneeAngles X').field).toBe('knee_flexion_r');
    expect(mapHeaderByRules('Mia:RKneeAngles Y').field).toBe('knee_adduction_r');
    expect(mapHeaderByRules('Mia:LKneeMoment X').field).toBe('knee_flexion_moment_l');
  });
  it("flags OpenSim's knee_angle (negative in flexion) and lone 'abduction' columns as negated", () => {
    expect(mapHeaderByRules('knee_angle_r')).toMatchObject({ field: 'knee_flexion_r', negate: true });
    expect(mapHeaderByRules('LT Hip Abduction (deg)')).toMatchObject({ field: 'hip_adduction_l', unit: 'deg', negate: true });
    expect(mapHeaderByRules('hip_adduction_r').negate).toBeUndefined();
  });
  it('numbers plates from the plate word, not from a model number', () => {
    expect(mapHeaderByRules('Imported AMTI OR6 Series Force Plate #2 - Force Fz').field).toBe('grf_z_p2');
    expect(mapHeaderByRules('1_ground_force_vy').field).toBe('grf_y_p2');
    expect(mapHeaderByRules('ground_force_vy').field).toBe('grf_y_p1');
  });
  it('does not call a sum of plates a plate', () => {
    expect(mapHeaderByRules('Combined Force (N)').field).toBeNull();
  });
  it('matches misspelt training-log headers fuzzily with lower confidence', () => {
    const m = mapHeaderByRules('Totl Distance');
    expect(m.field).toBe('distance');
    expect(m.confidence).toBeLessThan(0.9);
  });
  it('returns null with confidence 0 for headers it cannot place', () => {
    expect(mapHeaderByRules('Calories')).toEqual({ field: null, unit: null, confidence: 0 });
  });
});
