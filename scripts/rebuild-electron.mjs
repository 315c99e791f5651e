// Packaged builds need better-sqlite3 compiled against Electron's ABI. This runs only when the Electron binary is
// present (never during `npm ci`, which must work offline with Node's ABI for the CLI and tests). It rebuilds into
// out/native/ so the Node build in node_modules stays usable by the CLI.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log('rebuild:electron skipped: the Electron binary is not installed on this machine');
  process.exit(0);
}
const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const work = join(root, 'out', 'native', 'better-sqlite3');
mkdirSync(dirname(work), { recursive: true });
cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
const gyp = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('error: better-sqlite3: rebuild for Electron failed (headers need a one-time download, or set npm_config_nodedir to local Electron headers)');
  process.exit(1);
}
console.log(`better-sqlite3 rebuilt for Electron ${version} in ${work}`);
