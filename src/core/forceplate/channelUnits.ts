// Factors from the units analog channels state (ANALOG:UNITS: 'N', 'nt', 'Nmm', 'ntmm', 'N.m', …) to SI.

const norm = (u: string): string => u.trim().toLowerCase().replace(/[.·*\s_-]/g, '').replace(/^nt/, 'n').replace(/newtons?/g, 'n');

/** N per channel unit for a force; 1 when the unit is not a force unit (e.g. 'V' on scaled Kistler channels). */
export function forceFactor(units: string): number {
  const u = norm(units);
  if (u === 'kn') return 1000;
  if (u === 'lbf' || u === 'lb') return 4.4482216152605;
  return 1;
}

/** N·m per channel unit for a moment; `lengthPerMetre` (point units) decides when the unit is not stated. */
export function momentFactor(units: string, lengthPerMetre: number): number {
  const u = norm(units);
  if (u === 'nmm') return 0.001;
  if (u === 'ncm') return 0.01;
  if (u === 'nm' || u === 'mn') return 1;
  if (u === 'knm') return 1000;
  return 1 / lengthPerMetre;
}

/** m per channel unit for a length (type-1 COP channels); point units when not a length unit. */
export function lengthFactor(units: string, lengthPerMetre: number): number {
  const u = norm(units);
  if (u === 'mm') return 0.001;
  if (u === 'cm') return 0.01;
  if (u === 'm') return 1;
  return 1 / lengthPerMetre;
}
