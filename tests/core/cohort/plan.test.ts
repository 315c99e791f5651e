import { describe, expect, it } from 'vitest';
import { fitCohortModel } from '../../../src/core/cohort/fit';
import { generateSubject } from '../../../src/core/cohort/generate';
import { planCohort } from '../../../src/core/cohort/plan';
import { parseCohortSpec } from '../../../src/core/cohort/spec';
import { canonicalJson, specHash } from '../../../src/core/cohort/spec-hash';
import { KinetwinError } from '../../../src/core/errors';
import { ansur } from './fixture';

const specInput = {
  size: 1001,
  seed: 20261125,
  demographics: { femaleFraction: 0.5, ageRange: [18, 45] as [number, number] },
  conditions: [
    { id: 'absent-digit-4', kind: 'absent-digit' as const, fraction: 0.05, params: { digit: 4 } },
    { id: 'lld-2cm', kind: 'leg-length-discrepancy' as const, fraction: 0.02, params: { metres: 0.02 } },
    { id: 'stiff-landing', kind: 'stiff-landing' as const, fraction: 0.1 },
  ],
  tasks: ['drop-landing' as const, 'cmj' as const],
  samplesPerSubject: 3,
};

describe('planCohort', () => {
  const spec = parseCohortSpec(specInput);
  const plan = planCohort(spec, 0.41);

  it('meets every quota exactly: round(fraction × size) subjects', () => {
    const sum = (m: Uint8Array) => m.reduce((a, b) => a + b, 0);
    expect(plan.conditionCounts).toEqual([50, 20, 100]); // 50.05, 20.02, 100.1 rounded
    expect(plan.membership.map(sum)).toEqual([50, 20, 100]);
    expect(sum(plan.female)).toBe(501); // round(0.5 × 1001) = 501 (round half up)
  });

  it('is reproducible and independent of condition order', () => {
    const reordered = parseCohortSpec({ ...specInput, conditions: [...specInput.conditions].reverse() });
    const again = planCohort(reordered, 0.41);
    expect(Array.from(again.membership[2])).toEqual(Array.from(plan.membership[0]));
    expect(Array.from(planCohort(spec, 0.41).female)).toEqual(Array.from(plan.female));
  });

  it('draws different assignments for different seeds', () => {
    const other = planCohort(parseCohortSpec({ ...specInput, seed: 1 }), 0.41);
    expect(Array.from(other.membership[0])).not.toEqual(Array.from(plan.membership[0]));
  });
});

describe('generateSubject', () => {
  const model = fitCohortModel(ansur());
  const spec = parseCohortSpec(specInput);
  const plan = planCohort(spec, model.femaleFraction);

  it('gives the same subject whichever shard computes it', () => {
    const a = generateSubject(model, spec, plan, 777);
    for (let i = 700; i < 777; i++) generateSubject(model, spec, plan, i);
    expect(generateSubject(model, spec, planCohort(spec, model.femaleFraction), 777)).toEqual(a);
  });

  it('applies plan sex, age range and conditions', () => {
    let lld = 0;
    for (let i = 0; i < spec.size; i++) {
      const s = generateSubject(model, spec, plan, i);
      expect(s.sex).toBe(plan.female[i] ? 'female' : 'male');
      expect(s.age).toBeGreaterThanOrEqual(18);
      expect(s.age).toBeLessThanOrEqual(45);
      const c = s.conditions.find((x) => x.id === 'lld-2cm');
      if (c) {
        lld++;
        expect(['left', 'right']).toContain(c.params.side);
        expect(c.params.metres).toBe(0.02);
      }
    }
    expect(lld).toBe(20);
    expect(generateSubject(model, spec, plan, 5).id).toBe('S0005');
  });
});

describe('CohortSpec and specHash', () => {
  it('fills defaults and hashes equivalent specs identically', () => {
    const a = specHash({ size: 10, seed: 1 });
    const b = specHash({ seed: 1, size: 10, tasks: ['drop-landing'], samplesPerSubject: 1, conditions: [] });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(specHash({ size: 10, seed: 2 })).not.toBe(a);
  });

  it('writes canonical JSON with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
  });

  it('rejects invalid specs with a KinetwinError naming the field', () => {
    expect(() => parseCohortSpec({ size: 0, seed: 1 })).toThrow(/size/);
    expect(() => parseCohortSpec({ size: 10, seed: -1 })).toThrow(KinetwinError);
    expect(() => parseCohortSpec({ size: 10, seed: 1, conditions: [{ id: 'a', kind: 'stiff-landing', fraction: 1.5 }] })).toThrow(KinetwinError);
    expect(() => parseCohortSpec({ size: 10, seed: 1, demographics: { ageRange: [40, 20] } })).toThrow(/age range/);
    expect(() => parseCohortSpec({ size: 10, seed: 1, bogus: true })).toThrow(KinetwinError);
  });
});
