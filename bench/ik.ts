// Inverse-kinematics speed: the gait10dof18musc walking trial (41 markers, 60 Hz) played forwards and
// backwards until ≥ 10,000 frames, solved frame by frame on one core with the model (shoulder girdles included, as
// the kinematics service builds it) scaled from the static trial. Run: npm run bench:ik — prints one JSON object per line.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readTrc } from '../src/core/formats/trc/read';
import type { Trial } from '../src/core/model/trial';
import { createFullBodyModel } from '../src/core/twin/fullBody';
import { solveInverseKinematics } from '../src/core/twin/ik';
import { detectMarkerSet } from '../src/core/twin/markerSets';
import { scaleModel } from '../src/core/twin/scale';

const dir = resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'opensim_core', 'gait10dof18musc');
const read = (name: string) => readTrc(readFileSync(resolve(dir, name), 'utf8'));
const TARGET = 10_000;

const staticTrial = read('subject01_static.trc');
const walk = read('subject01_walk.trc');
const set = detectMarkerSet(walk.points!.labels);
const t0 = performance.now();
const { model } = createFullBodyModel({ massKg: 72.6, sex: 'male', shoulderGirdle: true });
const scaled = scaleModel(model, set, staticTrial, { massKg: 72.6, sex: 'male' });
const scaleMs = performance.now() - t0;
console.log(JSON.stringify({ bench: 'scale', staticFrames: staticTrial.points!.frames, markers: scaled.model.markers.length, ms: +scaleMs.toFixed(1), maxResidualM: +Math.max(...scaled.residuals.map((r) => r.errorM)).toFixed(5) }));

// Ping-pong repetition keeps the motion continuous, as a long recording would be.
function repeated(trial: Trial, target: number): Trial {
  const p = trial.points!, per = p.labels.length * 3, order: number[] = [];
  for (let k = 0; order.length < target; k++) for (let i = 0; i < p.frames && order.length < target + p.frames; i++) order.push(k % 2 === 0 ? i : p.frames - 1 - i);
  const data = new Float32Array(order.length * per);
  order.forEach((f, i) => data.set(p.data.subarray(f * per, f * per + per), i * per));
  return { ...trial, points: { ...p, frames: order.length, data, residuals: new Float32Array(order.length * p.labels.length), cameraMasks: new Uint8Array(order.length * p.labels.length) } };
}

const long = repeated(walk, TARGET);
solveInverseKinematics(scaled.model, set, walk); // warm-up (JIT)
for (let run = 0; run < 3; run++) {
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  const ik = solveInverseKinematics(scaled.model, set, long);
  const wall = (performance.now() - w0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const meanRms = ik.rmsErrorM.reduce((a, b) => a + b, 0) / ik.frames;
  console.log(JSON.stringify({
    bench: 'ik', run, frames: ik.frames, markers: walk.points!.labels.length, coordinates: ik.coordinateNames.length,
    framesPerSec: Math.round(ik.frames / wall), cpuFramesPerSec: Math.round(ik.frames / cpuS), msPerFrame: +((wall * 1000) / ik.frames).toFixed(4),
    meanIterations: +ik.meanIterations.toFixed(2), meanRmsErrorM: +meanRms.toFixed(5), maxErrorM: +Math.max(...ik.maxErrorM).toFixed(5),
  }));
}

// Fit quality by region on the original trial (not timed). The static trial has the arms raised (scapulae elevated and
// retracted), so the model carries shoulder girdles that let the acromions and shoulder centres move back in the walk.
{
  const ik = solveInverseKinematics(scaled.model, set, walk, { markerErrors: true });
  const nm = scaled.model.markers.length;
  const region = (re: RegExp) => {
    let ss = 0, c = 0;
    scaled.model.markers.forEach((m, i) => {
      if (!re.test(m.name)) return;
      for (let f = 0; f < ik.frames; f++) {
        const e = ik.markerErrorsM![f * nm + i];
        if (Number.isFinite(e)) { ss += e * e; c++; }
      }
    });
    return +Math.sqrt(ss / c).toFixed(5);
  };
  console.log(JSON.stringify({ bench: 'ik-fit', frames: ik.frames, rmsPelvisLegsM: region(/ASIS|Sacral|Thigh|Shank|Heel|Midfoot|Toe/), rmsTrunkHeadM: region(/Sternum|Acrom|Temple|Head/), rmsArmsM: region(/Bicep|Elbow|Wrist/) }));
}
