import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBridge } from '../../backend/bridge/server';
import type { Command } from '../command';

export const defaultRendererDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'out', 'renderer');

/** Opens `url` in the system browser when there is one; returns whether a launcher was found. */
export function openBrowser(url: string): boolean {
  const launchers: [string, string[]][] =
    process.platform === 'darwin' ? [['open', [url]]] : process.platform === 'win32' ? [['cmd', ['/c', 'start', '', url]]] : [['xdg-open', [url]]];
  for (const [cmd, args] of launchers) {
    const found = process.platform === 'win32' || ['/usr/bin', '/usr/local/bin', '/bin'].some((d) => existsSync(`${d}/${cmd}`));
    if (!found) continue;
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return true;
  }
  return false;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the app to a local browser on 127.0.0.1 (token-protected API + progress WebSocket)',
  usage: '[--port N] [--no-open] [--renderer DIR]',
  flags: {
    port: { type: 'number', value: 'N', default: 7313, description: 'TCP port on 127.0.0.1 (0 picks a free one)' },
    open: { type: 'boolean', default: true, description: 'open the system browser (--no-open to skip)' },
    renderer: { type: 'string', value: 'DIR', description: 'built renderer directory (default out/renderer)' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const port = Number(args.flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.err(`error: --port must be an integer 0–65535, got ${port}`);
      return 2;
    }
    const rendererDir = resolve((args.flags.renderer as string | undefined) ?? defaultRendererDir);
    if (!existsSync(resolve(rendererDir, 'index.html'))) io.err(`warning: ${rendererDir}: renderer not built — run npm run build (the API still works)`);
    const base = io.context();
    const bridge = await startBridge({ port, rendererDir, context: { ...base, mode: 'browser' } });
    if (io.json) io.out(JSON.stringify({ url: bridge.url, port: bridge.port, db: io.dbPath }));
    else {
      io.out(`Kinetwin is serving on ${bridge.url}`);
      io.out(`database: ${io.dbPath} — press Ctrl+C to stop`);
    }
    if (args.flags.open && !openBrowser(bridge.url)) io.err('no system browser found: open the URL above yourself');
    await new Promise<void>((done) => {
      const stop = () => {
        void bridge.close().then(done);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
