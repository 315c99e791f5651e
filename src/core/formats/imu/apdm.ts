// APDM (Opal / Mobility Lab) CSV export → Trial. Columns `<Sensor>/<Quantity>/<Axis>` under a units row;
// preamble `Sample Rate:,128,Hz`. Acceleration → m/s², angular velocity → rad/s, orientation scalar-first.

import { KinetwinError } from '../../errors';
import type { Trial } from '../../model/trial';
import { readDelimited } from '../delimited/read';
import { accelerationScale, angularRateScale } from '../units';
import { imuTrial, medianStep, sensorName, type ImuChannel } from './channels';

export interface ReadImuOptions {
  rate?: number; // Hz; overrides the file's rate and timestamps
  sensor?: string; // sensor name for single-sensor exports without one (Xsens: default the DeviceId)
}

const QUANTITY: Record<string, string> = {
  acceleration: 'acc', 'angular velocity': 'gyr', 'magnetic field': 'mag', orientation: 'quat', temperature: 'temperature', pressure: 'pressure',
};

/** Read an APDM CSV export (text or bytes). */
export function readApdmCsv(input: string | Uint8Array, options: ReadImuOptions = {}): Trial {
  const table = readDelimited(input);
  const warnings = [...table.warnings];
  const timeIndex = table.headers.findIndex((h) => h.toLowerCase() === 'time');
  const channels: ImuChannel[] = [];
  const sensors = new Set<string>();
  table.headers.forEach((header, c) => {
    if (c === timeIndex) return;
    const parts = header.split('/').map((p) => p.trim());
    if (parts.length !== 3) { warnings.push(`APDM column '${header}' is not Sensor/Quantity/Axis; skipped`); return; }
    const sensor = sensorName(parts[0]);
    sensors.add(sensor);
    const quantity = QUANTITY[parts[1].toLowerCase()];
    const unitText = table.units?.[c] ?? '';
    const axis = parts[2].toLowerCase() === 'scalar' ? (quantity === 'quat' ? 'w' : '') : parts[2].toLowerCase();
    let scale = 1;
    let unit = unitText;
    if (quantity === 'acc') { const s = accelerationScale(unitText || 'm/s^2'); if (s === null) throw new KinetwinError(`APDM column '${header}': unknown acceleration unit '${unitText}'`); scale = s; unit = 'm/s²'; }
    else if (quantity === 'gyr') { const s = angularRateScale(unitText || 'rad/s'); if (s === null) throw new KinetwinError(`APDM column '${header}': unknown angular-rate unit '${unitText}'`); scale = s; unit = 'rad/s'; }
    else if (quantity === 'mag') unit = /^u?t$|µt/i.test(unitText) ? 'µT' : unitText;
    else if (quantity === 'quat') unit = '1';
    else if (quantity === 'temperature') unit = /deg\s*c|°c/i.test(unitText) ? '°C' : unitText;
    const label = quantity === undefined ? `${sensorName(parts[1])}_${sensorName(parts[2])}_${sensor}`
      : axis === '' ? `${quantity}_${sensor}` : `${quantity}_${axis}_${sensor}`;
    const values = new Float32Array(table.columns[c].length);
    for (let i = 0; i < values.length; i++) values[i] = table.columns[c][i] * scale;
    channels.push({ label, unit, description: header, values });
  });
  if (channels.length === 0) throw new KinetwinError('APDM file holds no Sensor/Quantity/Axis columns');

  if (options.rate !== undefined && !(Number.isFinite(options.rate) && options.rate > 0)) throw new KinetwinError(`IMU rate ${options.rate} Hz is not a positive number`);
  let rate = options.rate ?? Number.NaN;
  const stated = table.preamble.map((l) => /^sample rate:[,;\t]\s*([0-9.]+)/i.exec(l)).find((m) => m !== null);
  const fromTimes = timeIndex >= 0 ? 1 / medianStep(table.columns[timeIndex]) : Number.NaN;
  if (Number.isNaN(rate)) rate = stated ? Number(stated[1]) : fromTimes;
  if (!Number.isFinite(rate) || rate <= 0) throw new KinetwinError('APDM file states no sample rate and has no usable Time column; pass the rate');
  if (Number.isFinite(fromTimes) && Math.abs(fromTimes / rate - 1) > 0.01) warnings.push(`APDM timestamps step at ${fromTimes.toPrecision(6)} Hz but the rate is ${rate} Hz`);
  const startTime = timeIndex >= 0 ? table.columns[timeIndex][0] : 0;
  const test = table.preamble.map((l) => /^test name:[,;\t]\s*(.*)$/i.exec(l)).find((m) => m !== null);
  return imuTrial('APDM', channels, rate, warnings, { sensors: [...sensors], startTime, testName: test ? test[1] : '' });
}
