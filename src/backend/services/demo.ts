import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KinetwinError } from '../../core/errors';
import { createContext } from '../api/createContext';
import { importFiles } from './importer';
import { analyzeJumpFile } from './jump';
import { analyzeKinematicsFile } from './kinematics';
import { simulateHandService, simulateLandingService } from './simulate';
import { mapHeadersFile } from '../llm/service';
import { generateDataset } from './dataset';
import { BUNDLED_FIT_CSV } from './dataset-env';
import { exportDataset } from './dataset-export';

// `kinetwin demo`: the whole pipeline that exists so far, on the samples bundled in resources/samples, into a
// fresh database. Each step is a named function returning a JSON-able summary; later stages append steps here.
export const samplesDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'resources', 'samples');

export interface DemoStep {
  step: string;
  ok: boolean;
  seconds: number;
  summary: Record<string, unknown>;
}

export interface DemoReport {
  dbPath: string;
  samples: string;
  steps: DemoStep[];
  audit: { ok: boolean; rows: number };
}

export interface DemoOptions {
  outDir?: string;
  onStep?: (step: DemoStep) => void;
  onProgress?: (done: number, total: number, label: string) => void;
}

async function timed(step: string, fn: () => Promise<Record<string, unknown>>): Promise<DemoStep> {
  const t0 = performance.now();
  try {
    const summary = await fn();
    return { step, ok: true, seconds: (performance.now() - t0) / 1000, summary };
  } catch (err) {
    if (!(err instanceof KinetwinError)) throw err;
    return { step, ok: false, seconds: (performance.now() - t0) / 1000, summary: { error: `${err.file ? err.file + ': ' : ''}${err.message}` } };
  }
}

export async function runDemo(options: DemoOptions = {}): Promise<DemoReport> {
  if (!existsSync(samplesDir)) throw new KinetwinError('bundled samples are missing', samplesDir);
  const dir = options.outDir ? resolve(options.outDir) : mkdtempSync(join(tmpdir(), 'kinetwin-demo-'));
  const dbPath = join(dir, 'kinetwin-demo.db');
  if (existsSync(dbPath)) throw new KinetwinError('a demo database already exists here: choose an empty --out directory', dbPath);
  const ctx = createContext({ mode: 'cli', dbPath, onProgress: (e) => options.onProgress?.(e.done, e.total, e.phase) });
  const sample = (name: string) => join(samplesDir, name);
  const steps: DemoStep[] = [];
  const push = (s: DemoStep) => {
    steps.push(s);
    options.onStep?.(s);
  };
  try {
    const files = readdirSync(samplesDir).filter((f) => !f.endsWith('.tsv')).sort();
    push(
      await timed('import', async () => {
        const results = await importFiles(files.map(sample), ctx, { subject: 'DEMO01' });
        return {
          imported: results.filter((r) => r.status === 'imported').map((r) => (r.status === 'imported' ? `${r.label} (${r.format}: ${r.points} points, ${r.analogs} analogs)` : '')),
          errors: results.filter((r) => r.status === 'error').map((r) => (r.status === 'error' ? r.error : '')),
        };
      }),
    );
    for (const f of ['Single-CMJ-Fz.txt', 'Dual-CMJ-Fz.txt', 'Single-DJ-Fz.txt']) {
      push(
        await timed(`analyze jump ${f}`, async () => {
          const r = await analyzeJumpFile(sample(f), { rate: 1000 });
          return { type: r.type, bodyMassKg: r.bodyMassKg, jumpHeightM: r.jumpHeight, jumpHeightFlightM: r.jumpHeightFlight, rsiModified: r.rsiModified, rsi: r.rsi, peakForceN: r.peakForceN, propulsionImpulseAsymmetryPct: r.asymmetry?.phases.find((p) => p.phase === 'propulsion')?.impulse.asymmetryPct ?? null };
        }),
      );
    }
    push(
      await timed('twin: scale + inverse kinematics + inverse dynamics (subject01 walk)', async () => {
        const r = await analyzeKinematicsFile(sample('subject01_walk.trc'), {
          staticPath: sample('subject01_static.trc'), massKg: 72.6, sex: 'male', moments: true, grfPath: sample('subject01_walk_grf.mot'), outPath: join(dir, 'subject01_walk_angles.mot'),
        });
        const peak = (name: string) => r.coordinates[name] ? Number(Math.max(...Object.values(r.coordinates[name]!).filter((v): v is number => typeof v === 'number')).toFixed(1)) : null;
        return { frames: r.frames, rateHz: r.rate, markerRmsMeanMm: Number((r.rmsMarkerErrorM.mean * 1000).toFixed(1)), kneeFlexionPeakRDeg: peak('knee_flexion_r'), hipFlexionPeakRDeg: peak('hip_flexion_r'), output: r.output };
      }),
    );
    for (const strategy of ['soft', 'stiff'] as const) {
      push(
        await timed(`simulate drop landing 0.45 m, ${strategy}`, async () => {
          const r = await simulateLandingService({ mass: 72.6, stature: 1.8, sex: 'm', height: 0.45, strategy }, { onProgress: (p) => options.onProgress?.(p.done, p.total, `landing ${strategy}`) });
          return { peakVerticalGrfBw: Number(r.peakVerticalGrfBw.toFixed(2)), kneeFlexionPeakDeg: Number(r.kneeFlexionPeakDeg.toFixed(1)), penetrationMaxMm: Number((r.penetrationMaxM * 1000).toFixed(1)), jointLimitViolationMaxDeg: Number(r.jointLimitViolationMaxDeg.toFixed(2)) };
        }),
      );
    }
    push(
      await timed('simulate hand poses: digit 4 absent, 200 samples', async () => {
        const r = await simulateHandService({ samples: 200, seed: 42, mode: 'functional', variant: { absent: [4] } }, join(dir, 'hand-absent-4'));
        return { samples: r.samples, collisionFree: r.collisionFree, maxLimitViolationDeg: r.maxLimitViolationDeg, keypoints: r.keypointNames.length, out: join(dir, 'hand-absent-4') };
      }),
    );
    push(
      await timed('map headers of a force export (rules; local LLM when reachable)', async () => {
        const r = await mapHeadersFile(sample('subject01_walk_grf.mot'), { noLlm: true });
        return { columns: r.columns.length, mapped: r.columns.filter((c) => c.field !== null).length, first: r.columns.slice(1, 4).map((c) => `${c.header} → ${c.field ?? '—'}`) };
      }),
    );
    push(
      await timed('synthetic cohort: 12 drop-landing subjects fitted on ANSUR II, privacy-gated export', async () => {
        // split the bundled ANSUR II table into a fitting half and a held-out half (alternate rows)
        const [header, ...rows] = readFileSync(BUNDLED_FIT_CSV, 'utf8').trimEnd().split('\n');
        const train = join(dir, 'ansur-train.csv');
        const holdout = join(dir, 'ansur-holdout.csv');
        writeFileSync(train, [header, ...rows.filter((_, i) => i % 2 === 0)].join('\n') + '\n');
        writeFileSync(holdout, [header, ...rows.filter((_, i) => i % 2 === 1)].join('\n') + '\n');
        const cohort = join(dir, 'cohort');
        const g = await generateDataset({ out: cohort, n: 12, seed: 7, task: 'drop-landing', fit: train, store: ctx.store(), onProgress: (d, t) => options.onProgress?.(d, t, 'cohort') });
        const e = await exportDataset(cohort, { format: 'parquet', out: join(dir, 'cohort-export'), fit: train, holdout, store: ctx.store() });
        return { dataset: g.dir, subjects: g.subjects, samples: g.samples, files: g.files, specHash: g.specHash.slice(0, 16), privacyGatePassed: e.gate.passed, exported: e.files.length };
      }),
    );
    const audit = ctx.store().verifyAudit();
    return { dbPath, samples: samplesDir, steps, audit: { ok: audit.ok, rows: audit.rows } };
  } finally {
    ctx.close();
  }
}
