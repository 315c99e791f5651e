// Reading a dataset's manifest.json from disk, with the checks every command relies on.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MANIFEST_NAME, type DatasetManifest } from '../../core/dataset/manifest';
import { KinetwinError } from '../../core/errors';

/** Reads and checks a dataset's manifest.json. */
export function readManifest(dir: string): DatasetManifest {
  const path = join(resolve(dir), MANIFEST_NAME);
  if (!existsSync(path)) throw new KinetwinError('not a dataset: no manifest.json', dir);
  let m: DatasetManifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as DatasetManifest;
  } catch (e) {
    throw new KinetwinError(`manifest.json is not valid JSON: ${(e as Error).message}`, path);
  }
  if (m?.format !== 'kinetwin-dataset' || !Array.isArray(m.files) || !Array.isArray(m.subjects) || typeof m.specHash !== 'string') throw new KinetwinError('manifest.json is not a Kinetwin dataset manifest', path);
  for (const f of m.files) if (typeof f.path !== 'string' || f.path.includes('..') || f.path.startsWith('/')) throw new KinetwinError(`manifest lists an unsafe path '${String(f.path)}'`, path);
  return m;
}

