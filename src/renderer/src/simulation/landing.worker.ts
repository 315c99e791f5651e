// Web Worker: runs a drop landing of the Ammo.js physics twin in the renderer (ammo.js WebAssembly) and streams every
// kept step's segment poses and contact forces to the page, so the UI thread never blocks. Same core code and engine
// build as the backend's worker thread: identical inputs give identical results.
import Ammo from 'ammojs-typed/wasm';
import wasmUrl from 'ammojs-typed/ammo.wasm.wasm?url';
import type { AmmoModule } from '../../../core/physics/ammo';
import { simulateLanding } from '../../../core/physics/body/landing';
import { createFrameBatcher, segmentInfo, type FrameBatcher } from '../../../core/physics/stream';
import type { LandingMessage, LandingRequest } from './landingProtocol';

interface WorkerScope { postMessage(m: LandingMessage, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<LandingRequest>) => void) | null }
const scope = self as unknown as WorkerScope;
let engine: Promise<AmmoModule> | null = null;

const post = (m: LandingMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);
const series = (v: Float64Array) => Array.from(v, (x) => (Number.isFinite(x) ? x : null));

scope.onmessage = async (e) => {
  const req = e.data;
  try {
    // the glue ends with `this.Ammo = …`: give it a `this` (module code is strict, a bare call would have none)
    const factory = Ammo as unknown as (this: object, target: object) => Promise<AmmoModule>;
    const ammo = await (engine ??= factory.call({}, { locateFile: () => wasmUrl }));
    let batcher: FrameBatcher | null = null;
    const r = simulateLanding(ammo, {
      mass: req.massKg, stature: req.statureM, sex: req.sex, height: req.heightM, strategy: req.strategy,
      onProgress: (fraction) => post({ type: 'progress', fraction }),
      onFrame: (bw) => {
        if (!batcher) {
          post({ type: 'model', segments: segmentInfo(bw.model), frameRate: 1 / (bw.pw.dt * req.every), bodyWeightN: bw.model.mass * 9.81 });
          batcher = createFrameBatcher(bw.model.segments.length, req.every, 50, (frames, count) => post({ type: 'frames', frames, count }, [frames.buffer]));
        }
        batcher.push(bw.state, bw.contactForce);
      },
    });
    (batcher as FrameBatcher | null)?.end();
    post({
      type: 'done',
      summary: {
        peakVerticalGrfBw: r.peakVerticalGrfBw, timeToPeakS: r.timeToPeakS, kneeFlexionPeakDeg: r.kneeFlexionPeakDeg, hipFlexionPeakDeg: r.hipFlexionPeakDeg,
        penetrationMaxM: r.penetrationMaxM, jointLimitViolationMaxDeg: r.jointLimitViolationMaxDeg, fellAtS: r.fellAtS, sampleRate: r.sampleRate,
        series: { time: series(r.time), grfVerticalBw: series(r.grfVerticalBw), kneeFlexionDeg: series(r.kneeFlexionDeg), hipFlexionDeg: series(r.hipFlexionDeg), ankleFlexionDeg: series(r.ankleFlexionDeg), comHeightM: series(r.comHeightM) },
      },
    });
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  }
};
