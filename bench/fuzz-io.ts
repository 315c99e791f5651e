// Long-running C3D fuzzer (npm run fuzz:io -- [iterations | 60s] [seed]). Mutates the shared C3D files and checks
// that readC3d returns a Trial or throws KinetwinError, within 1 s, without outsized allocations. Prints JSON lines:
// one per failure and a summary every 10 s and at the end. Exit code 1 when any case failed.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutate, prng, runCase } from '../tests/core/formats/c3d/fuzzCases';
import { findC3d } from './io';

const here = dirname(fileURLToPath(import.meta.url));
const arg = process.argv[2] ?? '1000';
const seed = Number(process.argv[3] ?? 1);
const seconds = /s$/.test(arg) ? Number(arg.slice(0, -1)) : Infinity;
const iterations = /s$/.test(arg) ? Infinity : Number(arg);


const shared = resolve(here, '..', '..', 'shared', 'data');
const files = findC3d(shared).map((p) => ({ name: p.slice(shared.length + 1), bytes: new Uint8Array(readFileSync(p)) }));
const rnd = prng(seed);
const start = performance.now();
let lastReport = start;
const counts = { cases: 0, trial: 0, rejected: 0, failures: 0 };
let slowest = 0;
while (counts.cases < iterations && (performance.now() - start) / 1000 < seconds) {
  const file = files[Math.floor(rnd() * files.length)];
  const { bytes, how } = mutate(file.bytes, rnd);
  const out = runCase(bytes);
  counts.cases++;
  slowest = Math.max(slowest, out.ms);
  let failure = '';
  if (out.result === 'crash') failure = out.message ?? 'crash';
  else if (out.ms > 1000) failure = `took ${out.ms.toFixed(0)} ms`;
  else if (out.heldBytes > 4 * bytes.length + (1 << 20)) failure = `holds ${out.heldBytes} bytes for ${bytes.length} input bytes`;
  if (failure) {
    counts.failures++;
    console.log(JSON.stringify({ bench: 'fuzz-io', failure, file: file.name, mutation: how, case: counts.cases, seed }));
  } else counts[out.result as 'trial' | 'rejected']++;
  if (performance.now() - lastReport > 10_000) {
    lastReport = performance.now();
    console.log(JSON.stringify({ bench: 'fuzz-io', progress: true, ...counts, seconds: Math.round((lastReport - start) / 1000) }));
  }
}
const secondsTaken = (performance.now() - start) / 1000;
console.log(JSON.stringify({ bench: 'fuzz-io', done: true, ...counts, seed, seconds: Number(secondsTaken.toFixed(1)), casesPerSec: Math.round(counts.cases / secondsTaken), slowestMs: Number(slowest.toFixed(1)) }));
process.exitCode = counts.failures > 0 ? 1 : 0;
