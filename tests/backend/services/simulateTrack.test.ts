import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateTrackTrials, type TrackResult } from '../../../src/backend/services/simulateTrack.js';
import { openTrialFile } from '../../../src/backend/services/textformats.js';
import { runCli } from '../../../src/cli/main.js';
import type { Trial } from '../../../src/core/model/trial.js';
import { sharedData } from '../../helpers/shared.js';

const gait = (name: string) => sharedData('opensim_core', 'gait10dof18musc', name);
const names = { static: 'subject01_static.trc', dynamic: 'subject01_walk.trc' };
// about one gait cycle of the 60 Hz walk, with its GRF file; in-process (no worker) to keep the test fast
const options = { massKg: 72.6, sex: 'm', grfPath: gait('subject01_walk_grf.mot'), lastFrame: 80 };

/** The walk with every marker moved up and down 3 cm at 3 Hz: the pelvis trajectory wobbles, joint angles do not change. */
function wobbled(trial: Trial): Trial {
  const p = trial.points!, w = p.labels.length, data = p.data.slice();
  for (let f = 0; f < p.frames; f++) {
    const dy = 0.03 * Math.sin((2 * Math.PI * 3 * f) / p.rate);
    for (let m = 0; m < w; m++) data[(f * w + m) * 3 + 1] += dy;
  }
  return { ...trial, points: { ...p, data } };
}

describe('simulate track on gait10dof18musc (static + walk + walk_grf.mot)', () => {
  let original: TrackResult, corrupted: TrackResult;
  beforeAll(async () => {
    const st = (await openTrialFile(gait('subject01_static.trc'))).trial;
    const walk = (await openTrialFile(gait('subject01_walk.trc'))).trial;
    original = await simulateTrackTrials(st, walk, options, names, { inProcess: true });
    corrupted = await simulateTrackTrials(st, wobbled(walk), options, names, { inProcess: true });
  }, 60_000);

  it('tracks the requested frames of the 60 Hz trial with the twin-derived body and the measured GRF', () => {
    // frames 0–80 requested; trackMotion may drop the last frame when (frames − 1) / rate is not a whole number of steps
    expect(original.frames).toBeGreaterThanOrEqual(80);
    expect(original.frames).toBeLessThanOrEqual(81);
    expect(original.rate).toBe(60);
    expect(original.firstFrame).toBe(0);
    expect(original.statureM).toBeGreaterThan(1.6); // subject01 of OpenSim's gait models, ≈ 1.8 m
    expect(original.statureM).toBeLessThan(2.0);
    expect(original.grfSource).toBe(options.grfPath);
    expect(original.grfRmseBw).not.toBeNull();
    expect(original.trackingErrorRmsDeg).toBeLessThan(5); // the joint motors follow the IK angles
    expect(original.jointLimitViolationMaxDeg).toBeLessThan(5); // a normal walk stays inside the ranges of motion
    expect(original.warnings.some((w) => /treadmill/.test(w))).toBe(true); // the OpenSim subject walks on a belt
  });

  it('gives residual forces that drop when the motion is physically consistent (vs a 3 cm 3 Hz pelvis wobble)', () => {
    expect(original.residualForcePctBw.mean).toBeLessThan(corrupted.residualForcePctBw.mean / 1.2);
    expect(original.grfRmseBw!).toBeLessThan(corrupted.grfRmseBw!);
    expect(original.score).toBeGreaterThan(corrupted.score);
  });

  it('refuses a missing static trial and a non-GRF file from the CLI with one error line', async () => {
    const out = new PassThrough(), err = new PassThrough();
    let stderr = '';
    err.on('data', (d) => (stderr += d));
    const io = { stdout: out as unknown as NodeJS.WriteStream, stderr: err as unknown as NodeJS.WriteStream };
    expect(await runCli(['simulate', 'track', gait('subject01_walk.trc'), '--mass', '72.6'], io)).toBe(1);
    expect(stderr).toMatch(/--static FILE is required/);
    expect(await runCli(['simulate', 'track', gait('subject01_walk.trc'), '--static', gait('no_such.trc'), '--mass', '72.6', '--quiet'], io)).toBe(1);
    expect(stderr).toMatch(/no_such\.trc/);
  });
});
