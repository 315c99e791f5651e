import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/backend/services/dataset';
import { privacyFromFiles } from '../../../src/backend/services/privacy';
import { validateFiles } from '../../../src/backend/services/validate';
import { sharedData } from '../../helpers/shared';

// A generated dataset checked against the raw ANSUR II table it was fitted on: the subjects table must be compared in
// the real table's columns and units (mm, tenths of kg, Gender), and its quotas read from the manifest's spec.
describe('validate and privacy of a generated dataset against the raw fit table', () => {
  const fit = sharedData('anthropometry', 'ansur2_train.csv');
  const dir = mkdtempSync(join(tmpdir(), 'kinetwin-validate-ds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'ds');
  const train = join(dir, 'train.csv'), holdout = join(dir, 'holdout.csv');
  beforeAll(async () => {
    const spec = { size: 400, seed: 5, tasks: ['hand-poses'], conditions: [{ id: 'absent-4', kind: 'absent-digit', fraction: 0.05, params: { digit: 4 } }] };
    await generateDataset({ out, spec, fit, workers: 0 });
    const lines = readFileSync(fit, 'utf8').trim().split('\n');
    const body = lines.slice(1);
    writeFileSync(train, [lines[0], ...body.filter((_, i) => i % 2 === 0)].join('\n'));
    writeFileSync(holdout, [lines[0], ...body.filter((_, i) => i % 2 === 1)].join('\n'));
  }, 120_000);

  it('validates in the source units: high fidelity on every mapped variable, quotas from the manifest met', async () => {
    const r = await validateFiles({ synthetic: out, real: fit, seed: 1 });
    expect(r.warnings.some((w) => /compared in the real table's columns and units/.test(w))).toBe(true);
    const names = r.columns.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['stature', 'weightkg', 'footlength', 'Age']));
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(r.summary.ksComplementMean).toBeGreaterThan(0.85);
    expect(r.summary.correlationSimilarityMean).toBeGreaterThan(0.9);
    expect(r.quotas).toEqual([{ id: 'absent-4', expected: 20, observed: 20, ok: true }]);
  });

  it('measures privacy on the shared columns and passes for a fitted model', async () => {
    const r = await privacyFromFiles({ synthetic: out, train, holdout, seed: 1 });
    expect(r.warnings.some((w) => /compared in the real table's columns and units/.test(w))).toBe(true);
    expect(r.exactCopies).toBe(0);
    expect(r.membershipInferenceAuc).toBeLessThan(0.6);
    expect(r.passed).toBe(true);
  });
});
