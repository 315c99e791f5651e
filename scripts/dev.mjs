// `npm run dev`: electron-vite dev when Electron's binary is installed; otherwise the renderer with hot reload on
// plain Vite (http://127.0.0.1:5173) proxying /api to a `kinetwin serve` started alongside on port 7313.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const hasElectron = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));
const children = [];
const run = (cmd, args) => {
  const c = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
  children.push(c);
  c.on('exit', (code) => {
    for (const o of children) if (o !== c) o.kill('SIGTERM');
    process.exit(code ?? 0);
  });
};
if (hasElectron) {
  run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'dev']);
} else {
  console.log('Electron is not installed here: renderer dev server on http://127.0.0.1:5173 + kinetwin serve on :7313 (open the URL it prints, then switch to :5173 with the same #token=…)');
  run(process.execPath, [join(root, 'bin', 'kinetwin.js'), 'serve', '--port', '7313', '--no-open']);
  run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), '--config', 'vite.renderer.config.ts']);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => children.forEach((c) => c.kill(sig)));
