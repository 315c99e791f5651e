import { describe, expect, it } from 'vitest';
import { fitCohortModel } from '../../../src/core/cohort/fit';
import { cohortModelDigest, cohortModelFromJson, cohortModelToJson } from '../../../src/core/cohort/model-json';
import { sampleSubject } from '../../../src/core/cohort/sample';
import { KinetwinError } from '../../../src/core/errors';
import { streamFor } from '../../../src/core/random/stream';
import { ansur } from './fixture';

describe('cohort model JSON', () => {
  const model = fitCohortModel(ansur());

  it('round-trips through JSON text and samples identically', () => {
    const back = cohortModelFromJson(JSON.parse(JSON.stringify(cohortModelToJson(model))));
    expect(sampleSubject(back, streamFor(4, 2))).toEqual(sampleSubject(model, streamFor(4, 2)));
    expect(cohortModelDigest(back)).toBe(cohortModelDigest(model));
  });

  it('digest changes when the model does', () => {
    const other = fitCohortModel(ansur(), undefined, { quantileCount: 129 });
    expect(cohortModelDigest(other)).not.toBe(cohortModelDigest(model));
  });

  it('rejects malformed or inconsistent JSON', () => {
    const json = cohortModelToJson(model);
    expect(() => cohortModelFromJson({ ...json, kind: 'gan' })).toThrow(KinetwinError);
    expect(() => cohortModelFromJson({ ...json, groups: { ...json.groups, male: { ...json.groups.male, cholesky: [1] } } })).toThrow(/matrices/);
  });
});
