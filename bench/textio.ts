// Text-format I/O benchmark (run: npx tsx bench/textio.ts): parse and write every non-C3D format on the shared
// corpus and on a synthetic 100-marker × 10,000-frame TRC (~33 MB). Prints one JSON object per line:
// { case, bytes, ms (median of runs), mbPerS }.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTrc } from '../src/core/formats/trc/read';
import { writeTrc } from '../src/core/formats/trc/write';
import { readMot } from '../src/core/formats/mot/read';
import { writeMot } from '../src/core/formats/mot/write';
import { readBvh } from '../src/core/formats/bvh/read';
import { bvhJointPositions } from '../src/core/formats/bvh/kinematics';
import { readImu } from '../src/core/formats/imu/read';
import { readForceText } from '../src/core/formats/forcetext/read';
import { newPointData, newTrial } from '../src/core/convert/newTrial';

const data = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');
const file = (...p: string[]) => new Uint8Array(readFileSync(resolve(data, ...p)));

function time(name: string, bytes: number, run: () => unknown, runs = 5): void {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(runs / 2)];
  console.log(JSON.stringify({ case: name, bytes, ms: Number(median.toFixed(2)), mbPerS: Number((bytes / 1e6 / (median / 1000)).toFixed(1)), load1: Number(loadavg()[0].toFixed(2)) }));
}

const walk = file('opensim_core', 'gait10dof18musc', 'subject01_walk.trc');
time('readTrc subject01_walk', walk.length, () => readTrc(walk));
const grf = file('opensim_core', 'rajagopal_walk', 'grf_walk.mot');
time('readMot grf_walk', grf.length, () => readMot(grf));
const table = readMot(grf);
time('writeMot grf_walk', grf.length, () => writeMot(table));
const bvh = file('bvh', 'test_mocapbank.bvh');
time('readBvh test_mocapbank', bvh.length, () => readBvh(bvh));
const motion = readBvh(bvh);
time('bvhJointPositions 455 frames × 24 joints', bvh.length, () => bvhJointPositions(motion));
const apdm = file('opensim_core', 'imu', 'apdm_imuData01.csv');
time('readImu apdm', apdm.length, () => readImu(apdm));
const force = file('jump_forceplate', 'Dual-CMJ-Fz.txt');
time('readForceText dual', force.length, () => readForceText(force));

// synthetic large TRC
const markers = 100;
const frames = 10000;
const points = new Float32Array(frames * markers * 3);
for (let i = 0; i < points.length; i++) points[i] = Math.sin(i * 0.001) * 0.8 + (i % 3) * 0.5;
const trial = newTrial('trc', 'y');
trial.points = newPointData(Array.from({ length: markers }, (_, i) => `M${i}`), frames, 200, 'mm', points);
const big = writeTrc(trial);
time('writeTrc 100×10000', big.length, () => writeTrc(trial), 3);
time('readTrc 100×10000', big.length, () => readTrc(big), 3);
