// End-to-end: start `kinetwin serve`, open the printed URL in Debian's Chromium (playwright-core), and check the
// app shell: every workspace in the navigation, a WebGL canvas with non-blank pixels, Settings facts.
// Screenshots go to test-results/e2e/.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'test-results', 'e2e');
mkdirSync(outDir, { recursive: true });
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM) {
  console.error('e2e: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)');
  process.exit(1);
}

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, null]);
    console.log(`  ✓ ${name}`);
  } catch (err) {
    results.push([name, err]);
    console.log(`  ✗ ${name}\n    ${err?.message ?? err}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const work = mkdtempSync(join(tmpdir(), 'kinetwin-e2e-'));
const server = spawn(process.execPath, [join(root, 'bin', 'kinetwin.js'), 'serve', '--port', '0', '--no-open', '--json', '--db', join(work, 'e2e.db')], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let stderr = '';
server.stderr.on('data', (d) => (stderr += d));
const started = await new Promise((resolveStart, reject) => {
  let buf = '';
  const timer = setTimeout(() => reject(new Error(`kinetwin serve did not start in 30 s: ${stderr}`)), 30_000);
  server.stdout.on('data', (d) => {
    buf += d;
    const line = buf.split('\n').find((l) => l.startsWith('{'));
    if (line) {
      clearTimeout(timer);
      resolveStart(JSON.parse(line));
    }
  });
  server.on('exit', (code) => reject(new Error(`kinetwin serve exited with ${code}: ${stderr}`)));
});
const { url, port } = started;
console.log(`e2e: kinetwin serve at ${url.replace(/token=.*/, 'token=…')}`);

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
try {
  await check('the API refuses calls without the token (401) and serves them with it', async () => {
    const bare = await fetch(`http://127.0.0.1:${port}/api/health`, { method: 'POST', body: '{}' });
    assert(bare.status === 401, `expected 401 without token, got ${bare.status}`);
    const token = new URL(url).hash.replace('#token=', '');
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`, { method: 'POST', body: '{}', headers: { Authorization: `Bearer ${token}` } });
    assert(ok.status === 200 && (await ok.json()).ok === true, `health with token: ${ok.status}`);
  });

  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });

  await check('every workspace is in the navigation', async () => {
    const nav = page.getByRole('navigation', { name: 'Workspaces' });
    for (const w of ['Library', 'Twin', 'Simulation', 'Cohorts', 'Audit', 'Settings']) {
      await nav.getByRole('button', { name: w, exact: true }).waitFor({ timeout: 15_000 });
    }
  });

  await check('the 3D viewport draws a WebGL canvas with non-blank pixels', async () => {
    const canvas = page.locator('[data-testid="viewport"] canvas');
    await canvas.waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1500);
    const stats = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="viewport"] canvas');
      const gl = c.getContext('webgl2');
      const probe = document.createElement('canvas');
      probe.width = c.width;
      probe.height = c.height;
      const ctx = probe.getContext('2d');
      ctx.drawImage(c, 0, 0);
      const { data } = ctx.getImageData(0, 0, probe.width, probe.height);
      const colours = new Set();
      let lit = 0;
      for (let i = 0; i < data.length; i += 16) {
        colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        if (data[i] + data[i + 1] + data[i + 2] > 60) lit++;
      }
      return { webgl2: Boolean(gl), colours: colours.size, lit, w: c.width, h: c.height };
    });
    assert(stats.webgl2, 'no WebGL2 context');
    assert(stats.colours > 20 && stats.lit > 50, `canvas looks blank: ${JSON.stringify(stats)}`);
    await page.screenshot({ path: join(outDir, 'library.png') });
  });

  await check('Settings shows the database path, the network lockdown and the Ollama status', async () => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const db = await page.getByTestId('db-path').textContent({ timeout: 15_000 });
    assert(db.includes('e2e.db'), `db path shown: ${db}`);
    const lockdown = await page.getByTestId('lockdown').textContent();
    assert(/^On/.test(lockdown), `lockdown shown: ${lockdown}`);
    const ollama = await page.getByTestId('ollama').textContent();
    assert(/127\.0\.0\.1:11434/.test(ollama), `ollama shown: ${ollama}`);
    await page.screenshot({ path: join(outDir, 'settings.png') });
  });

  await check('each workspace opens and says what will go there', async () => {
    for (const w of ['Twin', 'Simulation', 'Cohorts', 'Audit', 'Library']) {
      await page.getByRole('button', { name: w, exact: true }).click();
      await page.getByRole('region', { name: w }).waitFor({ timeout: 10_000 });
    }
    await page.screenshot({ path: join(outDir, 'app.png') });
  });

  await check('an imported C3D plays its markers with a timeline and plots its analog channels', async () => {
    const token = new URL(url).hash.replace('#token=', '');
    const res = await fetch(`http://127.0.0.1:${port}/api/importFiles`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ paths: [join(root, 'resources', 'samples', 'sub_labels.c3d')] }),
    });
    const body = await res.json();
    assert(res.status === 200 && body.results[0].status === 'imported', `import: ${JSON.stringify(body)}`);
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('table', { name: 'Trials' }).getByRole('row').nth(1).click();
    await page.getByRole('slider', { name: 'Time' }).waitFor({ timeout: 15_000 });
    const plot = page.getByRole('img', { name: /plot of/ });
    await plot.waitFor({ timeout: 10_000 });
    const pathCount = await plot.locator('path').count();
    assert(pathCount >= 1, 'no plotted series');
    const t1 = Number(await page.getByRole('slider', { name: 'Time' }).inputValue());
    await page.waitForTimeout(700);
    const t2 = Number(await page.getByRole('slider', { name: 'Time' }).inputValue());
    assert(t2 !== t1, `playback did not advance (${t1} → ${t2})`);
    await page.screenshot({ path: join(outDir, 'playback.png') });
  });

  await check('Twin builds the scaled skeleton over the walking markers, plots joint angles and reports a jump', async () => {
    const token = new URL(url).hash.replace('#token=', '');
    const res = await fetch(`http://127.0.0.1:${port}/api/importFiles`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ paths: ['subject01_static.trc', 'subject01_walk.trc', 'Dual-CMJ-Fz.txt'].map((f) => join(root, 'resources', 'samples', f)) }),
    });
    const body = await res.json();
    assert(res.status === 200 && body.results.every((r) => r.status === 'imported'), `import: ${JSON.stringify(body)}`);
    await page.getByRole('button', { name: 'Twin', exact: true }).click();
    await page.getByRole('region', { name: 'Twin' }).getByRole('button', { name: 'Refresh' }).click();
    const staticId = body.results[0].trialId, walkId = body.results[1].trialId;
    await page.getByRole('combobox', { name: 'Static trial' }).selectOption(String(staticId));
    await page.getByRole('combobox', { name: 'Dynamic trial' }).selectOption(String(walkId));
    await page.getByLabel('Body mass in kg').fill('72.6');
    await page.getByTestId('twin-build').click();
    const summary = await page.getByTestId('twin-summary').textContent({ timeout: 60_000 });
    assert(/opensim-gait markers · \d+ segments · 151 frames at 60 Hz · marker RMS \d+\.\d mm/.test(summary), `twin summary: ${summary}`);
    const angles = page.getByTestId('twin-angles');
    assert((await angles.getByRole('img', { name: /knee_flexion_r, knee_flexion_l/ }).locator('path').count()) === 2, 'knee flexion plot lacks its two series');
    await page.getByRole('combobox', { name: 'Jump trial' }).selectOption(String(body.results[2].trialId));
    await page.getByTestId('jump-force-plot').waitFor({ timeout: 15_000 });
    const facts = await page.getByTestId('jump-panel').textContent();
    assert(/Height \(take-off velocity\)\d+\.\d cm/.test(facts) && /Peak-force asymmetry/.test(facts), `jump facts: ${facts}`);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(outDir, 'twin.png') });
    await page.getByTestId('jump-force-plot').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outDir, 'twin-jump.png') });
  });

  await check('the import assistant proposes a header mapping, remembers the confirmed one and Audit shows its provenance', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: 'Import assistant…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import assistant' });
    await dialog.getByLabel('File path').fill(join(root, 'tests', 'fixtures', 'llm', 'headers', 'hawkin_dual_plate.csv'));
    await dialog.getByRole('button', { name: 'Analyse' }).click();
    const table = dialog.getByRole('table', { name: 'Proposed mapping' });
    await table.waitFor({ timeout: 20_000 });
    const route = await dialog.getByTestId('assistant-route').textContent();
    assert(/delimited/.test(route) && /force/.test(route), `route: ${route}`);
    assert((await table.getByRole('row').count()) === 5, 'expected a header row and 4 columns');
    assert((await dialog.getByLabel('Field for Time (s)').inputValue()) === 'time', 'Time (s) not proposed as time');
    assert((await dialog.getByLabel('Field for Left Force (N)').inputValue()) === 'grf_z_l', 'Left Force not proposed as grf_z_l');
    await dialog.getByLabel('Field for Combined Force (N)').fill('grf_z_p1');
    const badges = await table.locator('.badge').allTextContents();
    assert(badges.join(',') === 'rules,rules,rules,user', `badges before confirming: ${badges}`);
    await page.screenshot({ path: join(outDir, 'assistant.png') });
    await dialog.getByRole('button', { name: 'Confirm mapping' }).click();
    const saved = await dialog.getByTestId('assistant-saved').textContent({ timeout: 10_000 });
    assert(/Remembered 4 columns \(1 edited\)/.test(saved), `saved: ${saved}`);
    await dialog.getByRole('button', { name: 'Analyse' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('[aria-label="Proposed mapping"] .badge')].map((b) => b.textContent).join(',') === 'remembered,remembered,remembered,remembered', null, { timeout: 10_000 });
    assert((await dialog.getByLabel('Field for Combined Force (N)').inputValue()) === 'grf_z_p1', 'the edit was not remembered');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Audit', exact: true }).click();
    const artifacts = page.getByRole('table', { name: 'Artifacts' });
    await artifacts.waitFor({ timeout: 10_000 });
    const text = await artifacts.textContent();
    assert(/llm\.headerMapping/.test(text) && /rules/.test(text) && /llm\.mapHeaders ← file/.test(text), `artifacts: ${text}`);
  });

  await check('Simulation runs a drop landing and plots its GRF, and samples hand poses into the 3D view', async () => {
    await page.getByRole('button', { name: 'Simulation', exact: true }).click();
    await page.getByRole('button', { name: 'Simulate landing' }).click();
    const result = page.getByTestId('landing-result');
    await result.waitFor({ timeout: 90_000 });
    const text = await result.textContent();
    const bw = Number(/Peak vertical GRF([\d.]+) BW/.exec(text)?.[1]);
    assert(bw > 1.5 && bw < 8, `peak GRF ${bw} BW`);
    // it ran in the page's Web Worker, streamed the body's frames, and matches the backend's run bit for bit
    assert((await result.getAttribute('data-engine')) === 'web worker', `engine: ${await result.getAttribute('data-engine')}`);
    assert(Number(await result.getAttribute('data-frames')) > 100, `frames: ${await result.getAttribute('data-frames')}`);
    const token = new URL(url).hash.replace('#token=', '');
    const res = await fetch(`http://127.0.0.1:${port}/api/simulateLanding`, {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ massKg: 75, statureM: 1.75, sex: 'm', heightM: 0.45, strategy: 'soft' }),
    });
    const backend = await res.json();
    assert(backend.peakVerticalGrfBw === Number(await result.getAttribute('data-peak-grf')), `backend ${backend.peakVerticalGrfBw} vs worker ${await result.getAttribute('data-peak-grf')}`);
    await page.waitForFunction(() => document.querySelector('canvas') !== null);
    await page.screenshot({ path: join(outDir, 'simulation-landing.png') });
    await page.getByRole('button', { name: 'Sample 12 poses' }).click();
    await page.getByTestId('hand-result').waitFor({ timeout: 90_000 });
    const hand = await page.getByTestId('hand-result').textContent();
    assert(/12 poses/.test(hand) && /21 keypoints/.test(hand), hand);
    await page.screenshot({ path: join(outDir, 'simulation-hand.png') });
  });

  await check('Cohorts validates a synthetic table and checks its privacy, with the DCR histograms', async () => {
    // three tables from one distribution (independent draws): fidelity high, privacy passes
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const normal = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
    const table = (n) => ['stature,mass,thigh,shank', ...Array.from({ length: n }, () => {
      const s = 1.75 + 0.07 * normal();
      return [s, 70 + 60 * (s - 1.75) + 8 * normal(), 0.245 * s + 0.01 * normal(), 0.246 * s + 0.01 * normal()].map((v) => v.toFixed(4)).join(',');
    })].join('\n');
    const files = { synthetic: join(work, 'syn.csv'), train: join(work, 'train.csv'), holdout: join(work, 'holdout.csv') };
    for (const f of Object.values(files)) writeFileSync(f, table(300));
    await page.getByRole('button', { name: 'Cohorts', exact: true }).click();
    await page.getByLabel('Synthetic (CSV or dataset directory)').fill(files.synthetic);
    await page.getByLabel('Real training table (CSV)').fill(files.train);
    await page.getByLabel('Real holdout table (CSV)').fill(files.holdout);
    await page.getByRole('button', { name: 'Validate' }).click();
    const v = await page.getByTestId('validation-report').textContent({ timeout: 60_000 });
    const overall = Number(/Overall score([\d.]+)/.exec(v)?.[1]);
    assert(overall > 0.8, `overall fidelity ${overall}`);
    await page.getByRole('button', { name: 'Check privacy' }).click();
    const p = await page.getByTestId('privacy-report').textContent({ timeout: 60_000 });
    assert(/passed/.test(p) && /Exact copies0/.test(p), p.slice(0, 200));
    await page.getByRole('img', { name: /histogram of/ }).waitFor();
    await page.screenshot({ path: join(outDir, 'cohorts.png'), fullPage: true });
  });

  await check('Cohorts generates a small drop-landing cohort with progress and shows its lineage', async () => {
    await page.getByRole('button', { name: 'Cohorts', exact: true }).click();
    await page.getByLabel('Output directory').fill(join(work, 'cohort'));
    await page.getByLabel('Subjects').fill('4');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const facts = await page.getByTestId('generated').textContent({ timeout: 120_000 });
    assert(/4 subjects · 4 samples/.test(facts), facts);
    assert(/derived-from|spec|source/i.test(facts), `lineage missing: ${facts}`);
    await page.screenshot({ path: join(outDir, 'cohorts-generate.png') });
  });

  await check('Cohorts renders labelled synthetic frames with keypoints and boxes drawn over them', async () => {
    await page.getByRole('button', { name: 'Cohorts', exact: true }).click();
    await page.getByRole('button', { name: 'Render 8 samples' }).click();
    const gallery = page.getByTestId('gallery');
    await gallery.waitFor({ timeout: 120_000 });
    assert((await gallery.getByRole('img', { name: /synthetic sample/ }).count()) === 8, 'expected 8 rendered frames');
    const circles = await gallery.locator('circle').count();
    assert(circles > 8 * 5, `only ${circles} keypoints drawn`);
    await gallery.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outDir, 'cohorts-gallery.png') });
  });

  await check("Cohorts generates a rendered gait cohort and shows the dataset's own labelled images", async () => {
    await page.getByRole('button', { name: 'Cohorts', exact: true }).click();
    await page.getByLabel('Output directory').fill(join(work, 'cohort-rendered'));
    await page.getByLabel('Task').selectOption('gait');
    await page.getByLabel('Subjects').fill('2');
    await page.getByLabel(/render labelled images/).check();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const facts = await page.getByTestId('generated').textContent({ timeout: 180_000 });
    assert(/2 subjects · 2 samples/.test(facts), facts);
    await page.getByRole('button', { name: "Show the generated dataset's renders" }).click();
    const gallery = page.getByTestId('gallery');
    await gallery.getByText(/S0001 · sample 0 · frame \d+ · camera 1/).first().waitFor({ timeout: 60_000 });
    const images = await gallery.getByRole('img', { name: /synthetic sample/ }).count();
    assert(images >= 4, `expected ≥ 4 dataset images (2 subjects × 2 cameras), got ${images}`);
    assert((await gallery.locator('circle').count()) > images * 5, 'keypoints missing on the dataset images');
    await gallery.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outDir, 'cohorts-dataset-gallery.png') });
  });

  await check('no errors in the page console', async () => {
    const real = consoleErrors.filter((e) => !/favicon/.test(e));
    assert(real.length === 0, real.join('\n'));
  });
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}

const failed = results.filter(([, e]) => e).length;
console.log(`e2e: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
