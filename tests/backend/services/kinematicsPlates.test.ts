import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/backend/api/createContext';
import { callOperation } from '../../../src/backend/api/dispatch';
import { importFile } from '../../../src/backend/services/importer';
import { platesFromTrial, solveTwin, twinSkeleton, type TwinSkeleton } from '../../../src/backend/services/kinematics';
import { openTrialFile } from '../../../src/backend/services/textformats';
import { forcePlateOutputs } from '../../../src/core/forceplate/outputs';
import { plateFrame } from '../../../src/core/forceplate/plateFrame';
import type { Trial } from '../../../src/core/model/trial';
import { sharedData } from '../../helpers/shared';
import { tempDir } from '../../helpers/tmp';

const gait = (name: string) => sharedData('opensim_core', 'gait10dof18musc', name);

describe('platesFromTrial (C3D plates → inverse-dynamics plate series, model lab Y up)', () => {
  let trial: Trial;
  beforeAll(async () => {
    trial = (await openTrialFile(sharedData('opensim_core', 'c3d', 'walking2.c3d'))).trial;
  });

  it('keeps each plate\'s moment about the lab origin: cop × F + T = centre × F + M_centre, rotated Z-up → Y-up', () => {
    const out = forcePlateOutputs(trial, 0);
    const at = Float64Array.from({ length: out.samples }, (_, i) => i / out.rate); // the analog instants: no interpolation
    const [p] = platesFromTrial(trial, at);
    const c = plateFrame(trial.forcePlates[0]!.corners).centre;
    let checked = 0;
    for (let i = 0; i < out.samples; i += 7) {
      const o = i * 3;
      if (!Number.isFinite(p!.cop[o])) continue;
      const F = [p!.force[o]!, p!.force[o + 1]!, p!.force[o + 2]!], r = [p!.cop[o]!, p!.cop[o + 1]!, p!.cop[o + 2]!], T = [p!.moment[o]!, p!.moment[o + 1]!, p!.moment[o + 2]!];
      const got = [r[1]! * F[2]! - r[2]! * F[1]! + T[0]!, r[2]! * F[0]! - r[0]! * F[2]! + T[1]!, r[0]! * F[1]! - r[1]! * F[0]! + T[2]!];
      // the same in the C3D lab (Z up) from the plate's own outputs, then mapped (x, y, z) → (x, z, −y)
      const f = [out.force[o]!, out.force[o + 1]!, out.force[o + 2]!], m = [out.moment[o]!, out.moment[o + 1]!, out.moment[o + 2]!];
      const lab = [c[1]! * f[2]! - c[2]! * f[1]! + m[0]!, c[2]! * f[0]! - c[0]! * f[2]! + m[1]!, c[0]! * f[1]! - c[1]! * f[0]! + m[2]!];
      const want = [lab[0]!, lab[2]!, -lab[1]!];
      for (let k = 0; k < 3; k++) expect(got[k]).toBeCloseTo(want[k]!, 6);
      expect(F[1]).toBeCloseTo(f[2]!, 9); // vertical: lab Z becomes model Y
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('gives an upward stance force of adult size with the centre of pressure inside the plate', () => {
    const at = Float64Array.from({ length: 1249 }, (_, i) => i / 250);
    const plates = platesFromTrial(trial, at);
    expect(plates).toHaveLength(2);
    for (const [k, p] of plates.entries()) {
      const corners = trial.forcePlates[k]!.corners;
      const xs = [0, 1, 2, 3].map((i) => corners[i * 3]!), ys = [0, 1, 2, 3].map((i) => corners[i * 3 + 1]!);
      let peak = 0;
      for (let f = 0; f < 1249; f++) {
        const fy = p.force[f * 3 + 1]!;
        if (Number.isFinite(fy)) peak = Math.max(peak, fy);
        if (fy > 200) {
          // model (x, z) = lab (x, −y)
          expect(p.cop[f * 3]!).toBeGreaterThan(Math.min(...xs) - 0.01);
          expect(p.cop[f * 3]!).toBeLessThan(Math.max(...xs) + 0.01);
          expect(-p.cop[f * 3 + 2]!).toBeGreaterThan(Math.min(...ys) - 0.01);
          expect(-p.cop[f * 3 + 2]!).toBeLessThan(Math.max(...ys) + 0.01);
        }
      }
      expect(peak).toBeGreaterThan(500); // N, a walking adult's heel-strike peak
      expect(peak).toBeLessThan(1500);
    }
  });

  it('throws a KinetwinError when a plate refers to missing analog channels', () => {
    const broken: Trial = { ...trial, analogs: null };
    expect(() => platesFromTrial(broken, new Float64Array([0]))).toThrow(/analog channels/);
  });
});

describe('twinSkeleton and the twinAnalyzeTrials / twinJumpTrial API operations', () => {
  let sk: TwinSkeleton;
  let walk: Trial;
  beforeAll(async () => {
    const st = (await openTrialFile(gait('subject01_static.trc'))).trial;
    walk = (await openTrialFile(gait('subject01_walk.trc'))).trial;
    sk = twinSkeleton(solveTwin(st, walk, { massKg: 72.6 }, { static: 'static', dynamic: 'walk' }), walk);
  }, 60_000);

  it('keeps every bone at the same length in every frame (rigid segments)', () => {
    const ns = sk.segments.length;
    for (let s = 0; s < ns; s++) {
      const len = (f: number) => Math.hypot(...[0, 1, 2].map((k) => sk.ends[(f * ns + s) * 3 + k]! - sk.joints[(f * ns + s) * 3 + k]!));
      const l0 = len(0);
      for (let f = 1; f < sk.frames; f += 10) expect(len(f)).toBeCloseTo(l0, 4);
    }
    expect(sk.parents[sk.segments.indexOf('shank_r')]).toBe(sk.segments.indexOf('thigh_r'));
  });

  it('puts the skeleton in the trial\'s own lab frame: the hips sit between the ASIS markers and the sacrum', () => {
    const labels = walk.points!.labels, L = labels.length, ns = sk.segments.length;
    const thigh = sk.segments.indexOf('thigh_r');
    for (const f of [0, 75, 150]) {
      const mean = [0, 1, 2].map((k) => (['R.ASIS', 'L.ASIS', 'V.Sacral'].reduce((a, n) => a + walk.points!.data[(f * L + labels.indexOf(n)) * 3 + k]!, 0)) / 3);
      const hip = [0, 1, 2].map((k) => sk.joints[(f * ns + thigh) * 3 + k]!);
      expect(Math.hypot(hip[0]! - mean[0]!, hip[1]! - mean[1]!, hip[2]! - mean[2]!)).toBeLessThan(0.15);
      expect(hip[1]).toBeLessThan(mean[1]!); // Y up in the TRC: the hip centre below the pelvis markers
    }
  });

  it('serves the twin of stored trials and the jump report of a stored force-text trial through the API', async () => {
    const ctx = createContext({ mode: 'cli', dbPath: join(tempDir(), 'k.db') });
    const ids: number[] = [];
    for (const f of [gait('subject01_static.trc'), gait('subject01_walk.trc'), sharedData('jump_forceplate', 'Dual-CMJ-Fz.txt')]) {
      const r = await importFile(f, ctx);
      expect(r.status).toBe('imported');
      if (r.status === 'imported') ids.push(r.trialId);
    }
    const twin = (await callOperation('twinAnalyzeTrials', { staticTrialId: ids[0], dynamicTrialId: ids[1], massKg: 72.6 }, ctx)) as { frames: number; rate: number; segments: string[]; joints: string; angles: string; coordinateNames: string[]; meanRmsErrorM: number };
    expect(twin.frames).toBe(151);
    expect(twin.rate).toBe(60);
    expect(Buffer.from(twin.joints, 'base64').byteLength).toBe(151 * twin.segments.length * 3 * 4);
    const angles = new Float32Array(new Uint8Array(Buffer.from(twin.angles, 'base64')).buffer);
    const k = twin.coordinateNames.indexOf('knee_flexion_r'), n = twin.coordinateNames.length;
    let peak = -Infinity;
    for (let f = 0; f < 151; f++) peak = Math.max(peak, angles[f * n + k]!);
    expect(peak).toBeGreaterThan(50);
    expect(peak).toBeLessThan(75);
    expect(twin.meanRmsErrorM).toBeLessThan(0.02);
    const jump = (await callOperation('twinJumpTrial', { trialId: ids[2] }, ctx)) as { report: { type: string; jumpHeight: number; jumpHeightFlight: number; asymmetry: unknown }; force: string; rate: number };
    expect(jump.report.type).toBe('cmj');
    expect(jump.report.jumpHeight).toBeGreaterThan(0.1);
    expect(jump.report.jumpHeight).toBeLessThan(0.6);
    expect(Math.abs(jump.report.jumpHeightFlight - jump.report.jumpHeight)).toBeLessThan(0.06);
    expect(jump.report.asymmetry).not.toBeNull();
    expect(jump.rate).toBe(1000);
    await expect(callOperation('twinJumpTrial', { trialId: ids[0] }, ctx)).rejects.toThrow(/no force channels/);
    await expect(callOperation('twinAnalyzeTrials', { staticTrialId: ids[1], dynamicTrialId: ids[1] }, ctx)).rejects.toThrow(/lacks markers the model needs: R\.Knee\.Lat/);
    ctx.close();
  }, 60_000);
});
