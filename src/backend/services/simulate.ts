// Simulation services (`kinetwin simulate …`): physics-grounded twin tasks run in a worker thread (Ammo loaded
// there), progress streamed back; core stays synchronous and pure. Plain async functions with JSON results.
import { KinetwinError } from '../../core/errors.js';
import type { Sex } from '../../core/physics/body/bodyModel.js';
import type { HandTaskInput, HandTaskSummary, JumpSummary, JumpTaskInput, LandingSummary, LandingTaskInput } from '../../core/physics/tasks.js';
import type { TrackTaskInput } from '../../core/physics/track/trackTask.js';
import { startWorker } from '../workers/start.js';

export type SimulationRequest =
  | { task: 'landing'; input: LandingTaskInput; outDir?: undefined }
  | { task: 'jump'; input: JumpTaskInput; outDir?: undefined }
  | { task: 'hand'; input: HandTaskInput; outDir?: string }
  | { task: 'track'; input: TrackTaskInput; outDir?: undefined };

export interface SimulateRunOptions {
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
  signal?: AbortSignal;
  inProcess?: boolean; // run on the calling thread instead of a worker (tests, tiny jobs)
}

/** Parses 'f' | 'm' | 'female' | 'male' (case-insensitive); undefined stays undefined. */
export function parseSex(s: unknown): Sex | undefined {
  if (s === undefined) return undefined;
  const v = String(s).toLowerCase();
  if (v === 'f' || v === 'female') return 'f';
  if (v === 'm' || v === 'male') return 'm';
  throw new KinetwinError(`sex must be f or m, got ${String(s)}`);
}

/** Runs a request in a fresh worker thread (or in-process), resolving with its JSON result. */
export async function runSimulation<T>(req: SimulationRequest, options: SimulateRunOptions = {}): Promise<T> {
  const phase = req.task;
  if (options.inProcess) {
    const { runRequest } = await import('../workers/simulate.worker.js');
    return (await runRequest(req, (done, total) => options.onProgress?.({ phase, done, total }))) as T;
  }
  const worker = startWorker('simulate');
  return await new Promise<T>((resolve, reject) => {
    const finish = (fn: () => void): void => { options.signal?.removeEventListener('abort', abort); void worker.terminate(); fn(); };
    const abort = (): void => finish(() => reject(new KinetwinError(`${phase} simulation cancelled`)));
    if (options.signal?.aborted) return abort();
    options.signal?.addEventListener('abort', abort);
    worker.on('message', (m: { type: string; done: number; total: number; result: T; message: string; kinetwin: boolean }) => {
      if (m.type === 'progress') options.onProgress?.({ phase, done: m.done, total: m.total });
      else if (m.type === 'result') finish(() => resolve(m.result));
      else if (m.type === 'error') finish(() => reject(m.kinetwin ? new KinetwinError(m.message) : new Error(m.message)));
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => { if (code !== 0) reject(new Error(`${phase} simulation worker exited with code ${code}`)); });
    worker.postMessage({ id: 1, ...req });
  });
}

/** Drop landing (`kinetwin simulate landing`). */
export function simulateLandingService(input: LandingTaskInput, options?: SimulateRunOptions): Promise<LandingSummary> {
  return runSimulation<LandingSummary>({ task: 'landing', input }, options);
}

/** Countermovement jump (`kinetwin simulate jump`). */
export function simulateJumpService(input: JumpTaskInput, options?: SimulateRunOptions): Promise<JumpSummary> {
  return runSimulation<JumpSummary>({ task: 'jump', input }, options);
}

/** Hand pose samples, one JSON label per sample in outDir plus summary.json (`kinetwin simulate hand`). */
export function simulateHandService(input: HandTaskInput, outDir: string | undefined, options?: SimulateRunOptions): Promise<HandTaskSummary> {
  return runSimulation<HandTaskSummary>({ task: 'hand', input, outDir }, options);
}
