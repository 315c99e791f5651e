// Synthetic-data benchmarks (npm run bench:synth). A list of named cases; each prints one JSON line.
// Run one case: npm run bench:synth -- --case privacy-100k. Options: --rows N, --cols N (privacy cases).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitCohortModel } from '../src/core/cohort/fit';
import { generateSubject } from '../src/core/cohort/generate';
import { planCohort } from '../src/core/cohort/plan';
import { parseCohortSpec } from '../src/core/cohort/spec';
import { privacyReport } from '../src/core/metrics/privacy/privacy-report';
import { readCsvTable } from '../src/core/metrics/read-csv-table';
import { makeTable, type Table } from '../src/core/metrics/table';
import { streamFor } from '../src/core/random/stream';
import { datasetCases } from './synth-dataset';
import { renderCases } from './synth-render';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const only = (() => {
  const i = args.indexOf('--case');
  return i >= 0 ? args[i + 1] : null;
})();

/**
 * Rows from a known distribution: a latent-factor Gaussian, x = A·f + σ·ε with f ~ N(0, I_factors),
 * A ~ N(0, 1) fixed by `loadingSeed`, σ = noise — correlated like anthropometric tables (few dominant factors).
 */
export function latentFactorTable(rows: number, cols: number, seed: number, factors = 8, noise = 0.3, loadingSeed = 999): Table {
  const a = new Float64Array(cols * factors);
  const sa = streamFor(loadingSeed, 0);
  for (let i = 0; i < a.length; i++) a[i] = sa.nextNormal();
  const columns = Array.from({ length: cols }, () => new Float64Array(rows));
  const f = new Float64Array(factors);
  for (let i = 0; i < rows; i++) {
    const s = streamFor(seed, i);
    for (let k = 0; k < factors; k++) f[k] = s.nextNormal();
    for (let j = 0; j < cols; j++) {
      let v = 0;
      for (let k = 0; k < factors; k++) v += a[j * factors + k] * f[k];
      columns[j][i] = v + noise * s.nextNormal();
    }
  }
  return makeTable(columns.map((values, j) => ({ name: `c${j}`, kind: 'numeric' as const, values })));
}

interface BenchCase {
  name: string;
  run: () => Record<string, unknown> | Promise<Record<string, unknown>>;
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024); // maxRSS is in KiB

const ansurPath = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'anthropometry', 'ansur2_train.csv');

const cases: BenchCase[] = [
  {
    name: 'cohort-100k',
    run: () => {
      const size = opt('subjects', 100_000);
      const t0 = performance.now();
      const model = fitCohortModel(readCsvTable(readFileSync(ansurPath, 'utf8')).table);
      const fitSeconds = (performance.now() - t0) / 1000;
      const spec = parseCohortSpec({ size, seed: 1, conditions: [{ id: 'absent-digit-4', kind: 'absent-digit', fraction: 0.05, params: { digit: 4 } }, { id: 'lld-2cm', kind: 'leg-length-discrepancy', fraction: 0.02, params: { metres: 0.02 } }, { id: 'stiff', kind: 'stiff-landing', fraction: 0.1 }] });
      const t1 = performance.now();
      const plan = planCohort(spec, model.femaleFraction);
      let stature = 0;
      for (let i = 0; i < size; i++) stature += generateSubject(model, spec, plan, i).values.stature;
      const seconds = (performance.now() - t1) / 1000;
      return { subjects: size, variables: model.variables.length, fitSeconds: Math.round(fitSeconds * 1000) / 1000, seconds: Math.round(seconds * 100) / 100, subjectsPerSecond: Math.round(size / seconds), meanStatureM: Math.round((stature / size) * 1000) / 1000, peakRssMb: peakRssMb() };
    },
  },
  {
    name: 'privacy-100k',
    run: () => {
      const rows = opt('rows', 100_000);
      const cols = opt('cols', 100);
      const train = latentFactorTable(rows, cols, 1);
      const holdout = latentFactorTable(rows, cols, 2);
      const synthetic = latentFactorTable(rows, cols, 3); // an ideal generator: fresh draws of the same law
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const r = privacyReport({ synthetic, train, holdout, maxQueryRows: opt('max-queries', 5_000) });
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(c0);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6; // differs from `seconds` when other processes share the cores
      return {
        rows,
        cols,
        seconds: Math.round(seconds * 100) / 100,
        cpuSeconds: Math.round(cpuSeconds * 100) / 100,
        peakRssMb: peakRssMb(),
        queriesPerDirection: r.sampled.synthetic,
        exactCopies: r.exactCopies,
        dcrOverfittingProtection: r.dcrOverfittingProtection,
        dcrBaselineProtection: r.dcrBaselineProtection,
        membershipInferenceAuc: r.membershipInferenceAuc,
        nndrMedian: r.nndrMedian,
        passed: r.passed,
        refinedPerQuery: Math.round(r.index.refinedPerQuery),
        scannedPerQuery: Math.round(r.index.scannedPerQuery),
      };
    },
  },
  ...datasetCases(opt),
  ...renderCases(opt),
];

// run when executed directly (the latentFactorTable export is reused by scripts)
if (process.argv[1]?.endsWith('synth.ts')) for (const c of cases) {
  if (only && c.name !== only) continue;
  const result = await c.run();
  console.log(JSON.stringify({ bench: 'synth', case: c.name, ...result }));
}
