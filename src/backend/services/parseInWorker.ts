import { stat } from 'node:fs/promises';
import { KinetwinError } from '../../core/errors';
import type { Trial } from '../../core/model/trial';
import { startWorker } from '../workers/start';
import type { SniffedFormat } from '../../core/formats/sniff';
import { openTrialFile, type OpenOptions } from './textformats';

// Large recordings parse in a worker thread (progress streamed back, caller's event loop stays free); small ones
// parse in-process, where a worker's start-up would cost more than the parse.
export const WORKER_THRESHOLD_BYTES = 16 * 1024 * 1024;

export async function parseRecording(
  path: string,
  options: Omit<OpenOptions, 'onProgress'> & { onProgress?: (done: number, total: number) => void; signal?: AbortSignal; forceWorker?: boolean } = {},
): Promise<{ trial: Trial; format: SniffedFormat }> {
  const { onProgress, signal, forceWorker, ...open } = options;
  let size = 0;
  try {
    size = (await stat(path)).size;
  } catch {
    return openTrialFile(path, open); // let the reader produce its own clear error
  }
  if (!forceWorker && size < WORKER_THRESHOLD_BYTES) {
    const result = await openTrialFile(path, { ...open, onProgress });
    onProgress?.(size, size);
    return result;
  }
  const worker = startWorker('parse');
  return new Promise((resolve, reject) => {
    const finish = (fn: () => void) => {
      signal?.removeEventListener('abort', abort);
      void worker.terminate();
      fn();
    };
    const abort = () => finish(() => reject(new KinetwinError('import cancelled', path)));
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort);
    worker.on('message', (m: { type: string; done: number; total: number; trial: Trial; format: SniffedFormat; message: string; file: string; kinetwin: boolean }) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total);
      else if (m.type === 'result') {
        onProgress?.(size, size);
        finish(() => resolve({ trial: m.trial, format: m.format }));
      }
      else if (m.type === 'error') finish(() => reject(m.kinetwin ? new KinetwinError(m.message, m.file) : new Error(m.message)));
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.postMessage({ path, options: open });
  });
}
