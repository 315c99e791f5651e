// Every text reader turns truncated, mutated or random input into a result or a KinetwinError — never
// another exception, a hang, or an absurd allocation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { readTrc } from '../../../src/core/formats/trc/read';
import { readMot } from '../../../src/core/formats/mot/read';
import { readBvh } from '../../../src/core/formats/bvh/read';
import { bvhToTrial } from '../../../src/core/formats/bvh/toTrial';
import { readImu } from '../../../src/core/formats/imu/read';
import { readForceText } from '../../../src/core/formats/forcetext/read';
import { readDelimited } from '../../../src/core/formats/delimited/read';
import { readTrainingLog } from '../../../src/core/formats/traininglog/read';
import { motToTrial } from '../../../src/core/convert/motToTrial';
import { sniffFormat } from '../../../src/core/formats/sniff';
import { readShared } from '../../helpers/shared';

const cases: Array<[string, (b: Uint8Array) => unknown, Uint8Array]> = [
  ['TRC', (b) => readTrc(b), readShared('opensim_core', 'trc_edge_cases', 'exampleFormat.trc')],
  ['MOT', (b) => motToTrial(b), readShared('opensim_core', 'trc_edge_cases', 'gait10dof18musc_ik_CRLF_line_ending.mot')],
  ['STO', (b) => readMot(b), readShared('opensim_core', 'imu', 'orientation_quats.sto')],
  ['BVH', (b) => bvhToTrial(readBvh(b)), readShared('bvh', 'test_mocapbank.bvh').subarray(0, 5000)],
  ['IMU', (b) => readImu(b), readShared('opensim_core', 'imu', 'xsens_MT2022_ACC_GYRO_ROT_ALL_TAB_NAN_00B42D4B.txt')],
  ['force', (b) => readForceText(b), readShared('jump_forceplate', 'Dual-CMJ-Fz.txt').subarray(0, 400)],
  ['CSV', (b) => readDelimited(b), readShared('opensim_core', 'imu', 'apdm_imuData01.csv').subarray(0, 3000)],
  ['log', (b) => readTrainingLog(b), new TextEncoder().encode('Date,Athlete,Minutes,sRPE\n2024-03-01,A,60,5\n2024-03-02,A,45,7\n')],
];

function survives(read: (b: Uint8Array) => unknown, bytes: Uint8Array): boolean {
  try { read(bytes); return true; } catch (e) { return e instanceof KinetwinError; }
}

describe('hostile input', () => {
  for (const [name, read, bytes] of cases) {
    it(`${name}: every truncation and random byte edit gives a result or a KinetwinError`, () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: bytes.length }), fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 6 }), (cut, edits) => {
        const b = bytes.slice(0, cut);
        for (const [pos, value] of edits) if (b.length > 0) b[pos % b.length] = value;
        expect(survives(read, b)).toBe(true);
        sniffFormat(`x.${name}`, b);
      }), { numRuns: 100 });
    });
  }

  it('hundreds of kilobytes of whitespace, one long line or one long header cell end promptly (no regex blow-up)', () => {
    const inputs = [
      `HIERARCHY${'\n \t'.repeat(50000)}`,
      ' \n'.repeat(80000),
      `Date,${' _'.repeat(50000)}(\n1,2\n`,
      `${'1'.repeat(50000)}!\n`,
      `// General information:\n${'a'.repeat(50000)}\n`,
      `name\n${'\t'.repeat(50000)}x\nendheader\ntime\n0\n`,
    ].map((t) => new TextEncoder().encode(t));
    for (const b of inputs) {
      for (const [, read] of cases) expect(survives(read, b)).toBe(true);
      expect(typeof sniffFormat('x.txt', b.subarray(0, 65536)).format).toBe('string');
    }
  });

  it('random bytes never escape as another exception', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => {
      for (const [, read] of cases) expect(survives(read, b)).toBe(true);
      expect(typeof sniffFormat('x', b).format).toBe('string');
    }), { numRuns: 100 });
  });
});
