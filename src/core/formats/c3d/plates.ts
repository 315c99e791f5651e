// FORCE_PLATFORM group → ForcePlate descriptions (C3D user guide, "FORCE_PLATFORM group"): TYPE, CORNERS
// (3 × 4 × N, point units), ORIGIN (3 × N), CHANNEL (6 or 8 × N, 1-based), CAL_MATRIX (rows × cols × N).
import type { ForcePlate } from '../../model/trial';
import type { C3dParameters } from './parameters';
import { getCount, getNumbers, getParam } from './paramAccess';

/** Plates described by FORCE_PLATFORM; geometry converted to metres with `unitsPerMetre`. */
export function readForcePlates(params: C3dParameters, unitsPerMetre: number, analogCount: number, warnings: string[]): ForcePlate[] {
  if (!params.groups.has('FORCE_PLATFORM')) return [];
  const types = getNumbers(params, 'FORCE_PLATFORM', 'TYPE') ?? [];
  let used = getCount(params, 'FORCE_PLATFORM', 'USED') ?? types.length;
  if (used > types.length) {
    warnings.push(`FORCE_PLATFORM:USED is ${used} but TYPE lists ${types.length} plates`);
    used = types.length;
  }
  const corners = getNumbers(params, 'FORCE_PLATFORM', 'CORNERS') ?? [];
  const origins = getNumbers(params, 'FORCE_PLATFORM', 'ORIGIN') ?? [];
  const channelParam = getParam(params, 'FORCE_PLATFORM', 'CHANNEL');
  const channels = getNumbers(params, 'FORCE_PLATFORM', 'CHANNEL') ?? [];
  const channelRows = channelParam && channelParam.dims.length >= 2 ? channelParam.dims[0] : 6;
  const calParam = getParam(params, 'FORCE_PLATFORM', 'CAL_MATRIX');
  const cal = getNumbers(params, 'FORCE_PLATFORM', 'CAL_MATRIX') ?? [];
  const plates: ForcePlate[] = [];
  for (let i = 0; i < used; i++) {
    const type = types[i];
    if (type !== 1 && type !== 2 && type !== 3 && type !== 4) {
      warnings.push(`force plate ${i + 1} has unsupported type ${type}; skipped`);
      continue;
    }
    const n = type === 3 ? 8 : 6;
    if (corners.length < 12 * (i + 1) || channels.length < channelRows * i + n || channelRows < n) {
      warnings.push(`force plate ${i + 1}: CORNERS or CHANNEL incomplete; skipped`);
      continue;
    }
    const plateChannels: number[] = [];
    for (let k = 0; k < n; k++) plateChannels.push(channels[channelRows * i + k] - 1);
    if (plateChannels.some((c) => c < 0 || c >= analogCount)) {
      warnings.push(`force plate ${i + 1} refers to analog channels outside 1..${analogCount}`);
    }
    const plateCorners = new Float64Array(12);
    for (let k = 0; k < 12; k++) plateCorners[k] = corners[12 * i + k] / unitsPerMetre;
    const origin = new Float64Array(3);
    if (origins.length >= 3 * (i + 1)) for (let k = 0; k < 3; k++) origin[k] = origins[3 * i + k] / unitsPerMetre;
    else warnings.push(`force plate ${i + 1}: ORIGIN missing; using 0`);
    plates.push({ type, corners: plateCorners, origin, channels: plateChannels, calMatrix: readCalMatrix(calParam?.dims ?? [], cal, i) });
  }
  return plates;
}

/** Plate i's calibration matrix as 6 × 6 row-major (element (r, c) stored at r + rows·c), or null if absent/zero. */
function readCalMatrix(dims: number[], values: number[], i: number): Float64Array | null {
  if (dims.length < 2 || dims[0] < 6 || dims[1] < 6) return null;
  const size = dims[0] * dims[1];
  if (values.length < size * (i + 1)) return null;
  const m = new Float64Array(36);
  let nonZero = false;
  for (let r = 0; r < 6; r++) {
    for (let c = 0; c < 6; c++) {
      const v = values[size * i + r + dims[0] * c];
      m[r * 6 + c] = v;
      if (v !== 0) nonZero = true;
    }
  }
  return nonZero ? m : null;
}
