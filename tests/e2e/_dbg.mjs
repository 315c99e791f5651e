import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
const server = spawn(process.execPath, ['bin/kinetwin.js', 'serve', '--port', '0', '--no-open', '--json', '--db', '/tmp/dbg.db'], { stdio: ['ignore', 'pipe', 'inherit'] });
const { url, port } = await new Promise((r) => server.stdout.once('data', (d) => r(JSON.parse(String(d)))));
const token = new URL(url).hash.replace('#token=', '');
await fetch(`http://127.0.0.1:${port}/api/importFiles`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ paths: ['/work/main/resources/samples/sub_labels.c3d'] }) });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows', '--disable-gpu-vsync', '--disable-frame-rate-limit'] });
const p = await b.newPage({ viewport: { width: 1400, height: 860 } });
p.on('console', (m) => console.log('console', m.type(), m.text())); p.on('pageerror', (e) => console.log('pageerror', String(e)));
await p.goto(url);
await p.getByRole('table', { name: 'Trials' }).getByRole('row').nth(1).click();
await p.getByRole('slider', { name: 'Time' }).waitFor();
await p.evaluate(() => { window.__n = 0; const f = () => { window.__n++; requestAnimationFrame(f); }; requestAnimationFrame(f); });
for (let i = 0; i < 6; i++) { console.log('raf', await p.evaluate(() => window.__n)); await p.waitForTimeout(500); console.log(await p.getByRole('slider', { name: 'Time' }).inputValue(), await p.evaluate(() => performance.now())); }
await p.screenshot({ path: '/tmp/dbg.png' });
await b.close(); server.kill();
