import { describe, expect, it } from 'vitest';
import { fitCohortModel } from '../../../src/core/cohort/fit';
import { generateSubject } from '../../../src/core/cohort/generate';
import { planCohort } from '../../../src/core/cohort/plan';
import { parseCohortSpec } from '../../../src/core/cohort/spec';
import { subjectsToTable } from '../../../src/core/cohort/subjects-table';
import { numericColumn, categoricalColumn } from '../../../src/core/metrics/table';
import { ansur } from './fixture';

describe('subjectsToTable', () => {
  const model = fitCohortModel(ansur());
  const spec = parseCohortSpec({ size: 50, seed: 3, conditions: [{ id: 'lld', kind: 'leg-length-discrepancy', fraction: 0.1 }] });
  const plan = planCohort(spec, model.femaleFraction);
  const subjects = Array.from({ length: 50 }, (_, i) => generateSubject(model, spec, plan, i));

  it('model naming keeps SI values (stature in m)', () => {
    const t = subjectsToTable(subjects, { conditionIds: ['lld'] });
    expect(t.rows).toBe(50);
    expect(numericColumn(t, 'stature')[0]).toBe(subjects[0].values.stature);
    expect(numericColumn(t, 'condition_lld').reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('source naming restores ANSUR columns and units (mm, tenths of kg, Gender)', () => {
    const t = subjectsToTable(subjects, { naming: 'source' });
    expect(numericColumn(t, 'stature')[0]).toBe(Math.round(subjects[0].values.stature * 1000));
    expect(numericColumn(t, 'weightkg')[0]).toBe(Math.round(subjects[0].values.mass * 10));
    expect(categoricalColumn(t, 'Gender')[0]).toBe(subjects[0].sex === 'female' ? 'Female' : 'Male');
  });
});
