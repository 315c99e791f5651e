import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/backend/services/dataset';
import { exportDataset } from '../../../src/backend/services/dataset-export';
import { analyzeJumpFile } from '../../../src/backend/services/jump';
import { forceSampleC3d } from '../../../src/core/dataset/c3d-export';
import { KinetwinError } from '../../../src/core/errors';
import { forcePlateOutputs } from '../../../src/core/forceplate/outputs';
import { readC3d } from '../../../src/core/formats/c3d/read';
import { readMot } from '../../../src/core/formats/mot/read';
import { motColumn, motColumnValues } from '../../../src/core/formats/mot/table';
import { readTrc } from '../../../src/core/formats/trc/read';
import { sharedData } from '../../helpers/shared';

const fit = sharedData('anthropometry', 'ansur2_train.csv');
const root = mkdtempSync(join(tmpdir(), 'kinetwin-c3d-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Label { markers: string; series: string; events: { label: string; context: string; time: number }[]; outcomes: { bodyWeightN: number; jumpHeightM: number; peakVerticalGrfBw: number }; anthropometrics: { mass: number } }
const label = (dir: string, id: string, k = 0): Label => JSON.parse(readFileSync(join(dir, 'samples', id, `${id}-0${k}.json`), 'utf8')) as Label;
const c3dOf = (dir: string, id: string, k = 0) => readC3d(new Uint8Array(readFileSync(join(dir, 'samples', id, `${id}-0${k}.c3d`))));

describe.each(['cmj', 'drop-landing'])('export --format c3d of a %s dataset: the GRF as a type-2 force plate', (task) => {
  const ds = join(root, task), out = join(root, `${task}-c3d`);
  beforeAll(async () => {
    await generateDataset({ out: ds, n: 2, seed: 4, task, fit, workers: 0 });
    await exportDataset(ds, { format: 'c3d', out, fit });
  }, 120_000);

  it('reads back with readC3d + forcePlateOutputs as the MOT series × body weight, within float32 precision', () => {
    for (const id of ['S0000', 'S0001']) {
      const l = label(ds, id);
      const mot = readMot(readFileSync(join(ds, 'samples', id, l.series)));
      const time = motColumnValues(mot, motColumn(mot, 'time')), grf = motColumnValues(mot, motColumn(mot, 'ground_force_vy_bw'));
      const com = motColumnValues(mot, motColumn(mot, 'com_height_m'));
      const t = c3dOf(out, id);
      expect(t.metadata.upAxis).toBe('z');
      expect(t.forcePlates).toHaveLength(1);
      expect(t.forcePlates[0].type).toBe(2);
      expect(Array.from(t.forcePlates[0].corners)).toEqual([0.3, -0.2, 0, -0.3, -0.2, 0, -0.3, 0.2, 0, 0.3, 0.2, 0].map((v) => expect.closeTo(v, 6)));
      const o = forcePlateOutputs(t, 0);
      expect(o.samples).toBe(mot.rows);
      expect(o.rate).toBeCloseTo(1 / (time[1] - time[0]), 3);
      const bw = l.outcomes.bodyWeightN;
      expect(bw).toBeCloseTo(l.anthropometrics.mass * 9.81, 6);
      let loaded = 0;
      for (let i = 0; i < o.samples; i++) {
        const f = grf[i] * bw;
        expect(Math.abs(o.force[i * 3 + 2] - f)).toBeLessThanOrEqual(Math.abs(f) * 2 ** -23 + 1e-9); // one float32 rounding
        expect(o.force[i * 3]).toBe(0);
        expect(o.force[i * 3 + 1]).toBe(0);
        if (f > 50) {
          loaded++;
          expect(Math.hypot(o.cop[i * 3], o.cop[i * 3 + 1], o.cop[i * 3 + 2])).toBeLessThan(1e-9); // at the plate centre
        }
        expect(Math.abs(t.points!.data[i * 3 + 2] - com[i])).toBeLessThanOrEqual(Math.abs(com[i]) * 2 ** -22); // CentreOfMass point
      }
      expect(loaded).toBeGreaterThan(10);
      expect(t.points!.labels).toEqual(['CentreOfMass']);
    }
  });
});

describe('analyze jump reads an exported CMJ C3D back', () => {
  it('finds the simulated body weight, peak force and jump height', async () => {
    const ds = join(root, 'cmj'), l = label(ds, 'S0001');
    const r = await analyzeJumpFile(join(root, 'cmj-c3d', 'samples', 'S0001', 'S0001-00.c3d'));
    expect(r.type).toBe('cmj');
    expect(r.rateAssumed).toBe(false);
    expect(r.bodyWeightN / l.outcomes.bodyWeightN).toBeCloseTo(1, 2);
    expect(r.peakForceN / l.outcomes.bodyWeightN).toBeCloseTo(l.outcomes.peakVerticalGrfBw, 2);
    expect(r.jumpHeight).toBeCloseTo(l.outcomes.jumpHeightM, 1);
  });
});

describe('export --format c3d of a gait dataset: markers (Z up, mm) and gait events', () => {
  const ds = join(root, 'gait'), out = join(root, 'gait-c3d');
  beforeAll(async () => {
    await generateDataset({ out: ds, n: 2, seed: 9, task: 'gait', fit, workers: 0 });
    await exportDataset(ds, { format: 'c3d', out, fit });
  }, 120_000);

  it('holds the TRC markers turned Y-up → Z-up, (x, y, z) → (x, −z, y), within float32 precision', () => {
    const l = label(ds, 'S0001');
    const trc = readTrc(readFileSync(join(ds, 'samples', 'S0001', l.markers)));
    const t = c3dOf(out, 'S0001');
    expect(t.metadata.upAxis).toBe('z');
    expect(t.points!.originalUnits).toBe('mm');
    expect(t.points!.rate).toBe(100);
    expect(t.points!.labels).toEqual(trc.points!.labels);
    const a = trc.points!.data, b = t.points!.data;
    expect(b.length).toBe(a.length);
    const ulp = (v: number) => Math.abs(v) * 2 ** -22 + 1e-12; // a float32 mm ↔ m conversion may round once more
    for (let i = 0; i < a.length; i += 3) {
      expect(Math.abs(b[i] - a[i])).toBeLessThanOrEqual(ulp(a[i]));
      expect(Math.abs(b[i + 1] + a[i + 2])).toBeLessThanOrEqual(ulp(a[i + 2]));
      expect(Math.abs(b[i + 2] - a[i + 1])).toBeLessThanOrEqual(ulp(a[i + 1]));
    }
  });

  it('converts each subject\'s static trial too (50 frames, no events)', () => {
    const t = readC3d(new Uint8Array(readFileSync(join(out, 'samples', 'S0001', 'S0001.static.c3d'))));
    expect(t.points!.frames).toBe(50);
    expect(t.points!.labels).toHaveLength(49);
    expect(t.events).toEqual([]);
  });

  it('carries the label\'s Foot Strike / Foot Off events with their sides', () => {
    const l = label(ds, 'S0000');
    const t = c3dOf(out, 'S0000');
    expect(t.events.map((e) => [e.label, e.context])).toEqual(l.events.map((e) => [e.label, e.context]));
    t.events.forEach((e, i) => expect(e.time).toBeCloseTo(l.events[i].time, 5));
  });
});

describe('export --format bids of a gait dataset', () => {
  it('writes the sagittal and frontal leg angles as JNTANG channels', async () => {
    const out = join(root, 'gait-bids');
    await exportDataset(join(root, 'gait'), { format: 'bids', out, fit });
    const tsv = readFileSync(join(out, 'sub-S0000', 'motion', 'sub-S0000_task-gait_tracksys-kinetwinsim_run-1_channels.tsv'), 'utf8');
    const rows = tsv.trimEnd().split('\n').slice(1).map((l) => l.split('\t'));
    expect(rows.map((r) => r[0]).sort()).toEqual(['ankle_dorsiflexion_l', 'ankle_dorsiflexion_r', 'hip_adduction_l', 'hip_adduction_r', 'hip_flexion_l', 'hip_flexion_r', 'knee_flexion_l', 'knee_flexion_r']);
    expect(new Set(rows.map((r) => `${r[2]} ${r[4]}`))).toEqual(new Set(['JNTANG deg']));
  });
});

describe('export --format c3d refusals', () => {
  it('refuses a hand-poses dataset with the clear message', async () => {
    const ds = join(root, 'hands');
    await generateDataset({ out: ds, n: 1, seed: 1, task: 'hand-poses', fit, workers: 0 });
    await expect(exportDataset(ds, { format: 'c3d', out: join(root, 'hands-c3d'), fit })).rejects.toThrow(/hand-poses datasets export as parquet/);
  }, 60_000);

  it('forceSampleC3d rejects a missing body weight and uneven sampling', () => {
    const mot = { name: '', version: 1, inDegrees: true, columns: ['time', 'ground_force_vy_bw'], data: Float64Array.from([0, 1, 0.001, 1, 0.003, 1]), rows: 3, header: {}, warnings: [] };
    expect(() => forceSampleC3d(mot, NaN)).toThrow(KinetwinError);
    expect(() => forceSampleC3d(mot, 700)).toThrow(/uniformly/);
  });
});
