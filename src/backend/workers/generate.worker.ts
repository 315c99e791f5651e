// Worker thread for `kinetwin generate cohort`: loads Ammo once, generates one chunk of subjects per message.
// In: { id, job: { modelJson, spec, task, outDir }, start, end }. Out: { id, type: 'progress' } per subject |
// { id, type: 'result', result } | { id, type: 'error', message, kinetwin }.
import { parentPort } from 'node:worker_threads';
import { cohortModelFromJson, type CohortModelJson } from '../../core/cohort/model-json';
import type { CohortSpec } from '../../core/cohort/spec';
import type { DatasetTask } from '../../core/dataset/sample';
import { KinetwinError } from '../../core/errors';
import { loadAmmo } from '../services/ammo';
import { generateChunk } from '../services/dataset-chunk';

export interface GenerateMessage {
  id: number;
  job: { modelJson: CohortModelJson; spec: CohortSpec; task: DatasetTask; outDir: string };
  start: number;
  end: number;
}

const port = parentPort;
if (port) {
  port.on('message', (msg: GenerateMessage) => {
    loadAmmo()
      .then((ammo) => generateChunk(ammo, { ...msg.job, model: cohortModelFromJson(msg.job.modelJson) }, msg.start, msg.end, () => port.postMessage({ id: msg.id, type: 'progress' })))
      .then((result) => port.postMessage({ id: msg.id, type: 'result', result }))
      .catch((err: unknown) => port.postMessage({ id: msg.id, type: 'error', message: err instanceof Error ? err.message : String(err), kinetwin: err instanceof KinetwinError }));
  });
}
