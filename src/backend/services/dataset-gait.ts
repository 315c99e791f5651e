// The `gait` task's template, once per process: the bundled real walk (OpenSim gait10dof18musc subject01, Apache-2.0,
// resources/samples/LICENSES.tsv) — the full-body model scaled to the static trial, IK on the walk, the cycles
// averaged (core/dataset/gait-template.ts). The two TRC files' hashes go into the manifest as sources.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetSource } from '../../core/dataset/manifest';
import { buildGaitTemplate, type GaitTemplate } from '../../core/dataset/gait-template';
import { KinetwinError } from '../../core/errors';
import { readTrc } from '../../core/formats/trc/read';
import { createFullBodyModel } from '../../core/twin/fullBody';
import { solveInverseKinematics } from '../../core/twin/ik';
import { detectMarkerSet } from '../../core/twin/markerSets';
import { scaleModel } from '../../core/twin/scale';
import { sha256Bytes } from './dataset-env';

const samplesDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'resources', 'samples');

export const GAIT_TEMPLATE_FILES = { static: 'subject01_static.trc', walk: 'subject01_walk.trc' } as const;
// subject01's body mass in OpenSim's scale setup (kinematics do not depend on it)
const TEMPLATE_MASS_KG = 72.6;

export interface LoadedGaitTemplate {
  template: GaitTemplate;
  sources: DatasetSource[];
}

let cached: LoadedGaitTemplate | null = null;

/** The template from resources/samples (computed on first use, then cached). */
export function loadGaitTemplate(dir = samplesDir): LoadedGaitTemplate {
  if (cached && dir === samplesDir) return cached;
  const paths = [join(dir, GAIT_TEMPLATE_FILES.static), join(dir, GAIT_TEMPLATE_FILES.walk)];
  for (const p of paths) if (!existsSync(p)) throw new KinetwinError('gait template file missing', p);
  const [sBytes, wBytes] = paths.map((p) => new Uint8Array(readFileSync(p)));
  const staticTrial = readTrc(sBytes), walk = readTrc(wBytes);
  const set = detectMarkerSet(walk.points?.labels ?? []);
  const { model } = createFullBodyModel({ massKg: TEMPLATE_MASS_KG, sex: 'male' });
  const scaled = scaleModel(model, set, staticTrial, { massKg: TEMPLATE_MASS_KG, sex: 'male' });
  const ik = solveInverseKinematics(scaled.model, set, walk);
  const tyIndex = scaled.model.coordinates.findIndex((c) => c.name === 'pelvis_ty');
  const template = buildGaitTemplate({
    model: scaled.model, markerSet: set, coordinates: ik.coordinates, frames: ik.frames, rate: ik.rate,
    legLengthM: (scaled.jointCentres.hip_r[1] + scaled.jointCentres.hip_l[1]) / 2,
    standingPelvisHeightM: scaled.staticPose[tyIndex],
  });
  const sources: DatasetSource[] = paths.map((p, i) => ({ role: 'template', name: basename(p), sha256: sha256Bytes([sBytes, wBytes][i]), bytes: [sBytes, wBytes][i].length }));
  const loaded = { template, sources };
  if (dir === samplesDir) cached = loaded;
  return loaded;
}
