import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findHeaderColumns } from '../../../src/core/llm/headerColumns';
import { sharedData } from '../../helpers/shared';

const read = (...p: string[]) => readFileSync(sharedData(...p), 'utf8');

describe('findHeaderColumns', () => {
  it('reads the label line after endheader and the angle unit of an OpenSim MOT', () => {
    const t = findHeaderColumns(read('opensim_core', 'gait2354_ik', 'subject01_walk1_ik_for_ID.mot'));
    expect(t.layout).toBe('mot');
    expect(t.columns).toHaveLength(24);
    expect(t.columns[0].header).toBe('time');
    expect(t.columns[10].context.angleUnit).toBe('deg');
  });
  it('warns that a MOT without inDegrees is taken as radians', () => {
    const t = findHeaderColumns(read('opensim_core', 'running', 'runningModel_GRF_data.mot'));
    expect(t.columns).toHaveLength(19);
    expect(t.warnings[0]).toMatch(/radians/);
  });
  it('expands TRC marker names over their X/Y/Z columns with the file unit', () => {
    const t = findHeaderColumns(read('opensim_core', 'gait10dof18musc', 'subject01_walk.trc'));
    expect(t.layout).toBe('trc');
    expect(t.columns).toHaveLength(2 + 41 * 3);
    expect(t.columns[2]).toEqual({ header: 'R.ASIS X', context: { unitHint: 'mm', markerColumn: true } });
  });
  it("takes APDM's units row as hints and skips its metadata lines", () => {
    const t = findHeaderColumns(read('opensim_core', 'imu', 'apdm_imuData01.csv'));
    expect(t.columns[1]).toEqual({ header: 'Static/Acceleration/X', context: { unitHint: 'm/s^2' } });
  });
  it('skips Xsens comment lines', () => {
    const t = findHeaderColumns(read('opensim_core', 'imu', 'xsens_MT2022_ACC_GYRO_ROT_ALL_TAB_NAN_00B42D4B.txt'));
    expect(t.columns[0].header).toBe('PacketCounter');
  });
  it('keeps delimiters inside quoted cells', () => {
    const t = findHeaderColumns('time,"RT TIB.ANT., uV","a ""quoted"" name"\n0,1,2\n');
    expect(t.columns.map((c) => c.header)).toEqual(['time', 'RT TIB.ANT., uV', 'a "quoted" name']);
  });
  it('finds no header in a headerless numeric column', () => {
    const t = findHeaderColumns(read('jump_forceplate', 'Single-CMJ-Fz.txt').slice(0, 2000));
    expect(t.layout).toBe('none');
    expect(t.columns).toEqual([]);
  });
  it('refuses absurdly wide headers instead of allocating for them', () => {
    const wide = Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',');
    expect(() => findHeaderColumns(`${wide}\n`)).toThrow(/more than 4096 columns/);
  });
  it('throws a KinetwinError for a truncated TRC header', () => {
    expect(() => findHeaderColumns('PathFileType\t4\t(X/Y/Z)\tx.trc\nDataRate\n')).toThrow(expect.objectContaining({ name: 'KinetwinError' }));
  });
});
