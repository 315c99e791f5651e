// Jump analysis and zero-lag filter speed. Run: npx tsx bench/jump.ts — prints one JSON object per line.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeJump } from '../src/core/jump/analyzeJump';
import { butterworthFiltFilt } from '../src/core/signal/butterworthFiltFilt';

const data = resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'jump_forceplate');

function readColumns(name: string): Float64Array[] {
  const rows = readFileSync(resolve(data, name), 'utf8').split(/\r?\n/).map((l) => l.trim().split(/\s+/)).filter((r) => r[0] !== '' && r.every((c) => Number.isFinite(Number(c))));
  return Array.from({ length: rows[0].length }, (_, c) => Float64Array.from(rows, (r) => Number(r[c])));
}

function medianMs(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[runs >> 1];
}

for (const file of ['Single-CMJ-Fz.txt', 'Dual-CMJ-Fz.txt', 'Single-DJ-Fz.txt']) {
  const forces = readColumns(file);
  const report = analyzeJump(forces, 1000);
  const ms = medianMs(30, () => analyzeJump(forces, 1000));
  console.log(JSON.stringify({ bench: 'analyzeJump', file, samples: forces[0].length, plates: forces.length, medianMs: +ms.toFixed(3), jumpHeight: +report.jumpHeight.toFixed(4), jumpHeightFlight: +(report.jumpHeightFlight ?? NaN).toFixed(4) }));
}

const n = 1_000_000;
const signal = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 50) + 0.1 * Math.sin(i * 1.3));
const ms = medianMs(9, () => butterworthFiltFilt(signal, 1000, 6));
console.log(JSON.stringify({ bench: 'butterworthFiltFilt', samples: n, order: 4, medianMs: +ms.toFixed(2), msamplesPerS: +(n / ms / 1000).toFixed(1) }));
