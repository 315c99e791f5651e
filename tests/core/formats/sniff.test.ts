import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../../src/core/formats/sniff';
import { readShared, repoRoot, sharedData } from '../../helpers/shared';

const head = (bytes: Uint8Array) => bytes.subarray(0, 4096);
const sniffShared = (...p: string[]) => sniffFormat(p[p.length - 1], head(readShared(...p)));

describe('sniffFormat', () => {
  it('recognises every file of the shared corpus by content', () => {
    expect(sniffShared('opensim_core', 'c3d', 'walking2.c3d')).toEqual({ format: 'c3d', confidence: 1 });
    expect(sniffShared('opensim_core', 'c3d', 'std_walking2_markers.trc').format).toBe('trc');
    expect(sniffShared('opensim_core', 'trc_edge_cases', 'dataWithEformat.trc').format).toBe('trc');
    expect(sniffShared('opensim_core', 'gait10dof18musc', 'subject01_walk_grf.mot')).toEqual({ format: 'mot', confidence: 1 });
    expect(sniffShared('opensim_core', 'running', 'runningModel_GRF_data.mot').format).toBe('mot');
    expect(sniffShared('opensim_core', 'imu', 'orientation_quats.sto')).toEqual({ format: 'sto', confidence: 1 });
    expect(sniffShared('opensim_core', 'imu', 'apdm_imuData01.csv').format).toBe('imu-apdm');
    expect(sniffShared('opensim_core', 'imu', 'xsens_MT2022_ACC_GYRO_ROT_ALL_TAB_NAN_00B42D4B.txt').format).toBe('imu-xsens');
    expect(sniffShared('bvh', 'test_mocapbank.bvh')).toEqual({ format: 'bvh', confidence: 1 });
    for (const f of ['Single-CMJ-Fz.txt', 'Single-DJ-Fz.txt', 'Dual-CMJ-Fz.txt']) expect(sniffShared('jump_forceplate', f)).toEqual({ format: 'force-text', confidence: 0.8 });
  });

  it('recognises every c3d.org sample (Intel, DEC, MIPS processors) as C3D, whatever its name', () => {
    const files = readdirSync(sharedData('c3d_org'), { recursive: true }).map(String).filter((f) => f.toLowerCase().endsWith('.c3d'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(sniffFormat('upload.bin', readShared('c3d_org', f).subarray(0, 16384))).toEqual({ format: 'c3d', confidence: 1 });
  });

  it('recognises training logs in several header styles, and plain signal CSVs', () => {
    for (const f of ['traininglog_teamsheet.csv', 'traininglog_eu_semicolon.csv', 'traininglog_tracker.tsv']) {
      const bytes = new Uint8Array(readFileSync(`${repoRoot}/tests/fixtures/text/${f}`));
      expect(sniffFormat(f, bytes).format).toBe('training-log');
    }
    const csv = new TextEncoder().encode('time,knee_angle_r,hip_flexion_r\n0,1,2\n0.01,1.1,2.1\n');
    expect(sniffFormat('signals.csv', csv)).toEqual({ format: 'csv', confidence: 0.7 });
  });

  it('recognises DICOM by its preamble and refuses binary garbage', () => {
    const dicom = new Uint8Array(200);
    dicom.set([0x44, 0x49, 0x43, 0x4d], 128);
    expect(sniffFormat('x.bin', dicom)).toEqual({ format: 'dicom', confidence: 1 });
    const junk = new Uint8Array(256).map((_, i) => (i * 7919) % 256);
    expect(sniffFormat('junk.dat', junk)).toEqual({ format: 'unknown', confidence: 0 });
    expect(sniffFormat('empty.txt', new Uint8Array(0))).toEqual({ format: 'unknown', confidence: 0 });
  });
});
