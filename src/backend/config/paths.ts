import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

// Where Kinetwin keeps its data by default — the platform's per-user application data directory
// (what Electron's app.getPath('userData') gives), so the CLI, the bridge and the desktop app share one store.
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KINETWIN_HOME) return resolve(env.KINETWIN_HOME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Kinetwin');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Kinetwin');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'kinetwin');
}

/** `--db PATH` wins, then `KINETWIN_DB`, then `<user data dir>/kinetwin.db`. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag === ':memory:' ? flag : resolve(flag);
  if (env.KINETWIN_DB) return resolve(env.KINETWIN_DB);
  return join(userDataDir(env), 'kinetwin.db');
}
