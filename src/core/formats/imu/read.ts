// One entry point for IMU files: APDM CSV, Xsens MT text, OpenSim quaternion .sto — chosen from the content.

import { KinetwinError } from '../../errors';
import type { Trial } from '../../model/trial';
import { toText } from '../delimited/text';
import { readApdmCsv, type ReadImuOptions } from './apdm';
import { readImuQuaternionSto } from './quaternionSto';
import { readXsensText } from './xsens';

export type ImuVendor = 'apdm' | 'xsens' | 'opensim-sto';

/** Which IMU export `text` is, or null. */
export function imuVendor(text: string): ImuVendor | null {
  const head = text.slice(0, 8192);
  if (/^[ \t]*\/\/[ \t]*(General information|MT Manager|Device information)/im.test(head) || /(^|[\t;,])PacketCounter([\t;,]|$)/m.test(head) && /Acc_X|Quat_q0|Gyr_X/.test(head)) return 'xsens';
  if (/^[ \t]*endheader[ \t]*$/im.test(head) && /DataType\s*=\s*Quaternion/i.test(head)) return 'opensim-sto';
  if (/[^,;\t/]{1,64}\/(Acceleration|Angular Velocity|Magnetic Field|Orientation)\/[A-Za-z]+/.test(head)) return 'apdm';
  return null;
}

/** Read any supported IMU export into a Trial (analogs acc_/gyr_/mag_/quat_…, SI units). */
export function readImu(input: string | Uint8Array, options: ReadImuOptions = {}): Trial {
  const text = toText(input);
  switch (imuVendor(text)) {
    case 'apdm': return readApdmCsv(text, options);
    case 'xsens': return readXsensText(text, options);
    case 'opensim-sto': return readImuQuaternionSto(text, options);
    default: throw new KinetwinError('not a recognised IMU export (APDM CSV, Xsens MT text or OpenSim quaternion .sto)');
  }
}
