// Worker thread for simulations: loads Ammo once, runs one core task per message, streams progress events.
// Messages in: { id, task: 'landing' | 'jump' | 'hand', input, outDir? }. Out: { id, type: 'progress', done, total }
// | { id, type: 'result', result } | { id, type: 'error', message, kinetwin }.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { KinetwinError } from '../../core/errors.js';
import { runHandTask, runJumpTask, runLandingTask } from '../../core/physics/tasks.js';
import { runTrackTask } from '../../core/physics/track/trackTask.js';
import { loadAmmo } from '../services/ammo.js';
import type { SimulationRequest } from '../services/simulate.js';

/** Runs one request in this thread (also used in-process when workers are not wanted). */
export async function runRequest(req: SimulationRequest, progress: (done: number, total: number) => void): Promise<unknown> {
  const ammo = await loadAmmo();
  const frac = (f: number): void => progress(Math.round(f * 1000), 1000);
  switch (req.task) {
    case 'landing': return runLandingTask(ammo, req.input, frac);
    case 'jump': return runJumpTask(ammo, req.input, frac);
    case 'track': return runTrackTask(ammo, req.input, frac);
    case 'hand': {
      const dir = req.outDir;
      if (dir) mkdirSync(dir, { recursive: true });
      const total = req.input.samples;
      let done = 0;
      const summary = runHandTask(ammo, req.input, (index, label) => {
        if (dir) writeFileSync(join(dir, `sample-${String(index).padStart(7, '0')}.json`), `${JSON.stringify(label)}\n`);
        if (++done % 500 === 0) progress(done, total);
      });
      if (dir) writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
      progress(total, total);
      return summary;
    }
    default: throw new KinetwinError(`unknown simulation task '${String((req as { task: unknown }).task)}'`);
  }
}

const port = parentPort;
if (port) {
  port.on('message', (msg: SimulationRequest & { id: number }) => {
    runRequest(msg, (done, total) => port.postMessage({ id: msg.id, type: 'progress', done, total }))
      .then((result) => port.postMessage({ id: msg.id, type: 'result', result }))
      .catch((err: unknown) => port.postMessage({ id: msg.id, type: 'error', message: err instanceof Error ? err.message : String(err), kinetwin: err instanceof KinetwinError }));
  });
}
