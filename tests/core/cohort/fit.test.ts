import { describe, expect, it } from 'vitest';
import { ANSUR_COHORT_COLUMNS } from '../../../src/core/cohort/ansur-columns';
import { fitCohortModel } from '../../../src/core/cohort/fit';
import type { Sex } from '../../../src/core/cohort/model';
import { sampleSubject } from '../../../src/core/cohort/sample';
import { meanAndSd, pearson } from '../../../src/core/metrics/correlation';
import { categoricalColumn, numericColumn } from '../../../src/core/metrics/table';
import { streamFor } from '../../../src/core/random/stream';
import { KinetwinError } from '../../../src/core/errors';
import { ansur } from './fixture';

const table = ansur();
const model = fitCohortModel(table);

function realColumn(sex: Sex, name: string): Float64Array {
  const col = ANSUR_COHORT_COLUMNS.find((c) => c.name === name);
  const raw = numericColumn(table, col ? col.column : 'Age');
  const gender = categoricalColumn(table, 'Gender');
  const out: number[] = [];
  for (let i = 0; i < table.rows; i++) if ((gender[i] === 'Female') === (sex === 'female')) out.push(raw[i] * (col ? col.scale : 1));
  return Float64Array.from(out);
}

function synthetic(sex: Sex, n: number): Record<string, Float64Array> {
  const cols: Record<string, Float64Array> = { age: new Float64Array(n) };
  for (const c of ANSUR_COHORT_COLUMNS) cols[c.name] = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = sampleSubject(model, streamFor(11, i), { sex });
    cols.age[i] = s.age;
    for (const c of ANSUR_COHORT_COLUMNS) cols[c.name][i] = s.values[c.name];
  }
  return cols;
}

describe('fitCohortModel on ANSUR II', () => {
  it('reads the sex ratio of the table (1,582 women of 4,854 → 0.326)', () => {
    const gender = categoricalColumn(table, 'Gender');
    const women = gender.filter((g) => g === 'Female').length;
    expect(women).toBe(1582);
    expect(model.femaleFraction).toBeCloseTo(1582 / 4854, 10);
    expect(model.groups.female.count + model.groups.male.count).toBe(table.rows);
  });

  it('stores a valid Cholesky factor of each correlation matrix', () => {
    const d = model.variables.length;
    for (const sex of ['female', 'male'] as const) {
      const { correlation, cholesky } = model.groups[sex];
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) {
          let s = 0;
          for (let k = 0; k < d; k++) s += cholesky[i * d + k] * cholesky[j * d + k];
          expect(s).toBeCloseTo(correlation[i * d + j], 6);
        }
      }
    }
  });

  for (const sex of ['female', 'male'] as const) {
    describe(`${sex} samples (n = 4000)`, () => {
      const syn = synthetic(sex, 4000);
      it('reproduce every variable mean within 1% and SD within 5%', () => {
        for (const name of ['age', ...ANSUR_COHORT_COLUMNS.map((c) => c.name)]) {
          const r = meanAndSd(realColumn(sex, name));
          const s = meanAndSd(syn[name]);
          expect(Math.abs(s.mean / r.mean - 1), `${name} mean`).toBeLessThan(0.01);
          expect(Math.abs(s.sd / r.sd - 1), `${name} sd`).toBeLessThan(0.05);
        }
      });
      it('reproduce stature–mass and stature–segment correlations within 0.05', () => {
        for (const name of ['mass', 'buttockKneeLength', 'tibialHeight', 'shoulderElbowLength', 'radialeStylionLength', 'footLength', 'handLength', 'biacromialBreadth']) {
          const r = pearson(realColumn(sex, 'stature'), realColumn(sex, name));
          const s = pearson(syn.stature, syn[name]);
          expect(Math.abs(s - r), `stature–${name}: real ${r.toFixed(3)} synthetic ${s.toFixed(3)}`).toBeLessThan(0.05);
        }
        const ra = pearson(realColumn(sex, 'age'), realColumn(sex, 'mass'));
        expect(Math.abs(pearson(syn.age, syn.mass) - ra)).toBeLessThan(0.05);
      });
    });
  }

  it('keeps sampled ages inside a requested range', () => {
    for (let i = 0; i < 300; i++) {
      const s = sampleSubject(model, streamFor(3, i), { ageRange: [25, 30] });
      expect(s.age).toBeGreaterThanOrEqual(25);
      expect(s.age).toBeLessThanOrEqual(30);
    }
    expect(() => sampleSubject(model, streamFor(3, 0), { ageRange: [90, 100] })).toThrow(KinetwinError);
  });

  it('is deterministic: the same stream gives the same subject', () => {
    expect(sampleSubject(model, streamFor(9, 5))).toEqual(sampleSubject(model, streamFor(9, 5)));
    expect(sampleSubject(model, streamFor(9, 5))).not.toEqual(sampleSubject(model, streamFor(9, 6)));
  });

  it('throws KinetwinError for a missing column', () => {
    expect(() => fitCohortModel(table, [{ name: 'x', column: 'nosuchcolumn', scale: 1, unit: 'm', meaning: '' }])).toThrow(KinetwinError);
  });
});
