// Worker thread that parses one recording, streaming progress, so a large import never blocks the caller's thread.
// In: { path, options }. Out: { type: 'progress', done, total } | { type: 'result', trial, format } | { type: 'error', message, file }.
import { parentPort } from 'node:worker_threads';
import { KinetwinError } from '../../core/errors';
import type { Trial } from '../../core/model/trial';
import { openTrialFile, type OpenOptions } from '../services/textformats';

function transferables(trial: Trial): ArrayBuffer[] {
  const list: ArrayBuffer[] = [];
  const add = (a: ArrayBufferView | null | undefined) => {
    if (a && a.buffer instanceof ArrayBuffer && !list.includes(a.buffer) && a.byteLength === a.buffer.byteLength) list.push(a.buffer);
  };
  add(trial.points?.data);
  add(trial.points?.residuals);
  add(trial.points?.cameraMasks);
  for (const c of trial.analogs?.channels ?? []) add(c);
  return list;
}

const port = parentPort;
if (port) {
  port.once('message', (msg: { path: string; options: Omit<OpenOptions, 'onProgress'> }) => {
    openTrialFile(msg.path, { ...msg.options, onProgress: (done, total) => port.postMessage({ type: 'progress', done, total }) })
      .then(({ trial, format }) => port.postMessage({ type: 'result', trial, format }, transferables(trial)))
      .catch((err: unknown) =>
        port.postMessage(
          err instanceof KinetwinError
            ? { type: 'error', message: err.message, file: err.file ?? msg.path, kinetwin: true }
            : { type: 'error', message: (err as Error).message ?? String(err), file: msg.path, kinetwin: false },
        ),
      );
  });
}
