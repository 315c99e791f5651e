// Length units as C3D files state them (POINT:UNITS), as factors "file units per metre".

const PER_METRE: Record<string, number> = { mm: 1000, cm: 100, dm: 10, m: 1, in: 1 / 0.0254, ft: 1 / 0.3048 };

/** File units per metre for a length unit string, or undefined when unknown. */
export function lengthUnitsPerMetre(units: string): number | undefined {
  return PER_METRE[units.trim().toLowerCase().replace(/^mms?$/, 'mm').replace(/^millimet(er|re)s?$/, 'mm').replace(/^met(er|re)s?$/, 'm')];
}
