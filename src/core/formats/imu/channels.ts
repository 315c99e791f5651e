// IMU channel naming shared by the vendor readers, in the canonical vocabulary:
// acc_<axis>_<sensor> (m/s²), gyr_<axis>_<sensor> (rad/s), mag_<axis>_<sensor>, quat_<w|x|y|z>_<sensor>,
// roll_/pitch_/yaw_<sensor>, temperature_<sensor>, pressure_<sensor>; sensor names are lower snake case.

import type { Trial } from '../../model/trial';
import { newAnalogData, newTrial } from '../../convert/newTrial';

export interface ImuChannel {
  label: string;
  unit: string;
  description: string; // the file's own column name
  values: Float32Array; // samples
}

/** Lower snake-case sensor name starting with a letter ('Upper' → 'upper', '00B42D4B' → 'imu_00b42d4b'). */
export function sensorName(raw: string): string {
  const s = raw.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (s === '') return 'imu';
  return /^[a-z]/.test(s) ? s : `imu_${s}`;
}

/** Trial holding IMU channels as analogs at `rate` Hz. */
export function imuTrial(vendor: string, channels: ImuChannel[], rate: number, warnings: string[], extra: Record<string, unknown>): Trial {
  const trial = newTrial('imu', 'z', warnings);
  trial.metadata.vendor = vendor;
  trial.analogs = newAnalogData(channels.map((c) => c.label), channels.map((c) => c.unit), rate, channels.map((c) => c.values), channels.map((c) => c.description));
  trial.metadata.extra = extra;
  return trial;
}

/** Median of successive differences of finite times (s), or NaN when fewer than two. */
export function medianStep(times: ArrayLike<number>): number {
  const steps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const d = times[i] - times[i - 1];
    if (Number.isFinite(d) && d > 0) steps.push(d);
  }
  if (steps.length === 0) return Number.NaN;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)];
}
