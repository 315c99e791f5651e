// Environment facts for dataset manifests: git commit, Ammo build, default fit table, file hashing, fitted-model cache.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitCohortModel } from '../../core/cohort/fit';
import type { CohortModel } from '../../core/cohort/model';
import type { DatasetSource } from '../../core/dataset/manifest';
import { KinetwinError } from '../../core/errors';
import { loadTable } from './validate';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const sha256File = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
export const sha256Bytes = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

let commit: string | null | undefined;
/** `git rev-parse HEAD` of the source tree, or null when git or the repository is unavailable. */
export function gitCommit(): string | null {
  if (commit !== undefined) return commit;
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: here, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).toString().trim();
    commit = /^[0-9a-f]{40}$/.test(out) ? out : null;
  } catch {
    commit = null;
  }
  return commit;
}

/** Version of the ammo.js build in use (package ammojs-typed), or null. */
export function ammoVersion(): string | null {
  try {
    const pkg = JSON.parse(readFileSync(require.resolve('ammojs-typed/package.json'), 'utf8')) as { version?: string };
    return pkg.version ? `ammojs-typed@${pkg.version} (wasm)` : null;
  } catch {
    return null;
  }
}

/** The fit table: the given path, else KINETWIN_FIT_CSV, else the ANSUR II table bundled in resources/anthropometry. */
export const BUNDLED_FIT_CSV = resolve(here, '..', '..', '..', 'resources', 'anthropometry', 'ansur2_train.csv');

export function resolveFitCsv(path?: string): string {
  if (path) return resolve(path);
  if (process.env.KINETWIN_FIT_CSV) return resolve(process.env.KINETWIN_FIT_CSV);
  if (existsSync(BUNDLED_FIT_CSV)) return BUNDLED_FIT_CSV;
  throw new KinetwinError('no fit table found: pass --fit CSV (e.g. ANSUR II ansur2_train.csv) or set KINETWIN_FIT_CSV');
}

const models = new Map<string, CohortModel>();

/** Fit (once per process and content hash) the cohort model on a CSV; returns the model and the source record. */
export async function fitFromCsv(path: string, role: 'fit' | 'holdout' = 'fit'): Promise<{ model: CohortModel; source: DatasetSource }> {
  if (!existsSync(path)) throw new KinetwinError('no such file', path);
  const bytes = readFileSync(path);
  const sha256 = sha256Bytes(bytes);
  let model = models.get(sha256);
  if (!model) {
    const { table } = await loadTable(path);
    model = fitCohortModel(table);
    models.set(sha256, model);
  }
  return { model, source: { role, name: basename(path), sha256, bytes: bytes.length } };
}
