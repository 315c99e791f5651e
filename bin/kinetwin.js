#!/usr/bin/env node
// `kinetwin` entry: runs the TypeScript CLI through tsx's loader (no build step needed for the CLI). On Linux it first
// re-launches itself once with glibc's huge-page tunable (see hugepages.js), forwarding signals and the exit status.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { hugePageEnv, thpMode } from './hugepages.js';

const env = hugePageEnv(process.env, process.platform, thpMode());
if (env) {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    env,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'], // the IPC channel closes when this process dies: the child follows
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
} else {
  // launched by the wrapper above: leave when it goes, even if it was killed without a chance to forward a signal
  if (process.channel) {
    process.on('disconnect', () => process.exit(130));
    process.channel.unref();
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
