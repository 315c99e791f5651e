// Worker pool for dataset generation: chunks of subjects handed to `workers` threads; results are put back in
// index order, so the output never depends on the worker count. Cancellable through an AbortSignal.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { CohortModelJson } from '../../core/cohort/model-json';
import type { CohortSpec } from '../../core/cohort/spec';
import type { GaitTemplate } from '../../core/dataset/gait-template';
import type { DatasetTask } from '../../core/dataset/sample';
import { KinetwinError } from '../../core/errors';
import { startWorker } from '../workers/start';
import type { ChunkResult } from './dataset-chunk';

export interface PoolJob { modelJson: CohortModelJson; spec: CohortSpec; task: DatasetTask; outDir: string; gait?: GaitTemplate }

export interface PoolOptions {
  workers?: number; // default: every core
  signal?: AbortSignal;
  onSubject?: () => void;
}

/** Chunks of [start, end): about 8 per worker, 1..64 subjects each. */
export function chunkRanges(start: number, end: number, workers: number): Array<[number, number]> {
  const n = end - start;
  const size = Math.max(1, Math.min(64, Math.ceil(n / (workers * 8))));
  const out: Array<[number, number]> = [];
  for (let a = start; a < end; a += size) out.push([a, Math.min(end, a + size)]);
  return out;
}

/** Runs every chunk on a pool of worker threads; resolves with the results in chunk order. */
export async function runPool(job: PoolJob, start: number, end: number, options: PoolOptions = {}): Promise<ChunkResult[]> {
  const chunks = chunkRanges(start, end, Math.max(1, options.workers ?? availableParallelism()));
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), chunks.length));
  const results: ChunkResult[] = new Array(chunks.length);
  const workers: Worker[] = [];
  if (options.signal?.aborted) throw new KinetwinError('generation cancelled');
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let failed = false;
      const fail = (e: Error): void => { if (!failed) { failed = true; reject(e); } };
      const abort = (): void => fail(new KinetwinError('generation cancelled'));
      options.signal?.addEventListener('abort', abort, { once: true });
      const feed = (w: Worker): void => {
        if (failed) return;
        if (next >= chunks.length) return;
        const id = next++;
        w.postMessage({ id, job, start: chunks[id][0], end: chunks[id][1] });
      };
      for (let i = 0; i < count; i++) {
        const w = startWorker('generate');
        workers.push(w);
        w.on('message', (m: { id: number; type: string; result: ChunkResult; message: string; kinetwin: boolean }) => {
          if (m.type === 'progress') options.onSubject?.();
          else if (m.type === 'error') fail(m.kinetwin ? new KinetwinError(m.message) : new Error(m.message));
          else if (m.type === 'result') {
            results[m.id] = m.result;
            if (++done === chunks.length) { options.signal?.removeEventListener('abort', abort); resolve(); } else feed(w);
          }
        });
        w.on('error', (e) => fail(e));
        w.on('exit', (code) => { if (code !== 0 && done < chunks.length) fail(new Error(`generate worker exited with code ${code}`)); });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
