import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { privacyFromFiles } from '../../../src/backend/services/privacy';
import { loadTable, validateFiles } from '../../../src/backend/services/validate';
import { KinetwinError } from '../../../src/core/errors';
import { writeCsvTable } from '../../../src/core/export/csv';
import { readCsvTable } from '../../../src/core/metrics/read-csv-table';
import { selectRows } from '../../../src/core/metrics/table';
import { sharedData } from '../../helpers/shared';

const dir = mkdtempSync(join(tmpdir(), 'kinetwin-privacy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const full = readCsvTable(readFileSync(sharedData('anthropometry', 'ansur2_train.csv'), 'utf8')).table;
const cols = ['Gender', 'Age', 'stature', 'weightkg', 'footlength', 'handlength', 'biacromialbreadth'];
const slim = { rows: full.rows, columns: full.columns.filter((c) => cols.includes(c.name)) };
const part = (r: number) => selectRows(slim, Array.from({ length: 600 }, (_, i) => 8 * i + r));
writeFileSync(join(dir, 'train.csv'), writeCsvTable(part(0)));
writeFileSync(join(dir, 'holdout.csv'), writeCsvTable(part(1)));
mkdirSync(join(dir, 'cohort'));
writeFileSync(join(dir, 'cohort', 'subjects.csv'), writeCsvTable(part(2)));
writeFileSync(join(dir, 'cohort', 'spec.json'), JSON.stringify({ size: 600, seed: 1, conditions: [{ id: 'stiff', kind: 'stiff-landing', fraction: 0.1 }] }));

describe('privacy and validate services', () => {
  it('privacyFromFiles reads a cohort directory, passes independent rows and writes HTML', async () => {
    const html = join(dir, 'privacy.html');
    const r = await privacyFromFiles({ synthetic: join(dir, 'cohort'), train: join(dir, 'train.csv'), holdout: join(dir, 'holdout.csv'), html });
    expect(r.files.synthetic).toBe(join(dir, 'cohort', 'subjects.csv'));
    expect(r.columns).toHaveLength(7);
    expect(r.exactCopies).toBe(0);
    expect(r.passed).toBe(true);
    expect(readFileSync(html, 'utf8')).toContain('PASSED');
    expect(JSON.parse(JSON.stringify(r)).rows.train).toBe(600);
  });

  it('privacyFromFiles fails a copy of the training file', async () => {
    const r = await privacyFromFiles({ synthetic: join(dir, 'train.csv'), train: join(dir, 'train.csv'), holdout: join(dir, 'holdout.csv') });
    expect(r.exactCopies).toBe(600);
    expect(r.passed).toBe(false);
  });

  it('validateFiles checks quotas from spec.json against condition columns', async () => {
    const r = await validateFiles({ synthetic: join(dir, 'cohort'), real: join(dir, 'holdout.csv') });
    expect(r.summary.ksComplementMean).toBeGreaterThan(0.85);
    expect(r.quotas).toEqual([{ id: 'stiff', expected: 60, observed: -1, ok: false }]);
    expect(r.warnings.some((w) => w.includes('condition_stiff'))).toBe(true);
  });

  it('loadTable names the file in errors', async () => {
    await expect(loadTable(join(dir, 'missing.csv'))).rejects.toThrow(KinetwinError);
    writeFileSync(join(dir, 'bad.csv'), 'a,b\n"1,2\n');
    await expect(loadTable(join(dir, 'bad.csv'))).rejects.toMatchObject({ file: join(dir, 'bad.csv') });
    mkdirSync(join(dir, 'two'));
    writeFileSync(join(dir, 'two', 'a.csv'), 'x\n1\n');
    writeFileSync(join(dir, 'two', 'b.csv'), 'x\n1\n');
    await expect(loadTable(join(dir, 'two'))).rejects.toThrow(/several tables/);
  });
});
