// A force plate's frame in the lab from its four C3D corners (C3D user guide, FORCE_PLATFORM:CORNERS; axes as in
// ezc3d's ForcePlatforms: x = c1 − c2, y = c1 − c4 made orthogonal, z = x × y; origin at the corners' mean).

export interface PlateFrame {
  rotation: Float64Array; // 3 × 3 row-major, columns = plate x, y, z axes in the lab (lab = R · plate)
  centre: Float64Array; // 3, metres, lab: geometric centre of the plate surface (mean of the corners)
}

/** Plate frame from `corners` (4 × 3, metres, lab). */
export function plateFrame(corners: Float64Array): PlateFrame {
  const c = corners;
  const x = [c[0] - c[3], c[1] - c[4], c[2] - c[5]];
  const y0 = [c[0] - c[9], c[1] - c[10], c[2] - c[11]];
  const z = cross(x, y0);
  const y = cross(z, x);
  normalise(x);
  normalise(y);
  normalise(z);
  const rotation = new Float64Array([x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]]);
  const centre = new Float64Array(3);
  for (let k = 0; k < 4; k++) for (let a = 0; a < 3; a++) centre[a] += c[k * 3 + a] / 4;
  return { rotation, centre };
}

function cross(a: number[], b: number[]): number[] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function normalise(v: number[]): void {
  const n = Math.hypot(v[0], v[1], v[2]);
  if (n > 0) for (let i = 0; i < 3; i++) v[i] /= n;
}
