import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { createContext } from '../backend/api/createContext';
import { resolveDbPath } from '../backend/config/paths';
import { setOutboundFetch } from '../backend/net';
import { registerIpc } from './ipc';
import { APP_ORIGIN, APP_SCHEME, hardenSession, hardenWebContents, WEB_PREFERENCES } from './security';

// Electron main process: a locked-down window over the same API the CLI and the bridge serve.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

const here = dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererDir = join(here, '..', 'renderer');
const log = { blocked: (url: string, reason: string) => console.warn(`[lockdown] blocked ${reason}: ${url}`) };

function dbFlag(argv: string[]): string | undefined {
  const i = argv.indexOf('--db');
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--db='))?.slice(5);
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    backgroundColor: '#0f1115',
    title: 'Kinetwin',
    webPreferences: { ...WEB_PREFERENCES, preload: join(here, '..', 'preload', 'index.cjs') },
  });
  hardenWebContents(win.webContents, devServerUrl, log);
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

const electronSqlite = join(here, '..', 'native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
if (!process.env.KINETWIN_SQLITE_BINDING && existsSync(electronSqlite)) process.env.KINETWIN_SQLITE_BINDING = electronSqlite;

void app.whenReady().then(() => {
  // Main-process HTTP (Ollama) goes through net.fetch so the session's webRequest filter applies to it too.
  setOutboundFetch((input, init) => net.fetch(input instanceof URL ? input.toString() : input, init));
  hardenSession(session.defaultSession, log);
  protocol.handle(APP_SCHEME, (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    const file = join(rendererDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(rendererDir)) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  const dbPath = process.env.KINETWIN_DB || dbFlag(process.argv) ? resolveDbPath(dbFlag(process.argv)) : join(app.getPath('userData'), 'kinetwin.db');
  const context = createContext({ mode: 'electron', dbPath });
  registerIpc(ipcMain, context, devServerUrl);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => context.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
