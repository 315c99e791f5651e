import { describe, expect, it } from 'vitest';
import { runDemo, type DemoReport } from '../../src/backend/services/demo';
import { tempDir } from '../helpers/tmp';

describe('kinetwin demo', () => {
  it('runs every pipeline stage on the bundled samples into a fresh database', async () => {
    const report: DemoReport = await runDemo({ outDir: tempDir() });
    expect(report.steps.every((s) => s.ok), JSON.stringify(report.steps.filter((s) => !s.ok))).toBe(true);
    const imported = report.steps.find((s) => s.step === 'import')!.summary.imported as string[];
    expect(imported).toHaveLength(7);
    const cmj = report.steps.find((s) => s.step === 'analyze jump Single-CMJ-Fz.txt')!.summary;
    expect(cmj.type).toBe('cmj');
    expect(cmj.jumpHeightM as number).toBeCloseTo(0.32, 1);
    expect(report.audit).toEqual({ ok: true, rows: 9 }); // 7 imports, the cohort's generation and its export
    const cohort = report.steps.find((s) => s.step.startsWith('synthetic cohort'))!.summary;
    expect(cohort).toMatchObject({ subjects: 12, samples: 12, privacyGatePassed: true });
  });
});
