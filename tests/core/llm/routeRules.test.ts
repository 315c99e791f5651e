import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeByRules } from '../../../src/core/llm/routeRules';
import { sniff } from '../../../src/core/llm/sniff';
import { readShared, sharedData } from '../../helpers/shared';
import { fixtureDir, noteFixtures } from './fixtures';

function route(...parts: string[]) {
  const bytes = readShared(...parts).subarray(0, 65536);
  return routeByRules(sniff(parts[parts.length - 1], bytes));
}

describe('routeByRules on the real test data', () => {
  it.each([
    [['c3d_org', 'sample02', 'dec_int.c3d'], 'c3d', 'mocap'],
    [['c3d_org', 'sample08', 'TESTBPI.c3d'], 'c3d', 'mocap'], // parameter section at block 11
    [['pydicom', 'CT_small.dcm'], 'dicom', 'imaging'],
    [['pydicom', 'no_meta.dcm'], 'dicom', 'imaging'], // no preamble, no 'DICM'
    [['pydicom', 'MR_truncated.dcm'], 'dicom', 'imaging'],
    [['bvh', 'test_mocapbank.bvh'], 'bvh', 'mocap'],
    [['opensim_core', 'gait10dof18musc', 'subject01_walk.trc'], 'trc', 'mocap'],
    [['opensim_core', 'gait10dof18musc', 'subject01_walk_grf.mot'], 'mot', 'force'],
    [['opensim_core', 'gait2354_ik', 'subject01_walk1_ik_for_ID.mot'], 'mot', 'mocap'],
    [['opensim_core', 'imu', 'orientation_quats.sto'], 'mot', 'imu'],
    [['opensim_core', 'imu', 'apdm_imuData01.csv'], 'apdm-csv', 'imu'],
    [['opensim_core', 'imu', 'xsens_MT2022_ACC_GYRO_ROT_ALL_TAB_NAN_00B42D4B.txt'], 'xsens-txt', 'imu'],
    [['jump_forceplate', 'Dual-CMJ-Fz.txt'], 'delimited', 'force'], // 'FP1' has 0x50 at byte 1 yet is text, not C3D
    [['jump_forceplate', 'Single-CMJ-Fz.txt'], 'delimited', 'force'],
  ])('%j → %s / %s', (parts, importer, kind) => {
    expect(route(...parts)).toMatchObject({ importer, kind });
  });
});

describe('routeByRules on fixtures', () => {
  it('routes every labelled clinical note as a clinical note', () => {
    for (const n of noteFixtures()) {
      const r = routeByRules(sniff(`${n.id}.txt`, new TextEncoder().encode(n.text)));
      expect(r, n.id).toMatchObject({ importer: 'text-note', kind: 'clinical_note' });
    }
  });
  it.each([
    ['catapult_openfield.csv', 'training_log'],
    ['srpe_wellness_log.csv', 'training_log'],
    ['vicon_nexus_devices_amti.csv', 'force'],
    ['vicon_nexus_model_outputs.csv', 'mocap'],
    ['noraxon_myomotion.csv', 'mocap'],
    ['movella_dot_two_sensors.csv', 'imu'],
    ['qualisys_qtm_force.tsv', 'force'],
  ])('routes the %s header fixture as %s', (file, kind) => {
    const bytes = new Uint8Array(readFileSync(`${fixtureDir}/headers/${file}`));
    expect(routeByRules(sniff(file, bytes)).kind).toBe(kind);
  });
  it('calls unrecognised binary data unknown', () => {
    const bytes = new Uint8Array(1024).map((_, i) => (i * 37) % 256);
    expect(routeByRules(sniff('blob.bin', bytes))).toMatchObject({ importer: 'none', kind: 'unknown' });
  });
  it('sniff reports the magic, the first bytes in hex and no text lines for binaries', () => {
    const s = sniff(sharedData('pydicom', 'CT_small.dcm'), readShared('pydicom', 'CT_small.dcm'));
    expect(s).toMatchObject({ fileName: 'CT_small.dcm', extension: 'dcm', binary: true, magic: 'dicom', headerLines: [] });
    expect(s.headHex).toHaveLength(32);
  });
});
