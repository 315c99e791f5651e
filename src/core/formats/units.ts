// Unit factors for the text formats: length (TRC, BVH), acceleration and angular rate (IMU exports).
// Each factor converts a value in the named unit into SI (metres, m/s², rad/s).

/** Metres per unit of length, or null when the unit is not a length unit we know. */
export function lengthScale(unit: string): number | null {
  switch (unit.trim().toLowerCase()) {
    case 'm': case 'meter': case 'meters': case 'metre': case 'metres': return 1;
    case 'dm': return 0.1;
    case 'cm': case 'centimeters': case 'centimetres': return 0.01;
    case 'mm': case 'millimeters': case 'millimetres': return 0.001;
    case 'in': case 'inch': case 'inches': return 0.0254;
    case 'ft': case 'feet': return 0.3048;
    default: return null;
  }
}

/** Standard gravity, m/s² (CGPM 1901), used for exports in g. */
export const STANDARD_GRAVITY = 9.80665;

/** m/s² per unit of acceleration, or null when unknown. */
export function accelerationScale(unit: string): number | null {
  const u = unit.trim().toLowerCase().replace(/\s+/g, '');
  if (u === 'm/s^2' || u === 'm/s2' || u === 'm/s²' || u === 'ms^-2' || u === 'm.s-2' || u === 'm/sec^2') return 1;
  if (u === 'g' || u === 'gs') return STANDARD_GRAVITY;
  if (u === 'mg') return STANDARD_GRAVITY / 1000;
  return null;
}

/** rad/s per unit of angular rate, or null when unknown. */
export function angularRateScale(unit: string): number | null {
  const u = unit.trim().toLowerCase().replace(/\s+/g, '');
  if (u === 'rad/s' || u === 'rad/sec' || u === 'rps') return 1;
  if (u === 'deg/s' || u === '°/s' || u === 'dps' || u === 'deg/sec' || u === 'degrees/s') return Math.PI / 180;
  return null;
}
