import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { analyzeLoadFile, convertFile, mapHeadersFile, openTrialFile, sniffFile } from '../../../src/backend/services/textformats';
import { readTrc } from '../../../src/core/formats/trc/read';
import { readMot } from '../../../src/core/formats/mot/read';
import { readC3dFile } from '../../../src/backend/services/c3dfile';
import { tempDir } from '../../helpers/tmp';
import { repoRoot, sharedData } from '../../helpers/shared';

const fixture = (name: string) => join(repoRoot, 'tests', 'fixtures', 'text', name);

describe('textformats service', () => {
  it('opens every non-C3D recording of the corpus with its sniffed format', async () => {
    const expected: Array<[string[], string, number]> = [
      [['opensim_core', 'gait10dof18musc', 'subject01_walk.trc'], 'trc', 151],
      [['opensim_core', 'rajagopal_walk', 'grf_walk.mot'], 'mot', 4778],
      [['opensim_core', 'imu', 'orientation_quats.sto'], 'sto', 6],
      [['opensim_core', 'imu', 'apdm_imuData01.csv'], 'imu-apdm', 1024],
      [['bvh', 'test_mocapbank.bvh'], 'bvh', 455],
      [['jump_forceplate', 'Dual-CMJ-Fz.txt'], 'force-text', 5000],
    ];
    for (const [parts, format, frames] of expected) {
      const { trial, format: f } = await openTrialFile(sharedData(...parts));
      expect(f).toBe(format);
      expect(trial.points?.frames ?? trial.analogs?.samples).toBe(frames);
    }
    expect(await sniffFile(sharedData('opensim_core', 'c3d', 'walking2.c3d'))).toEqual({ format: 'c3d', confidence: 1 });
  });

  it('converts MOT IK angles to STO and a CSV with a time column to MOT', async () => {
    const dir = tempDir();
    const sto = join(dir, 'ik.sto');
    const r = await convertFile(sharedData('opensim_core', 'trc_edge_cases', 'gait10dof18musc_ik_CRLF_line_ending.mot'), sto);
    expect(r).toMatchObject({ from: 'mot', to: 'sto', frames: 15, analogChannels: 10 });
    const t = readMot(readFileSync(sto, 'utf8'));
    expect(t.version).toBe(3);
    expect(t.inDegrees).toBe(true);
    const csv = join(dir, 'signals.csv');
    writeFileSync(csv, 'Time (s),Knee Flex L (deg),GRFz_R [N]\n0,10,700\n0.01,11,710\n0.02,12,720\n');
    const mot = join(dir, 'signals.mot');
    const r2 = await convertFile(csv, mot);
    expect(r2).toMatchObject({ from: 'csv', to: 'mot', frames: 3, analogChannels: 2 });
    expect(r2.rate).toBeCloseTo(100, 9);
    expect(readMot(readFileSync(mot, 'utf8')).columns).toEqual(['time', 'Knee Flex L (deg)', 'GRFz_R [N]']);
  });

  it('writes a GRF MOT as C3D analogs that read back with their labels, units and values', async () => {
    const out = join(tempDir(), 'grf.c3d');
    const r = await convertFile(sharedData('opensim_core', 'rajagopal_walk', 'grf_walk.mot'), out);
    expect(r).toMatchObject({ from: 'mot', to: 'c3d', frames: 4778, analogChannels: 18, rate: 2000 });
    const a = (await readC3dFile(out)).analogs!;
    expect(a.rate).toBe(2000);
    expect(a.samples).toBe(4778);
    const px = a.labels.indexOf('ground_force_r_px');
    expect(px).toBeGreaterThanOrEqual(0);
    expect(a.units[px]).toBe('m');
    expect(a.channels[px][0]).toBeCloseTo(331.7057913303967, 3);
  });

  it('rotates TRC output to Y-up on request', async () => {
    const dir = tempDir();
    const out = join(dir, 'walk_yup.trc');
    const r = await convertFile(sharedData('opensim_core', 'c3d', 'walking2.c3d'), out, { axes: 'y-up', units: 'm' });
    expect(r.upAxis).toBe('y');
    const p = readTrc(readFileSync(out, 'utf8')).points!;
    const head = p.labels.indexOf('RFHD');
    let f = 0;
    while (Number.isNaN(p.data[(f * p.labels.length + head) * 3 + 1])) f++;
    expect(p.data[(f * p.labels.length + head) * 3 + 1]).toBeGreaterThan(1.5); // head height now on Y
  });

  it('analyses training load and maps headers; names the file in errors', async () => {
    const report = await analyzeLoadFile(fixture('traininglog_eu_semicolon.csv'));
    expect(report.sessions.length).toBe(5);
    expect(report.sessions[2].load).toBeNull();
    expect(report.athletes[0].days.length).toBe(10);
    expect(JSON.parse(JSON.stringify(report)).athletes[0].weeks[0].load).toBe(520 + 250);
    const headers = await mapHeadersFile(fixture('traininglog_teamsheet.csv'));
    expect(headers.mapping.map((m) => m.field)).toEqual(['date', 'athlete', 'session_type', 'minutes', 'srpe', 'sleep_hours', 'nutrition', 'injury']);
    await expect(openTrialFile(join(repoRoot, 'no-such-file.trc'))).rejects.toThrow(/no such file/);
    const err = await openTrialFile(join(repoRoot, 'package.json')).catch((e) => e);
    expect(err).toBeInstanceOf(KinetwinError);
    expect(err.file).toBe(join(repoRoot, 'package.json'));
    await expect(analyzeLoadFile(fixture('traininglog_teamsheet.csv').replace('teamsheet', 'nothing'))).rejects.toThrow(KinetwinError);
  });
});
