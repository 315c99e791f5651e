import { readTrc } from '../src/core/formats/trc/read';
import { readMot } from '../src/core/formats/mot/read';
import { readBvh } from '../src/core/formats/bvh/read';
import { readImu } from '../src/core/formats/imu/read';
import { readForceText } from '../src/core/formats/forcetext/read';
import { readDelimited } from '../src/core/formats/delimited/read';
import { readTrainingLog } from '../src/core/formats/traininglog/read';
import { sniffFormat } from '../src/core/formats/sniff';
const readers: Array<[string, (b: Uint8Array) => unknown]> = [['trc', readTrc], ['mot', readMot], ['bvh', (b) => readBvh(b)], ['imu', (b) => readImu(b)], ['force', (b) => readForceText(b)], ['csv', (b) => readDelimited(b)], ['log', readTrainingLog], ['sniff', (b) => sniffFormat('x.txt', b.subarray(0, 65536))]];
const n = Number(process.argv[2] ?? 20000);
const inputs: Array<[string, string]> = [
  ['bvhws', `HIERARCHY${'\n \t'.repeat(n)}`], ['ws', ' \n'.repeat(n)], ['cell', `Date,${' _'.repeat(n)}(\n1,2\n`], ['ones', `${'1'.repeat(n)}!\n`], ['xs', `// General information:\n${'a'.repeat(n)}\n`],
];
for (const [iname, t] of inputs) for (const [rname, r] of readers) {
  const b = new TextEncoder().encode(t);
  const t0 = performance.now();
  try { r(b); } catch { /* */ }
  const ms = performance.now() - t0;
  if (ms > 50) console.log(iname, rname, ms.toFixed(0));
}
console.log('done', n);
