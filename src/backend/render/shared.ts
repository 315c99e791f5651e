// One headless Chromium shared by the render jobs of a process while someone holds it (a test file, the app's
// Cohorts workspace, a batch of generations): starting the browser costs seconds, rendering a frame milliseconds.
// Without a hold, each job launches its own browser and closes it when done.
import { ChromiumRenderer } from './chromium';

let shared: { renderer: Promise<ChromiumRenderer>; holds: number } | null = null;

/** Starts (or reuses) the shared renderer; resolves with the function that releases this hold. */
export async function holdChromium(): Promise<() => Promise<void>> {
  if (!shared) {
    const renderer = ChromiumRenderer.launch();
    shared = { renderer, holds: 0 };
    renderer.catch(() => { shared = null; });
  }
  const s = shared;
  s.holds++;
  try {
    await s.renderer;
  } catch (err) {
    s.holds--;
    throw err;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--s.holds === 0 && shared === s) {
      shared = null;
      await (await s.renderer).close();
    }
  };
}

/** Runs `job` on the held renderer, or on a browser of its own that is closed afterwards. */
export async function withChromium<T>(job: (renderer: ChromiumRenderer) => Promise<T>): Promise<T> {
  if (shared) { // join the hold so the browser outlives this job even if the holder lets go meanwhile
    const s = shared, release = await holdChromium();
    try {
      return await job(await s.renderer);
    } finally {
      await release();
    }
  }
  const renderer = await ChromiumRenderer.launch();
  try {
    return await job(renderer);
  } finally {
    await renderer.close();
  }
}
