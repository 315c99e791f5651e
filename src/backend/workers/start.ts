import { Worker } from 'node:worker_threads';

/** Starts `<name>.worker` from this folder: the built .js beside this module, or the .ts source through tsx's loader. */
export function startWorker(name: string): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.worker.js`, import.meta.url));
  const src = new URL(`./${name}.worker.ts`, import.meta.url).href;
  // resolved from this install, not from the process's working directory (an eval'd worker resolves from the cwd)
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(src)}); });`;
  return new Worker(boot, { eval: true });
}
