// Recognised measurement units: one canonical spelling each, with the spellings vendors write in headers.
// A header's unit is only ever one of CANONICAL_UNITS (or null), whoever proposed it (rules or a model).

/** Canonical unit spellings. 'mg' is milli-g (acceleration, as Noraxon writes 'mG'); '1' is dimensionless. */
export const CANONICAL_UNITS = [
  's', 'ms', 'min', 'h', 'Hz',
  'm', 'mm', 'cm', 'km',
  'deg', 'rad',
  'N', 'kN', 'N/kg', 'N·m', 'N·mm', 'N·m/kg',
  'W', 'W/kg',
  'V', 'mV', 'µV',
  'g', 'mg', 'm/s²',
  'deg/s', 'rad/s',
  'µT', 'mT', 'gauss',
  'm/s', 'km/h', 'm/min',
  'kg', 'lb',
  'AU', '%', 'bpm', '1', 'count', '°C', 'kPa', 'Pa',
] as const;

export type CanonicalUnit = (typeof CANONICAL_UNITS)[number];

const CANONICAL_SET: ReadonlySet<string> = new Set(CANONICAL_UNITS);

// lower-cased, space-free spelling → canonical unit (the canonical spellings themselves are added below)
const ALIASES: Record<string, CanonicalUnit> = {
  sec: 's', secs: 's', second: 's', seconds: 's', msec: 'ms', millisecond: 'ms', milliseconds: 'ms',
  mins: 'min', minute: 'min', minutes: 'min', hr: 'h', hrs: 'h', hour: 'h', hours: 'h', hz: 'Hz',
  meter: 'm', meters: 'm', metre: 'm', metres: 'm', millimeter: 'mm', millimeters: 'mm', millimetres: 'mm',
  centimeters: 'cm', centimetres: 'cm', kilometers: 'km', kilometres: 'km',
  degree: 'deg', degrees: 'deg', '°': 'deg', degs: 'deg', radian: 'rad', radians: 'rad',
  n: 'N', newton: 'N', newtons: 'N', kn: 'kN', 'n/kg': 'N/kg',
  nm: 'N·m', 'n.m': 'N·m', 'n·m': 'N·m', 'n*m': 'N·m', 'n-m': 'N·m', newtonmeter: 'N·m', newtonmeters: 'N·m',
  nmm: 'N·mm', 'n.mm': 'N·mm', 'n·mm': 'N·mm', 'n*mm': 'N·mm', 'n-mm': 'N·mm',
  'nm/kg': 'N·m/kg', 'n.m/kg': 'N·m/kg', 'n·m/kg': 'N·m/kg', 'nmm/kg': 'N·m/kg',
  w: 'W', watt: 'W', watts: 'W', 'w/kg': 'W/kg',
  v: 'V', volt: 'V', volts: 'V', mv: 'mV', millivolts: 'mV', uv: 'µV', 'µv': 'µV', microvolts: 'µV',
  'g': 'g', gs: 'g', 'mg': 'mg',
  'm/s^2': 'm/s²', 'm/(s^2)': 'm/s²', 'm/s2': 'm/s²', 'm/s²': 'm/s²', 'm/sec^2': 'm/s²', mps2: 'm/s²', 'ms^-2': 'm/s²', 'ms-2': 'm/s²',
  'm·s⁻²': 'm/s²', 'm.s-2': 'm/s²',
  'deg/s': 'deg/s', '°/s': 'deg/s', dps: 'deg/s', 'deg/sec': 'deg/s', 'degrees/s': 'deg/s', 'degree/s': 'deg/s',
  'rad/s': 'rad/s', 'rad/sec': 'rad/s', 'radians/s': 'rad/s',
  ut: 'µT', 'µt': 'µT', microtesla: 'µT', mt: 'mT', gauss: 'gauss', mgauss: 'gauss',
  'm/s': 'm/s', mps: 'm/s', 'km/h': 'km/h', kmh: 'km/h', kph: 'km/h', 'km/hr': 'km/h', 'm/min': 'm/min',
  kg: 'kg', kgs: 'kg', kilogram: 'kg', kilograms: 'kg', lb: 'lb', lbs: 'lb', pound: 'lb', pounds: 'lb',
  au: 'AU', 'a.u.': 'AU', arbitraryunits: 'AU', '%': '%', percent: '%', pct: '%',
  bpm: 'bpm', 'beats/min': 'bpm', '1/min': 'bpm', count: 'count', counts: 'count', '#': 'count',
  degc: '°C', '°c': '°C', 'degc.': '°C', celsius: '°C', kpa: 'kPa', pa: 'Pa',
};

/** Canonical unit for a written unit ('N.mm', 'deg C', 'm/s^2', 'uV'…), or null when not recognised. */
export function normaliseUnit(raw: string | null | undefined): CanonicalUnit | null {
  if (raw === null || raw === undefined) return null;
  const outer = raw.trim();
  const trimmed = (/^[[({].*[\])}]$/.test(outer) ? outer.slice(1, -1) : outer).trim();
  if (trimmed === '') return null;
  if (CANONICAL_SET.has(trimmed)) return trimmed as CanonicalUnit;
  // 'mG' (milli-g) and 'G' differ from grams only by case: keep that distinction before lower-casing
  if (trimmed === 'mG') return 'mg';
  const key = trimmed.replace(/μ/g, 'µ').replace(/\s+/g, '').toLowerCase();
  return ALIASES[key] ?? (CANONICAL_SET.has(key) ? (key as CanonicalUnit) : null);
}

/** True when `unit` is one of the canonical spellings. */
export function isCanonicalUnit(unit: string): unit is CanonicalUnit {
  return CANONICAL_SET.has(unit);
}
