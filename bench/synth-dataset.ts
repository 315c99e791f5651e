// Dataset-generation cases of bench/synth.ts (`generate cohort` end to end: model fit, worker pool, physics,
// files, hashes, manifest). Options: --subjects N (drop-landing, default 10000), --samples N (hand-poses, default 40000),
// --gait-subjects N (gait, default 1000), --workers W (default every core).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset } from '../src/backend/services/dataset';
import { fitFromCsv, resolveFitCsv } from '../src/backend/services/dataset-env';
import { loadAmmo } from '../src/backend/services/ammo';
import { runHandTask } from '../src/core/physics/tasks';

type Opt = (name: string, fallback: number) => number;

async function timedGenerate(task: string, n: number, samplesPerSubject: number, workers: number) {
  const dir = mkdtempSync(join(tmpdir(), 'kinetwin-bench-'));
  try {
    await fitFromCsv(resolveFitCsv()); // fit outside the timed region (reported separately by cohort-100k)
    const t0 = performance.now();
    const r = await generateDataset({ out: join(dir, 'ds'), n, seed: 1, task, samplesPerSubject, workers });
    return { r, seconds: (performance.now() - t0) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function datasetCases(opt: Opt) {
  const workers = opt('workers', availableParallelism());
  return [
    {
      name: 'hand-pose-labels',
      run: async () => {
        // labels only, one thread, no files: the sampler's own rate
        const ammo = await loadAmmo();
        const samples = opt('samples', 40_000);
        const t0 = performance.now();
        let bytes = 0;
        runHandTask(ammo, { samples, seed: 1 }, (_i, label) => { bytes += JSON.stringify(label).length; });
        const seconds = (performance.now() - t0) / 1000;
        return { samples, threads: 1, seconds: Math.round(seconds * 100) / 100, samplesPerSecond: Math.round(samples / seconds), labelBytesMean: Math.round(bytes / samples) };
      },
    },
    {
      name: 'hand-pose-dataset',
      run: async () => {
        // `generate cohort --task hand-poses`: labels written as files + hashed + manifest, worker pool
        const samples = opt('samples', 40_000);
        const perSubject = 200;
        const { r, seconds } = await timedGenerate('hand-poses', Math.ceil(samples / perSubject), perSubject, workers);
        return { samples: r.samples, files: r.files, workers, cores: availableParallelism(), seconds: Math.round(seconds * 100) / 100, samplesPerSecond: Math.round(r.samples / seconds), target: '>= 20000/s' };
      },
    },
    {
      name: 'drop-landing-cohort',
      run: async () => {
        const n = opt('subjects', 10_000);
        const { r, seconds } = await timedGenerate('drop-landing', n, 1, workers);
        return { subjects: r.subjects, files: r.files, workers, cores: availableParallelism(), seconds: Math.round(seconds * 10) / 10, subjectsPerSecond: Math.round((r.subjects / seconds) * 10) / 10, target: '< 60 s for 10000' };
      },
    },
    {
      name: 'gait-cohort',
      run: async () => {
        // `generate cohort --task gait` (--gait-subjects N, default 1000): template once (scale + IK), then per
        // subject its model, FK of 2 strides at 100 Hz, MOT + TRC text, hashes
        const n = opt('gait-subjects', 1000);
        const { r, seconds } = await timedGenerate('gait', n, 1, workers);
        return { subjects: r.subjects, files: r.files, workers, cores: availableParallelism(), seconds: Math.round(seconds * 10) / 10, subjectsPerSecond: Math.round((r.subjects / seconds) * 10) / 10 };
      },
    },
  ];
}
