// OpenSim orientation `.sto` (DataType=Quaternion: one `w,x,y,z` cell per sensor) → Trial with
// quat_w_<sensor>, quat_x_… analog channels at the file's DataRate (else its time steps).

import { KinetwinError } from '../../errors';
import type { Trial } from '../../model/trial';
import { readMot } from '../mot/read';
import { motColumnValues } from '../mot/table';
import { imuTrial, medianStep, sensorName, type ImuChannel } from './channels';
import type { ReadImuOptions } from './apdm';

/** Read an OpenSim quaternion orientation file (text or bytes). */
export function readImuQuaternionSto(input: string | Uint8Array, options: ReadImuOptions = {}): Trial {
  const table = readMot(input);
  const warnings = [...table.warnings];
  if ((table.header.DataType ?? 'Quaternion').toLowerCase() !== 'quaternion') throw new KinetwinError(`orientation file DataType is '${table.header.DataType}', expected Quaternion`);
  const time = motColumnValues(table, 0);
  const channels: ImuChannel[] = [];
  const sensors: string[] = [];
  for (let c = 1; c < table.columns.length; c++) {
    const m = /^(.*)_([wxyz])$/.exec(table.columns[c]);
    if (!m) throw new KinetwinError(`orientation column '${table.columns[c]}' does not hold quaternion cells (w,x,y,z)`);
    const sensor = sensorName(m[1]);
    if (m[2] === 'w') sensors.push(sensor);
    channels.push({ label: `quat_${m[2]}_${sensor}`, unit: '1', description: table.columns[c], values: Float32Array.from(motColumnValues(table, c)) });
  }
  if (options.rate !== undefined && !(Number.isFinite(options.rate) && options.rate > 0)) throw new KinetwinError(`IMU rate ${options.rate} Hz is not a positive number`);
  let rate = options.rate ?? Number(table.header.DataRate ?? Number.NaN);
  if (Number.isNaN(rate)) rate = 1 / medianStep(time);
  if (!Number.isFinite(rate) || rate <= 0) throw new KinetwinError('orientation file states no DataRate and has no usable time column; pass the rate');
  return imuTrial('OpenSim', channels, rate, warnings, { sensors, startTime: table.rows > 0 ? time[0] : 0 });
}
