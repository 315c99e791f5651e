// Xsens MT Manager text export → Trial. `//` preamble (DeviceId, Coordinate system, Update Rate), then a
// header row (tab, semicolon or comma separated) such as PacketCounter SampleTimeFine Acc_X … Gyr_X … Mag_X …
// Quat_q0…q3 Roll Pitch Yaw Mat[i][j]. Acc m/s², Gyr rad/s (deg/s when the header says so), Mag a.u.,
// Quat_q0 is the scalar part. SampleTimeFine counts 10 kHz ticks.

import { KinetwinError } from '../../errors';
import type { Trial } from '../../model/trial';
import { readDelimited } from '../delimited/read';
import { splitLines, toText } from '../delimited/text';
import { imuTrial, medianStep, sensorName, type ImuChannel } from './channels';
import type { ReadImuOptions } from './apdm';

const SAMPLE_TIME_FINE_HZ = 10000;

/** Map an Xsens column name to a canonical quantity/axis, or null to keep it under its own name. */
function mapColumn(header: string): { label: string; unit: string; scale: number } | null {
  const h = header.trim();
  let m = /^Acc_([XYZ])$/i.exec(h);
  if (m) return { label: `acc_${m[1].toLowerCase()}`, unit: 'm/s²', scale: 1 };
  m = /^FreeAcc_([ENUXYZ])$/i.exec(h);
  if (m) return { label: `free_acc_${m[1].toLowerCase()}`, unit: 'm/s²', scale: 1 };
  m = /^Gyr_([XYZ])(?:\s*\(?(deg\/s|rad\/s)\)?)?$/i.exec(h);
  if (m) return { label: `gyr_${m[1].toLowerCase()}`, unit: 'rad/s', scale: m[2]?.toLowerCase() === 'deg/s' ? Math.PI / 180 : 1 };
  m = /^Mag_([XYZ])$/i.exec(h);
  if (m) return { label: `mag_${m[1].toLowerCase()}`, unit: 'AU', scale: 1 };
  m = /^Quat_q([0-3])$/i.exec(h);
  if (m) return { label: `quat_${'wxyz'[Number(m[1])]}`, unit: '1', scale: 1 };
  m = /^(Roll|Pitch|Yaw)$/i.exec(h);
  if (m) return { label: m[1].toLowerCase(), unit: 'deg', scale: 1 };
  m = /^Mat\[(\d)\]\[(\d)\]$/i.exec(h);
  if (m) return { label: `mat${m[1]}${m[2]}`, unit: '1', scale: 1 };
  return null;
}

const BOOKKEEPING = /^(PacketCounter|SampleTimeFine|SampleTimeCoarse|Year|Month|Day|Second|UTC_.*|Hour|Minute|Nano|StatusWord|Status)$/i;

/** Read an Xsens MT text export (text or bytes). Rate: options.rate, else SampleTimeFine, else `Update Rate`, else 100 Hz (warned). */
export function readXsensText(input: string | Uint8Array, options: ReadImuOptions = {}): Trial {
  const text = toText(input);
  const lines = splitLines(text);
  const preamble = lines.filter((l) => l.startsWith('//')).map((l) => l.replace(/^\/\/\s*/, ''));
  const body = lines.filter((l) => !l.startsWith('//') && l.trim() !== '').join('\n');
  if (body === '') throw new KinetwinError('Xsens file holds no table');
  const info: Record<string, string> = {};
  for (const l of preamble) {
    const m = /^([^:]+):\s*(.*)$/.exec(l);
    if (m && m[2].trim() !== '') info[m[1].trim()] = m[2].trim();
  }
  const table = readDelimited(body);
  const warnings = [...table.warnings];
  if (table.headers[0]?.startsWith('column')) throw new KinetwinError('Xsens file has no header row');
  const sensor = sensorName(options.sensor ?? info.DeviceId ?? 'xsens');
  const channels: ImuChannel[] = [];
  let fine = -1;
  table.headers.forEach((header, c) => {
    if (/^SampleTimeFine$/i.test(header)) fine = c;
    if (BOOKKEEPING.test(header)) return;
    const mapped = mapColumn(header);
    const values = new Float32Array(table.columns[c].length);
    const scale = mapped?.scale ?? 1;
    for (let i = 0; i < values.length; i++) values[i] = table.columns[c][i] * scale;
    channels.push({ label: `${mapped?.label ?? sensorName(header)}_${sensor}`, unit: mapped?.unit ?? '', description: header, values });
  });
  if (channels.length === 0) throw new KinetwinError('Xsens file holds no sensor columns');

  if (options.rate !== undefined && !(Number.isFinite(options.rate) && options.rate > 0)) throw new KinetwinError(`IMU rate ${options.rate} Hz is not a positive number`);
  let rate = options.rate ?? Number.NaN;
  const fromTicks = fine >= 0 ? SAMPLE_TIME_FINE_HZ / medianStep(table.columns[fine]) : Number.NaN;
  const updateRate = Object.entries(info).find(([k]) => /update rate|sample rate|output rate/i.test(k));
  if (Number.isNaN(rate) && Number.isFinite(fromTicks)) rate = fromTicks;
  if (Number.isNaN(rate) && updateRate) rate = Number.parseFloat(updateRate[1]);
  if (Number.isNaN(rate)) { rate = 100; warnings.push('Xsens file gives no timestamps or update rate: 100 Hz assumed; pass the rate'); }
  if (!Number.isFinite(rate) || rate <= 0) throw new KinetwinError(`Xsens sample rate ${rate} Hz is not a positive number`);
  return imuTrial('Xsens', channels, rate, warnings, {
    sensors: [sensor], startTime: 0, deviceId: info.DeviceId ?? '', coordinateSystem: info['Coordinate system'] ?? '', productCode: info.ProductCode ?? '',
  });
}
