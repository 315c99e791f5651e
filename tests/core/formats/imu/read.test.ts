import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../../src/core/errors';
import { readImu, imuVendor } from '../../../../src/core/formats/imu/read';
import { readXsensText } from '../../../../src/core/formats/imu/xsens';
import { readApdmCsv } from '../../../../src/core/formats/imu/apdm';
import type { AnalogData } from '../../../../src/core/model/trial';
import { readShared } from '../../../helpers/shared';

const channel = (a: AnalogData, label: string) => {
  const i = a.labels.indexOf(label);
  if (i < 0) throw new Error(`no channel ${label}`);
  return a.channels[i];
};
const text = (...p: string[]) => new TextDecoder().decode(readShared(...p));

describe('APDM CSV', () => {
  const trial = readImu(readShared('opensim_core', 'imu', 'apdm_imuData01.csv'));
  const a = trial.analogs!;
  it('reads 4 sensors × 15 channels, 1024 samples at the stated 128 Hz', () => {
    expect(trial.metadata.vendor).toBe('APDM');
    expect(a.rate).toBe(128);
    expect(a.samples).toBe(1024);
    expect(a.labels.length).toBe(60);
    expect(trial.metadata.extra?.sensors).toEqual(['static', 'upper', 'middle', 'lower']);
    expect(trial.metadata.extra?.startTime).toBe(0.007457625);
    expect(trial.metadata.extra?.testName).toBe('Pendulum Test 01');
    expect(trial.metadata.warnings).toEqual([]);
  });
  it('names channels canonically with SI units and the file values', () => {
    expect(channel(a, 'acc_z_static')[0]).toBeCloseTo(9.804986382, 5);
    expect(a.units[a.labels.indexOf('acc_z_static')]).toBe('m/s²');
    expect(channel(a, 'gyr_x_upper')[0]).toBeCloseTo(-0.005340739, 7);
    expect(a.units[a.labels.indexOf('gyr_x_upper')]).toBe('rad/s');
    expect(channel(a, 'mag_x_lower')[0]).toBeCloseTo(-0.141605872, 6);
    expect(a.units[a.labels.indexOf('mag_x_lower')]).toBe('µT');
    expect(channel(a, 'quat_w_static')[0]).toBeCloseTo(0.979286375, 6);
    expect(channel(a, 'temperature_static')[0]).toBeCloseTo(22.75069427, 4);
    expect(channel(a, 'acc_z_static')[1023]).toBeCloseTo(9.723807335, 5);
  });
  it('the static sensor measures gravity (|acc| ≈ 9.81 m/s²) and unit quaternions', () => {
    const x = channel(a, 'acc_x_static'), y = channel(a, 'acc_y_static'), z = channel(a, 'acc_z_static');
    let mean = 0;
    for (let i = 0; i < a.samples; i++) mean += Math.hypot(x[i], y[i], z[i]) / a.samples;
    expect(mean).toBeGreaterThan(9.7);
    expect(mean).toBeLessThan(9.9);
    const w = channel(a, 'quat_w_upper'), qx = channel(a, 'quat_x_upper'), qy = channel(a, 'quat_y_upper'), qz = channel(a, 'quat_z_upper');
    expect(Math.hypot(w[0], qx[0], qy[0], qz[0])).toBeCloseTo(1, 4);
  });
  it('converts deg/s and g exports to SI', () => {
    const t = readApdmCsv('Time,S/Acceleration/X,S/Angular Velocity/X\ns,g,deg/s\n0,1,180\n0.01,0.5,90\n').analogs!;
    expect(t.rate).toBeCloseTo(100, 6);
    expect(channel(t, 'acc_x_s')[0]).toBeCloseTo(9.80665, 5);
    expect(channel(t, 'gyr_x_s')[0]).toBeCloseTo(Math.PI, 5);
  });
});

describe('Xsens MT text', () => {
  const raw = text('opensim_core', 'imu', 'xsens_MT2022_ACC_GYRO_ROT_ALL_TAB_NAN_00B42D4B.txt');
  it('reads the tab export with NaN cells: 5 samples, the DeviceId as sensor name', () => {
    const t = readImu(raw, { rate: 100 });
    const a = t.analogs!;
    expect(t.metadata.vendor).toBe('Xsens');
    expect(a.samples).toBe(5);
    expect(a.rate).toBe(100);
    expect(t.metadata.extra?.deviceId).toBe('00B42D4B');
    expect(t.metadata.extra?.coordinateSystem).toBe('ENU');
    expect(Number.isNaN(channel(a, 'acc_x_imu_00b42d4b')[0])).toBe(true);
    expect(channel(a, 'acc_y_imu_00b42d4b')[0]).toBeCloseTo(-0.040975, 6);
    expect(channel(a, 'acc_x_imu_00b42d4b')[1]).toBeCloseTo(0.057993, 6);
    expect(channel(a, 'acc_z_imu_00b42d4b')[1]).toBeCloseTo(9.938693, 5);
    expect(channel(a, 'gyr_x_imu_00b42d4b')[1]).toBeCloseTo(0.00159, 6);
    expect(channel(a, 'quat_w_imu_00b42d4b')[1]).toBeCloseTo(-0.529132, 6);
    expect(channel(a, 'quat_z_imu_00b42d4b')[1]).toBeCloseTo(0.848524, 6);
    expect(channel(a, 'yaw_imu_00b42d4b')[1]).toBeCloseTo(-116.105209, 4);
    expect(a.labels.some((l) => l.startsWith('packetcounter'))).toBe(false);
  });
  it('without a rate or timestamps assumes 100 Hz and says so', () => {
    const t = readXsensText(raw);
    expect(t.analogs!.rate).toBe(100);
    expect(t.metadata.warnings.some((w) => w.includes('100 Hz assumed'))).toBe(true);
  });
  it('takes the rate from SampleTimeFine ticks and reads semicolon exports with decimal commas', () => {
    const semi = '// Update Rate: 60.0Hz\nPacketCounter;SampleTimeFine;Acc_X;Acc_Y;Acc_Z\n1;10000;0,5;9,81;0,0\n2;10167;0,6;9,80;NaN\n3;10333;0,7;9,79;0,1\n';
    const t = readXsensText(semi, { sensor: 'Shank R' });
    expect(t.analogs!.rate).toBeCloseTo(10000 / 167, 3);
    expect(channel(t.analogs!, 'acc_y_shank_r')[1]).toBeCloseTo(9.8, 5);
    expect(Number.isNaN(channel(t.analogs!, 'acc_z_shank_r')[1])).toBe(true);
  });
});

describe('OpenSim orientation quaternions', () => {
  it('reads 7 sensors × 4 components at 100 Hz', () => {
    const t = readImu(readShared('opensim_core', 'imu', 'orientation_quats.sto'));
    const a = t.analogs!;
    expect(a.rate).toBe(100);
    expect(a.samples).toBe(6);
    expect(a.labels.length).toBe(28);
    expect(t.metadata.extra?.sensors).toEqual(['pelvis_imu', 'tibia_r_imu', 'femur_r_imu', 'tibia_l_imu', 'femur_l_imu', 'calcn_l_imu', 'calcn_r_imu']);
    expect(channel(a, 'quat_w_pelvis_imu')[0]).toBeCloseTo(0.5064886386335554, 7);
    expect(channel(a, 'quat_z_tibia_r_imu')[5]).toBeCloseTo(-0.7452223975105876, 7);
    for (let s = 0; s < 7; s++) {
      const q = [0, 1, 2, 3].map((k) => a.channels[s * 4 + k][3]);
      expect(Math.hypot(...q)).toBeCloseTo(1, 5);
    }
  });
});

describe('readImu rejects what it cannot read', () => {
  it('unknown content, empty Xsens tables, APDM without a rate', () => {
    expect(imuVendor('a,b\n1,2\n')).toBeNull();
    expect(() => readImu('a,b\n1,2\n')).toThrow(KinetwinError);
    expect(() => readXsensText('// General information:\n')).toThrow(/no table/);
    expect(() => readApdmCsv('S/Acceleration/X\nm/s^2\n1\n2\n')).toThrow(/rate/);
    expect(() => readApdmCsv('Time,S/Acceleration/X\ns,m/s^2\n0,1\n0.01,2\n', { rate: Number.NaN })).toThrow(/rate/);
  });
});
