import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateHandService, simulateLandingService } from '../../services/simulate';
import type { ResponseOf } from '../types';
import type { Handlers } from './types';

type GraspSampleLabel = NonNullable<ResponseOf<'simulateHandSamples'>['samples'][number]['grasp']>;

export const simulationHandlers: Handlers<'simulateLanding' | 'simulateHandSamples'> = {
  simulateLanding: async (req, ctx) => {
    const r = await simulateLandingService(
      { mass: req.massKg, stature: req.statureM, sex: req.sex, height: req.heightM, strategy: req.strategy },
      { signal: ctx.signal, onProgress: (p) => ctx.progress(p) },
    );
    return {
      peakVerticalGrfBw: r.peakVerticalGrfBw,
      timeToPeakS: r.timeToPeakS,
      kneeFlexionPeakDeg: r.kneeFlexionPeakDeg,
      hipFlexionPeakDeg: r.hipFlexionPeakDeg,
      penetrationMaxM: r.penetrationMaxM,
      jointLimitViolationMaxDeg: r.jointLimitViolationMaxDeg,
      fellAtS: r.fellAtS,
      sampleRate: r.sampleRate,
      series: r.series,
    };
  },

  simulateHandSamples: async (req, ctx) => {
    const dir = mkdtempSync(join(tmpdir(), 'kinetwin-hand-'));
    try {
      const summary = await simulateHandService(
        {
          samples: req.samples, seed: req.seed, handLength: req.handLengthM, mode: req.mode, variant: { absent: req.absent, fused: req.fused, extra: req.extra },
          grasp: req.grasp ? { object: req.grasp, radius: req.objectRadiusM, length: req.objectLengthM } : null,
        },
        dir,
        { signal: ctx.signal, onProgress: (p) => ctx.progress(p) },
      );
      const samples = readdirSync(dir)
        .filter((f) => f.startsWith('sample-'))
        .sort()
        .map((f) => {
          const label = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { index: number; limitViolationDeg: number; keypoints: { position: number[] | null }[]; grasp?: GraspSampleLabel };
          return { index: label.index, limitViolationDeg: label.limitViolationDeg, keypoints: label.keypoints.map((k) => k.position), ...(label.grasp ? { grasp: label.grasp } : {}) };
        });
      return { keypointNames: summary.keypointNames, maxLimitViolationDeg: summary.maxLimitViolationDeg, collisionFree: summary.collisionFree, samples };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
