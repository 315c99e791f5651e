// Lab axis convention change between Z-up (C3D labs) and Y-up (OpenSim, BVH): a proper rotation of −90°
// about X, (x, y, z) → (x, z, −y), and its inverse (x, y, z) → (x, −z, y). X (usually the walking direction)
// is kept. OpenSim's own C3D → TRC export does not rotate (std_walking2_markers.trc keeps the C3D's Z-up
// values: head marker z ≈ 1.69 m); this is the rotation users apply before OpenSim, applied here to
// points and force-plate corners (plate outputs — forces, moments, COP — follow from the corners).

import type { Trial, UpAxis } from '../model/trial';

export type AxisConvention = 'z-up' | 'y-up';

/** Row-major 3×3 rotation taking `from` coordinates to `to` coordinates. */
export function axisRotation(from: AxisConvention, to: AxisConvention): Float64Array {
  if (from === to) return new Float64Array([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  return from === 'z-up'
    ? new Float64Array([1, 0, 0, 0, 0, 1, 0, -1, 0]) // (x, y, z) → (x, z, −y)
    : new Float64Array([1, 0, 0, 0, 0, -1, 0, 1, 0]); // (x, y, z) → (x, −z, y)
}

/** Rotate packed xyz triples in place: `data` (n × 3) ← R · data. NaN stays NaN. */
export function rotateTriples(data: Float32Array | Float64Array, r: Float64Array): void {
  for (let i = 0; i + 2 < data.length; i += 3) {
    const x = data[i];
    const y = data[i + 1];
    const z = data[i + 2];
    data[i] = r[0] * x + r[1] * y + r[2] * z;
    data[i + 1] = r[3] * x + r[4] * y + r[5] * z;
    data[i + 2] = r[6] * x + r[7] * y + r[8] * z;
  }
}

const UP: Record<AxisConvention, UpAxis> = { 'z-up': 'z', 'y-up': 'y' };

/** A copy of `trial` expressed in the `to` convention (points, plate corners; metadata.upAxis updated). */
export function convertAxes(trial: Trial, from: AxisConvention, to: AxisConvention): Trial {
  const r = axisRotation(from, to);
  const warnings = [...trial.metadata.warnings];
  if (trial.metadata.upAxis !== UP[from]) warnings.push(`convertAxes: the trial says ${trial.metadata.upAxis}-up but was converted as ${from}`);
  let points = trial.points;
  if (points) {
    const data = Float32Array.from(points.data);
    rotateTriples(data, r);
    points = { ...points, data };
  }
  const forcePlates = trial.forcePlates.map((p) => {
    const corners = Float64Array.from(p.corners);
    rotateTriples(corners, r);
    return { ...p, corners };
  });
  return { ...trial, points, forcePlates, metadata: { ...trial.metadata, upAxis: UP[to], warnings } };
}
