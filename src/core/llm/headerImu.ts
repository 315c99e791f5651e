// Header rules for inertial sensors: acceleration, angular velocity, magnetic field, orientation, temperature,
// pressure, with the sensor named from its placement or label (APDM, Xsens, Delsys, Noraxon, Shimmer, Movella).

import { matchMuscle } from './headerEmg';
import { AXES, LEFT, RIGHT, finish, firstNumber, lastAxis, sideOf, type RuleMapping } from './headerParts';
import type { CanonicalUnit } from './units';

const IMU_WORDS: Record<string, 'acc' | 'gyr' | 'mag' | 'quat' | 'temperature' | 'pressure'> = {
  acc: 'acc', accel: 'acc', acceleration: 'acc', accelerometer: 'acc', accelerations: 'acc',
  gyr: 'gyr', gyro: 'gyr', gyroscope: 'gyr', angvel: 'gyr', mag: 'mag', magn: 'mag', magnetometer: 'mag',
  quat: 'quat', quaternion: 'quat', orientation: 'quat', temperature: 'temperature', temp: 'temperature',
  pressure: 'pressure', baro: 'pressure',
};
const IMU_NOISE = new Set(['sensor', 'imu', 'trigno', 'im', 'avanti', 'field', 'velocity', 'angular', 'magnetic', 'scalar', 'data', 'raw', 'calibrated', 'value', 'q', 'cal', 'uncal', 'ln', 'wr', 'lsm', 'hg']);

function sensorName(rest: string[]): string {
  const side = sideOf(rest);
  const words = rest.filter((t) => !RIGHT.has(t) && !LEFT.has(t) && !IMU_NOISE.has(t) && !/^\d+$/.test(t));
  const muscle = matchMuscle(words);
  const base = muscle ?? words.join('_');
  if (base === '') {
    const n = firstNumber(rest);
    return n === null ? 'imu' : `sensor${n}`;
  }
  return side ? `${base}_${side}` : base;
}

export function mapImu(tokens: string[], unit: CanonicalUnit | null): RuleMapping | null {
  let kind: (typeof IMU_WORDS)[string] | null = null;
  let kindIndex = -1;
  for (let i = 0; i < tokens.length && kind === null; i++) {
    if (IMU_WORDS[tokens[i]]) { kind = IMU_WORDS[tokens[i]]; kindIndex = i; }
  }
  const has = (t: string): boolean => tokens.includes(t);
  if (kind === null && has('angular') && has('velocity')) kind = 'gyr';
  if (kind === null && has('magnetic')) kind = 'mag';
  // Xsens DOT writes Euler_X/Y/Z for roll, pitch, yaw
  const eulerAxis = has('euler') ? lastAxis(tokens) : null;
  if (kind === null && eulerAxis) {
    const rest = tokens.filter((t) => t !== 'euler' && !AXES.has(t));
    return finish(`${({ x: 'roll', y: 'pitch', z: 'yaw' } as const)[eulerAxis]}_${sensorName(rest)}`, unit, 0.85);
  }
  const euler = tokens.find((t) => t === 'roll' || t === 'pitch' || t === 'yaw');
  if (kind === null && euler) {
    const rest = tokens.filter((t) => t !== euler && t !== 'euler' && t !== 'angle');
    return finish(`${euler}_${sensorName(rest)}`, unit, 0.85);
  }
  if (kind === null) return null;
  const consumed = new Set<number>([kindIndex]);
  let comp: string | null = null;
  if (kind === 'quat') {
    // q0..q3 (Xsens) or Orientation/Scalar,X,Y,Z (APDM) or quat_w…
    const qi = tokens.findIndex((t, i) => /^[0-3]$/.test(t) && tokens[i - 1] === 'q');
    if (qi >= 0) { comp = 'wxyz'[Number(tokens[qi])]; consumed.add(qi); }
    else if (has('scalar') || has('w')) comp = 'w';
    else comp = lastAxis(tokens);
  } else if (kind === 'temperature' || kind === 'pressure') {
    comp = '';
  } else {
    comp = lastAxis(tokens);
  }
  if (comp === null) return null;
  const rest = tokens.filter((t, i) => !consumed.has(i) && !IMU_WORDS[t] && !AXES.has(t) && t !== 'w' && t !== 'free');
  const sensor = sensorName(rest);
  if (kind === 'temperature' || kind === 'pressure') return finish(`${kind}_${sensor}`, unit, 0.85);
  return finish(`${kind}_${comp}_${sensor}`, unit, 0.9);
}
