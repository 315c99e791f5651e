// An IK result as an OpenSim MOT table (REFERENCE.md §7), written by the project's MOT writer: a `time`
// column then one column per coordinate; rotations in degrees when inDegrees, translations in metres.
import { writeMot } from '../formats/mot/write';
import type { MotTable } from '../formats/mot/table';
import type { IkResult } from './ik';
import type { BodyModel } from './model';

export function coordinatesMotTable(model: BodyModel, ik: IkResult, name = 'inverse_kinematics', inDegrees = true): MotTable {
  const n = ik.coordinateNames.length;
  const scale = ik.coordinateNames.map((c) => (inDegrees && model.coordinates.find((x) => x.name === c)?.kind === 'rotation' ? 180 / Math.PI : 1));
  const data = new Float64Array(ik.frames * (n + 1));
  for (let f = 0; f < ik.frames; f++) {
    data[f * (n + 1)] = ik.time[f];
    for (let c = 0; c < n; c++) data[f * (n + 1) + 1 + c] = ik.coordinates[f * n + c] * scale[c];
  }
  return { name, version: 1, inDegrees, columns: ['time', ...ik.coordinateNames], data, rows: ik.frames, header: {}, warnings: [] };
}

/** MOT text of an IK result (OpenSim `inDegrees=yes` by default). */
export function writeCoordinatesMot(model: BodyModel, ik: IkResult, name = 'inverse_kinematics', inDegrees = true): string {
  return writeMot(coordinatesMotTable(model, ik, name, inDegrees));
}
