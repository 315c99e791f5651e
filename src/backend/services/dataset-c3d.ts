// `kinetwin export DIR --format c3d`: one C3D per sample beside its label (core/dataset/c3d-export.ts) — gait:
// markers + events, and each subject's static trial; drop-landing / cmj: the vertical ground reaction as a force
// plate (+ CoM point).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { forceSampleC3d, gaitSampleC3d, GRAVITY } from '../../core/dataset/c3d-export';
import type { DatasetManifest } from '../../core/dataset/manifest';
import { KinetwinError } from '../../core/errors';
import { readMot } from '../../core/formats/mot/read';
import type { TrialEvent } from '../../core/model/trial';

/** The members of a sample label the C3D export reads. */
interface C3dLabel { markers?: unknown; static?: unknown; series?: unknown; events?: TrialEvent[]; outcomes?: { bodyWeightN?: unknown }; anthropometrics?: { mass?: unknown } }

/** Writes samples/<id>/<id>-<k>.c3d under `out` for every sample label of the dataset; pushes the relative paths. */
export function exportC3d(dir: string, m: DatasetManifest, out: string, files: string[]): void {
  if (m.task === 'hand-poses') throw new KinetwinError('format c3d needs time series; hand-poses datasets export as parquet', dir);
  const put = (rel: string, bytes: Uint8Array): void => {
    const p = join(out, ...rel.split('/'));
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, bytes);
    files.push(rel);
  };
  const statics = new Set<string>();
  for (const f of m.files) {
    if (!/^samples\/[^/]+\/[^/]+\.json$/.test(f.path)) continue;
    const parts = f.path.split('/');
    const beside = (name: string) => {
      if (!/^[A-Za-z0-9_.-]+$/.test(name) || name.startsWith('.')) throw new KinetwinError(`${f.path} names an unsafe file '${name}'`, dir);
      return join(dir, ...parts.slice(0, -1), name);
    };
    const label = JSON.parse(readFileSync(join(dir, ...parts), 'utf8')) as C3dLabel;
    let bytes: Uint8Array;
    if (m.task === 'gait') {
      if (typeof label.markers !== 'string') throw new KinetwinError(`${f.path} names no marker file`, dir);
      bytes = gaitSampleC3d(new Uint8Array(readFileSync(beside(label.markers))), Array.isArray(label.events) ? label.events : []);
      // the subject's static trial once, beside its samples
      const st = typeof label.static === 'string' ? [...parts.slice(0, -1), label.static].join('/') : null;
      if (st && !statics.has(st)) {
        statics.add(st);
        put(st.replace(/\.trc$/, '.c3d'), gaitSampleC3d(new Uint8Array(readFileSync(beside(label.static as string))), []));
      }
    } else {
      if (typeof label.series !== 'string') throw new KinetwinError(`${f.path} names no series file`, dir);
      const stated = label.outcomes?.bodyWeightN, mass = label.anthropometrics?.mass;
      const bw = typeof stated === 'number' ? stated : typeof mass === 'number' ? mass * GRAVITY : NaN;
      bytes = forceSampleC3d(readMot(new Uint8Array(readFileSync(beside(label.series)))), bw);
    }
    put(f.path.replace(/\.json$/, '.c3d'), bytes);
  }
}
