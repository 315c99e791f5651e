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

/** The walk with every marker moved 5 cm forward from frame 40 on: a teleport the plates never felt. */
function teleported(trial: Trial): Trial {
  const p = trial.points!, w = p.labels.length, data = p.data.slice();
  for (let f = 40; f < p.frames; f++) for (let m = 0; m < w; m++) data[(f * w + m) * 3] += 0.05;
  return { ...trial, points: { ...p, data } };
}

describe('simulate track on gait10dof18musc (static + walk + walk_grf.mot)', () => {
  let original: TrackResult, corrupted: TrackResult, teleport: TrackResult;
  beforeAll(async () => {
    const st = (await openTrialFile(gait('subject01_static.trc'))).trial;
    const walk = (await openTrialFile(gait('subject01_walk.trc'))).trial;
    original = await simulateTrackTrials(st, walk, options, names, { inProcess: true });
    corrupted = await simulateTrackTrials(st, wobbled(walk), options, names, { inProcess: true });
    teleport = await simulateTrackTrials(st, teleported(walk), options, names, { inProcess: true });
  }, 90_000);

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

  it('needs root residuals of good-data size against the measured GRF: mean < 6 % BW, moment RMS < 2.5 % BW·H', () => {
    // OpenSim best practice (Hicks et al. 2015) calls residual forces ≲ 5 % of the peak external force good and 5–10 %
    // acceptable; this trial's data alone (IK on a de Leva body, no mass adjustment) reaches ≈ 3–4 % BW
    expect(original.residualSource).toBe('measured GRF');
    expect(original.residualForcePctBw.mean).toBeLessThan(6);
    expect(original.residualForcePctBw.rms).toBeLessThan(8);
    expect(original.residualMomentPctBwH.rms).toBeLessThan(2.5);
  });

  it('gives residual forces that drop when the motion is physically consistent (vs a 3 cm 3 Hz marker wobble)', () => {
    // the wobble's acceleration is 0.03·(6π)² ≈ 10.7 m/s² ≈ 1.1 g, mean |sin| 2/π: ≈ 70 % BW that the plates never saw
    expect(corrupted.residualForcePctBw.mean).toBeGreaterThan(40);
    expect(corrupted.residualForcePctBw.mean).toBeGreaterThan(5 * original.residualForcePctBw.mean);
    expect(original.grfRmseBw!).toBeLessThan(corrupted.grfRmseBw!);
    expect(original.score).toBeGreaterThan(2 * corrupted.score);
  });

  it('flags a 5 cm marker teleport: the residual peaks above 1 BW at the jump and the score drops', () => {
    // a 5 cm step, even low-passed at 6 Hz, is a forward then backward acceleration of more than 1 g within ~0.1 s
    expect(teleport.residualForcePctBw.max).toBeGreaterThan(100);
    expect(teleport.residualForcePctBw.max).toBeGreaterThan(4 * original.residualForcePctBw.max);
    expect(teleport.residualForcePctBw.rms).toBeGreaterThan(3 * original.residualForcePctBw.rms);
    expect(teleport.score).toBeLessThan(original.score);
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
