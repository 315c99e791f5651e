import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KinetwinError } from '../../core/errors';
import { createContext } from '../api/createContext';
import { importFiles } from './importer';
import { analyzeJumpFile } from './jump';

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
    const audit = ctx.store().verifyAudit();
    return { dbPath, samples: samplesDir, steps, audit: { ok: audit.ok, rows: audit.rows } };
  } finally {
    ctx.close();
  }
}
