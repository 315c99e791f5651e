import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { sharedData, repoRoot } from '../helpers/shared';
import { readTrc } from '../../src/core/formats/trc/read';
import { readMot } from '../../src/core/formats/mot/read';
import { readC3d } from '../../src/core/formats/c3d/read';


describe('kinetwin convert', () => {
  it('C3D → TRC (mm, Z-up kept) and C3D → GRF MOT rotated to Y-up', async () => {
    const dir = tempDir();
    const trc = join(dir, 'walk.trc');
    const r1 = await cli(['convert', sharedData('opensim_core', 'c3d', 'walking2.c3d'), trc, '--json']);
    expect(r1.code).toBe(0);
    const res = JSON.parse(r1.stdout);
    expect(res).toMatchObject({ from: 'c3d', to: 'trc', frames: 1249, points: 44, rate: 250, upAxis: 'z' });
    expect(readTrc(readFileSync(trc, 'utf8')).points!.labels[0]).toBe('RTH1');
    const mot = join(dir, 'walk_grf.mot');
    const r2 = await cli(['convert', sharedData('opensim_core', 'c3d', 'walking2.c3d'), mot, '--axes', 'y-up']);
    expect(r2.code).toBe(0);
    expect(r2.stdout).toMatch(/→ .*walk_grf\.mot \(grf\): .* y-up/);
    const table = readMot(readFileSync(mot, 'utf8'));
    expect(table.columns.slice(0, 4)).toEqual(['time', '1_ground_force_vx', '1_ground_force_vy', '1_ground_force_vz']);
    expect(table.rows).toBe(9992);
  });

  it('BVH → TRC and TRC → C3D', async () => {
    const dir = tempDir();
    const trc = join(dir, 'mocap.trc');
    expect((await cli(['convert', sharedData('bvh', 'test_mocapbank.bvh'), trc, '--units', 'm'])).code).toBe(0);
    const t = readTrc(readFileSync(trc, 'utf8')).points!;
    expect(t.frames).toBe(455);
    expect(t.originalUnits).toBe('m');
    const c3d = join(dir, 'walk.c3d');
    const r = await cli(['convert', sharedData('opensim_core', 'gait10dof18musc', 'subject01_walk.trc'), c3d]);
    expect(r.code).toBe(0);
    const back = readC3d(new Uint8Array(readFileSync(c3d))).points!;
    expect(back.frames).toBe(151);
    expect(back.labels[0]).toBe('R.ASIS');
    expect(back.data[0]).toBeCloseTo(0.61724762, 5);
  });

  it('bad input and bad flags give one `error: <file>: …` line', async () => {
    const dir = tempDir();
    const r1 = await cli(['convert', join(repoRoot, 'package.json'), join(dir, 'x.trc')]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/^error: .*package\.json: /);
    const r2 = await cli(['convert', sharedData('bvh', 'test_mocapbank.bvh'), join(dir, 'x.xyz')]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/cannot tell the output format/);
    const r3 = await cli(['convert', sharedData('jump_forceplate', 'Single-CMJ-Fz.txt'), join(dir, 'f.sto'), '--rate', 'NaN']);
    expect(r3.code).not.toBe(0);
  });
});

describe('kinetwin analyze load', () => {
  it('prints weekly load and ACWR per athlete, warnings on stderr', async () => {
    const r = await cli(['analyze', 'load', join(repoRoot, 'tests', 'fixtures', 'text', 'traininglog_teamsheet.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ATH-017: 6 days to 2024-03-09');
    expect(r.stdout).toContain('week of 2024-03-04: load 2280 AU, monotony —');
    expect(r.stderr).toContain('sRPE 12 is outside the CR-10 range');
    const j = await cli(['analyze', 'load', join(repoRoot, 'tests', 'fixtures', 'text', 'traininglog_tracker.tsv'), '--json']);
    const report = JSON.parse(j.stdout);
    expect(report.sessions.map((s: { load: number }) => s.load)).toEqual([180, 525, 270, 600]);
    expect(report.athletes[0].athlete).toBe('RUN-A');
  });
});
