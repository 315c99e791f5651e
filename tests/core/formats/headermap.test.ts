import { describe, expect, it } from 'vitest';
import { CANONICAL_FIELDS, mapHeaders, splitHeaderUnit } from '../../../src/core/formats/headermap';

const map = (h: string) => mapHeaders([h])[0];

describe('mapHeaders', () => {
  it('maps the spellings named in the spec with their units', () => {
    expect(map('GRFz_R [N]')).toEqual({ header: 'GRFz_R [N]', field: 'grf_z_r', unit: 'N', confidence: 1 });
    expect(map('kn_fl_L°')).toEqual({ header: 'kn_fl_L°', field: 'knee_flexion_l', unit: 'deg', confidence: 1 });
    expect(map('Knee Flex L (deg)')).toMatchObject({ field: 'knee_flexion_l', unit: 'deg', confidence: 1 });
    expect(map('sRPE')).toMatchObject({ field: 'srpe', unit: null, confidence: 1 });
    expect(map('Duration (min)')).toMatchObject({ field: 'minutes', unit: 'min', confidence: 1 });
    expect(map('Sleep hrs')).toMatchObject({ field: 'sleep_hours', unit: 'h', confidence: 1 });
  });

  it('composes joint + motion + side from other spellings, with lower confidence', () => {
    expect(map('Right Hip Flexion')).toMatchObject({ field: 'hip_flexion_r', confidence: 1 });
    expect(map('ankleDorsiflexionR')).toMatchObject({ field: 'ankle_dorsiflexion_r' });
    expect(map('LKneeAngles_X')).toMatchObject({ field: 'knee_flexion_l', confidence: 0.9 });
    expect(map('LAnkleAngles_Y')).toMatchObject({ field: 'ankle_inversion_l' });
    const opensim = map('knee_angle_r');
    expect(opensim.field).toBe('knee_flexion_r');
    expect(opensim.confidence).toBeLessThan(0.9); // OpenSim's knee angle is negative in flexion
  });

  it('maps force-plate, COP and IMU columns', () => {
    expect(map('Fz_L (N)')).toMatchObject({ field: 'grf_z_l', unit: 'N' });
    expect(map('Left vGRF')).toMatchObject({ field: 'grf_z_l' });
    expect(map('COP X right [mm]')).toMatchObject({ field: 'cop_x_r', unit: 'mm' });
    expect(map('Shank Acc X (m/s^2)')).toMatchObject({ field: 'acc_x_shank', unit: 'm/s²', confidence: 0.9 });
    expect(map('gyro_z_thigh [deg/s]')).toMatchObject({ field: 'gyr_z_thigh', unit: 'deg/s' });
    expect(map('Time (s)')).toMatchObject({ field: 'time', unit: 's', confidence: 1 });
  });

  it('halves the confidence when the stated unit contradicts the field', () => {
    expect(map('Knee Flex L (N)')).toMatchObject({ field: 'knee_flexion_l', confidence: 0.5 });
  });

  it('returns null for headers it does not know', () => {
    expect(map('Favourite colour')).toEqual({ header: 'Favourite colour', field: null, unit: null, confidence: 0 });
    expect(map('')).toMatchObject({ field: null, confidence: 0 });
  });

  it('is deterministic and keeps order', () => {
    const headers = ['Date', 'Athlete', 'Session Type', 'Minutes', 'RPE', 'Injury'];
    expect(mapHeaders(headers).map((m) => m.field)).toEqual(['date', 'athlete', 'session_type', 'minutes', 'srpe', 'injury']);
    expect(mapHeaders(headers)).toEqual(mapHeaders(headers));
  });
});

describe('splitHeaderUnit and CANONICAL_FIELDS', () => {
  it('splits units written in brackets, parentheses, as ° or as a trailing word', () => {
    expect(splitHeaderUnit('Fz [N]')).toEqual({ name: 'Fz', unit: 'N' });
    expect(splitHeaderUnit('Moment (N.m)')).toEqual({ name: 'Moment', unit: 'N·m' });
    expect(splitHeaderUnit('Sleep Quality (1-5)')).toEqual({ name: 'Sleep Quality (1-5)', unit: null });
    expect(splitHeaderUnit('Load in AU')).toEqual({ name: 'Load', unit: 'AU' });
  });
  it('holds the spec vocabulary, every field unique', () => {
    const fields = CANONICAL_FIELDS.map((f) => f.field);
    for (const f of ['time', 'hip_flexion_r', 'knee_flexion_l', 'ankle_dorsiflexion_r', 'grf_z_r', 'cop_x_r', 'acc_x_<sensor>', 'date', 'athlete', 'session_type', 'minutes', 'srpe', 'sleep_hours', 'nutrition', 'injury']) {
      expect(fields).toContain(f);
    }
    expect(new Set(fields).size).toBe(fields.length);
  });
});
