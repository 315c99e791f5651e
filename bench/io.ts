// C3D read benchmark (npm run bench:io). Generates a deterministic 200-point × 60,000-frame float C3D with 16
// analog channels at 1000 Hz (~211 MB) in a temp dir, then measures reading it through the file-backed ByteSource in
// a fresh child process (throughput, peak RSS delta, ArrayBuffer bytes), and reads every shared C3D file.
// Prints one JSON object per line. Options: --frames N, --points N (smaller runs), --keep (keep the temp file).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Trial } from '../src/core/model/trial';
import { readC3dFile, writeC3dFile } from '../src/backend/services/c3dfile';
import { hugePageEnv, thpMode } from '../bin/hugepages.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

/** Deterministic synthetic trial: smooth marker paths (mm-scale), a few gaps, 16 analog sine channels. */
export function syntheticTrial(points: number, frames: number, analogChannels = 16, pointRate = 200, analogRate = 1000): Trial {
  const S = analogRate / pointRate;
  const data = new Float32Array(frames * points * 3);
  const residuals = new Float32Array(frames * points);
  const masks = new Uint8Array(frames * points);
  for (let f = 0; f < frames; f++) {
    const t = f / pointRate;
    for (let p = 0; p < points; p++) {
      const o = f * points + p;
      if ((f * 7 + p * 13) % 997 === 0) {
        data[o * 3] = data[o * 3 + 1] = data[o * 3 + 2] = NaN;
        residuals[o] = -1;
        continue;
      }
      data[o * 3] = Math.fround((1000 * t + 10 * p) / 1000);
      data[o * 3 + 1] = Math.fround((200 * Math.sin(t + p)) / 1000);
      data[o * 3 + 2] = Math.fround((900 + 50 * Math.cos(2 * t + p)) / 1000);
      residuals[o] = Math.fround(Math.fround(((f + p) % 8) * 0.1) / 1000);
      masks[o] = (f + p) & 0x7f;
    }
  }
  const channels = Array.from({ length: analogChannels }, (_, c) => {
    const ch = new Float32Array(frames * S);
    for (let i = 0; i < ch.length; i++) ch[i] = Math.sin((i / analogRate) * (c + 1)) * 100;
    return ch;
  });
  return {
    points: {
      labels: Array.from({ length: points }, (_, i) => `M${i + 1}`),
      descriptions: Array.from({ length: points }, () => ''),
      rate: pointRate,
      frames,
      firstFrame: 1,
      originalUnits: 'mm',
      data,
      residuals,
      cameraMasks: masks,
    },
    analogs: {
      labels: Array.from({ length: analogChannels }, (_, i) => `A${i + 1}`),
      descriptions: Array.from({ length: analogChannels }, () => ''),
      units: Array.from({ length: analogChannels }, () => 'V'),
      rate: analogRate,
      samples: frames * S,
      channels,
    },
    forcePlates: [],
    events: [],
    metadata: { format: 'c3d', upAxis: 'z', warnings: [], extra: { c3d: { pointScale: -0.1 } } },
  };
}

function trialBytes(t: Trial): number {
  let n = 0;
  if (t.points) n += t.points.data.byteLength + t.points.residuals.byteLength + t.points.cameraMasks.byteLength;
  if (t.analogs) for (const c of t.analogs.channels) n += c.byteLength;
  return n;
}

/** Child mode: read `path` once for memory, then `repeats` more times for speed; print one JSON line. Speed is
 * reported by wall clock and by the process's CPU time (user + system), which shared, loaded machines distort less. */
async function measure(path: string, label: string, repeats: number): Promise<void> {
  const size = statSync(path).size;
  globalThis.gc?.();
  const before = process.memoryUsage();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  let cpu0 = process.cpuUsage();
  let t0 = performance.now();
  let trial: Trial | null = await readC3dFile(path);
  let best = performance.now() - t0;
  let cpu = process.cpuUsage(cpu0);
  let bestCpu = (cpu.user + cpu.system) / 1000;
  const first = best;
  const after = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024; // bytes; the child's startup stays below the read's peak
  const frames = trial.points?.frames ?? trial.analogs?.samples ?? 0;
  const held = trialBytes(trial);
  trial = null;
  for (let i = 0; i < repeats; i++) {
    globalThis.gc?.();
    cpu0 = process.cpuUsage();
    t0 = performance.now();
    trial = await readC3dFile(path);
    best = Math.min(best, performance.now() - t0);
    cpu = process.cpuUsage(cpu0);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
    trial = null;
  }
  const mb = size / 1e6;
  // maxRSS only tells the read's peak when the read raised it above the start-up peak (large files); else null
  const peakDelta = peakRss > maxRssBefore ? peakRss - before.rss : null;
  // machine baseline: allocate and fill as many bytes as the Trial holds (what any reader must at least do)
  let copyMs = Infinity;
  for (let i = 0; i < 2; i++) {
    globalThis.gc?.();
    const c0 = performance.now();
    new Uint8Array(held).fill(1);
    copyMs = Math.min(copyMs, performance.now() - c0);
  }
  console.log(
    JSON.stringify({
      bench: 'io',
      file: label,
      mb: Number(mb.toFixed(1)),
      mbPerSec: Number((mb / (best / 1000)).toFixed(1)),
      framesPerSec: Math.round(frames / (best / 1000)),
      mbPerCpuSec: Number((mb / (bestCpu / 1000)).toFixed(1)),
      firstReadMs: Number(first.toFixed(1)),
      bestReadMs: Number(best.toFixed(1)),
      bestCpuMs: Number(bestCpu.toFixed(1)),
      allocFillBaselineMs: Number(copyMs.toFixed(1)), // same machine, same moment: allocating + writing the Trial's bytes
      readToBaseline: Number((best / copyMs).toFixed(2)),
      rssBeforeMb: Number((before.rss / 1e6).toFixed(1)),
      peakRssDeltaMb: peakDelta === null ? null : Number((peakDelta / 1e6).toFixed(1)),
      arrayBufferDeltaMb: Number(((after.arrayBuffers - before.arrayBuffers) / 1e6).toFixed(1)),
      trialMb: Number((held / 1e6).toFixed(1)),
      peakMemoryRatio: peakDelta === null ? null : Number((peakDelta / size).toFixed(3)),
      malloc: process.env.KINETWIN_BENCH_MALLOC ?? 'kinetwin',
      hugePages: /glibc\.malloc\.hugetlb=1/.test(process.env.GLIBC_TUNABLES ?? ''),
      loadAverage: Number(loadavg()[0].toFixed(1)),
    }),
  );
}

/** Measures in a fresh process. `malloc: 'kinetwin'` runs it the way `bin/kinetwin.js` runs the app (glibc huge pages
 * for large allocations where Linux offers them); 'default' without, to show what the tunable buys on this machine. */
function runChild(path: string, label: string, repeats: number, malloc: 'kinetwin' | 'default' = 'kinetwin'): void {
  const base = { ...process.env, KINETWIN_HUGEPAGES: undefined };
  const env = malloc === 'kinetwin' ? hugePageEnv(base, process.platform, thpMode()) ?? base : { ...base, GLIBC_TUNABLES: undefined };
  const r = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), '--measure', path, label, String(repeats)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, KINETWIN_BENCH_MALLOC: malloc },
  });
  if (r.status !== 0) console.log(JSON.stringify({ bench: 'io', file: label, error: `child exited ${r.status}` }));
}

async function main(): Promise<void> {
  const m = args.indexOf('--measure');
  if (m >= 0) return measure(args[m + 1], args[m + 2], Number(args[m + 3]));
  const frames = opt('frames', 60000);
  const points = opt('points', 200);
  const dir = mkdtempSync(join(tmpdir(), 'kinetwin-bench-io-'));
  try {
    const path = join(dir, 'synthetic.c3d');
    const t0 = performance.now();
    const written = await writeC3dFile(syntheticTrial(points, frames), path);
    const writeMs = performance.now() - t0;
    console.log(JSON.stringify({ bench: 'io-write', file: `synthetic-${points}x${frames}`, mb: Number((written.bytes / 1e6).toFixed(1)), ms: Math.round(writeMs) }));
    runChild(path, `synthetic-${points}x${frames}`, 4);
    runChild(path, `synthetic-${points}x${frames}`, 4, 'default');
    const shared = resolve(here, '..', '..', 'shared', 'data');
    for (const file of findC3d(shared)) runChild(file, file.slice(shared.length + 1), 5);
  } finally {
    if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

/** Every .c3d file below `dir`, sorted. */
export function findC3d(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...findC3d(p));
    else if (/\.c3d$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
