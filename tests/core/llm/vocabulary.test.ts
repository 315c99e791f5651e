import { describe, expect, it } from 'vitest';
import { CANONICAL_FIELDS } from '../../../src/core/formats/headermapVocabulary';
import { fieldFamily, isCanonicalField, unitFitsField } from '../../../src/core/llm/vocabulary';
import { normaliseUnit } from '../../../src/core/llm/units';

describe('canonical vocabulary', () => {
  it("contains every field of the deterministic importer's vocabulary (src/core/formats/headermap)", () => {
    for (const f of CANONICAL_FIELDS) {
      const field = f.field.replace('<sensor>', 'pelvis');
      expect(isCanonicalField(field), field).toBe(true);
      const unit = normaliseUnit(f.unit);
      if (unit !== null) expect(unitFitsField(field, unit), `${field} ${unit}`).toBe(true);
    }
  });
  it('names families by pattern: sided coordinates, plates by side or number, IMU by sensor, EMG by muscle', () => {
    expect(fieldFamily('knee_flexion_l')).toBe('angle');
    expect(fieldFamily('knee_flexion_moment_l')).toBe('joint_moment');
    expect(fieldFamily('grf_z_p2')).toBe('force');
    expect(fieldFamily('gyr_x_thigh_r')).toBe('angular_velocity');
    expect(fieldFamily('emg_vastus_lateralis_r')).toBe('emg');
    expect(fieldFamily('session_load')).toBe('training');
    expect(fieldFamily('knee_flexion')).toBeNull();
    expect(fieldFamily('emg_banana_r')).toBeNull();
  });
  it('accepts only units that fit the field', () => {
    expect(unitFitsField('grf_z_r', 'N')).toBe(true);
    expect(unitFitsField('grf_z_r', 'deg')).toBe(false);
    expect(unitFitsField('sleep_hours', 'h')).toBe(true);
    expect(unitFitsField('sleep_hours', 'N')).toBe(false);
    expect(unitFitsField('hip_flexion_r', null)).toBe(true);
  });
});
