import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../../src/core/errors';
import { readMot } from '../../../../src/core/formats/mot/read';
import { writeMot } from '../../../../src/core/formats/mot/write';
import { motColumn, type MotTable } from '../../../../src/core/formats/mot/table';
import { sharedData } from '../../../helpers/shared';
import { sameValues } from '../sameValues';

const text = (...p: string[]) => readFileSync(sharedData(...p), 'utf8');
const at = (t: MotTable, row: number, label: string) => t.data[row * t.columns.length + motColumn(t, label)];

describe('readMot on OpenSim files', () => {
  it('gait10dof18musc GRF (version 1, trailing tabs): 1501 rows × 19 columns, degrees', () => {
    const t = readMot(text('opensim_core', 'gait10dof18musc', 'subject01_walk_grf.mot'));
    expect(t.name).toBe('subject01_walk1_grf.mot');
    expect(t.version).toBe(1);
    expect(t.inDegrees).toBe(true);
    expect(t.rows).toBe(1501);
    expect(t.columns.length).toBe(19);
    expect(t.columns[7]).toBe('1_ground_force_vx');
    expect(at(t, 0, 'ground_force_vy')).toBe(745.4661142);
    expect(at(t, 1500, 'time')).toBe(2.5);
    expect(at(t, 1500, '1_ground_torque_z')).toBe(0.99444594);
    expect(t.header.nRows).toBe('1501');
    expect(t.warnings).toEqual([]);
  });

  it('rajagopal grf_walk (inDegrees=no): 4778 rows', () => {
    const t = readMot(text('opensim_core', 'rajagopal_walk', 'grf_walk.mot'));
    expect(t.inDegrees).toBe(false);
    expect(t.rows).toBe(4778);
    expect(at(t, 0, 'ground_force_r_px')).toBe(331.7057913303967);
    expect(at(t, 4777, 'time')).toBe(2.3885);
  });

  it('running GRF with the legacy datarows/datacolumns header and space-padded labels', () => {
    const t = readMot(text('opensim_core', 'running', 'runningModel_GRF_data.mot'));
    expect(t.version).toBe(0);
    expect(t.name).toBe('runningModel_GRF_data.mot');
    expect(t.header.datarows).toBe('691');
    expect(t.header.range).toBe('0.860000 1.550000');
    expect(t.rows).toBe(691);
    expect(t.columns[0]).toBe('time');
    expect(t.columns[1]).toBe('R_ground_force_vx');
    expect(at(t, 3, 'R_ground_force_vy')).toBe(10.373308);
    expect(at(t, 690, 'time')).toBe(1.55);
    expect(t.inDegrees).toBe(false);
    expect(t.warnings).toEqual([]);
  });

  it('IK results without inDegrees but "Angles are in degrees." read as degrees, with a warning', () => {
    const t = readMot(text('opensim_core', 'gait2354_ik', 'subject01_walk1_ik_for_ID.mot'));
    expect(t.name).toBe('Coordinates');
    expect(t.rows).toBe(211);
    expect(t.columns.length).toBe(24);
    expect(t.inDegrees).toBe(true);
    expect(t.warnings.some((w) => w.includes('Angles are in degrees'))).toBe(true);
    expect(at(t, 0, 'time')).toBe(0.5);
    expect(at(t, 0, 'knee_angle_r')).toBe(-17.89026917);
    expect(at(t, 210, 'time')).toBe(4);
  });

  it('the CRLF IK edge case reads the same with LF and with real CRLF endings', () => {
    const raw = text('opensim_core', 'trc_edge_cases', 'gait10dof18musc_ik_CRLF_line_ending.mot');
    const a = readMot(raw);
    const b = readMot(raw.replace(/\r?\n/g, '\r\n'));
    expect(a.rows).toBe(15);
    expect(a.columns.length).toBe(11);
    expect(a.inDegrees).toBe(true);
    expect(at(a, 0, 'pelvis_tilt')).toBe(10.32995988);
    expect(at(a, 14, 'lumbar_extension')).toBe(-22.39156625);
    expect(sameValues(b.data, a.data)).toBe(true);
    expect(b.columns).toEqual(a.columns);
  });

  it('orientation_quats.sto (version 3, DataType=Quaternion) expands each sensor to w, x, y, z columns', () => {
    const t = readMot(text('opensim_core', 'imu', 'orientation_quats.sto'));
    expect(t.version).toBe(3);
    expect(t.header.DataRate).toBe('100.000000');
    expect(t.header.DataType).toBe('Quaternion');
    expect(t.rows).toBe(6);
    expect(t.columns.length).toBe(1 + 7 * 4);
    expect(t.columns.slice(1, 5)).toEqual(['pelvis_imu_w', 'pelvis_imu_x', 'pelvis_imu_y', 'pelvis_imu_z']);
    expect(at(t, 0, 'pelvis_imu_w')).toBe(0.5064886386335554);
    expect(at(t, 5, 'tibia_r_imu_z')).toBe(-0.7452223975105876);
  });

  it('NaN in any case, blanks and e-notation', () => {
    const t = readMot('x\nversion=1\nnRows=3\nnColumns=3\ninDegrees=no\nendheader\ntime\ta\tb\n0\tNaN\t1e-3\n0.1\tnan\t\n0.2\t-NAN(ind)\t2.5E+2\n');
    expect(t.rows).toBe(3);
    expect(Number.isNaN(at(t, 0, 'a')) && Number.isNaN(at(t, 1, 'a')) && Number.isNaN(at(t, 2, 'a'))).toBe(true);
    expect(at(t, 0, 'b')).toBe(0.001);
    expect(Number.isNaN(at(t, 1, 'b'))).toBe(true);
    expect(at(t, 2, 'b')).toBe(250);
  });
});

describe('readMot rejects bad input', () => {
  it('no endheader, garbage, empty', () => {
    expect(() => readMot('')).toThrow(KinetwinError);
    expect(() => readMot('time\ta\n0\t1\n')).toThrow(/endheader/);
    expect(() => readMot(new Uint8Array([0xff, 0xfe, 0, 1]))).toThrow(KinetwinError);
  });
  it('a file truncated right after endheader', () => {
    expect(() => readMot('x\nversion=1\nendheader\n')).toThrow(/no column labels/);
  });
  it('non-numeric cells name their row and column', () => {
    expect(() => readMot('x\nendheader\ntime\ta\n0\tfoo\n')).toThrow(/row 1, column 'a'/);
  });
  it('a header that declares absurd sizes is only a warning: sizes come from the text', () => {
    const t = readMot('x\nversion=1\nnRows=999999999999\nnColumns=3\nendheader\ntime\ta\n0\t1\n');
    expect(t.rows).toBe(1);
    expect(t.warnings.length).toBe(2);
  });
});

describe('writeMot', () => {
  it('round-trips the GRF file exactly (version 1)', () => {
    const t = readMot(text('opensim_core', 'gait10dof18musc', 'subject01_walk_grf.mot'));
    const back = readMot(writeMot(t));
    expect(back.columns).toEqual(t.columns);
    expect(back.rows).toBe(t.rows);
    expect(back.inDegrees).toBe(true);
    expect(sameValues(back.data, t.data)).toBe(true);
    expect(back.warnings).toEqual([]);
  });

  it('writes version 3 with the table header keys (DataRate) kept', () => {
    const t = readMot(text('opensim_core', 'rajagopal_walk', 'grf_walk.mot'));
    t.header.DataRate = '2000';
    const out = writeMot(t, { version: 3 });
    expect(out).toContain('DataRate=2000\n');
    expect(out).toContain('version=3\nendheader\ntime\t');
    const back = readMot(out);
    expect(back.version).toBe(3);
    expect(back.header.DataRate).toBe('2000');
    expect(sameValues(back.data, t.data)).toBe(true);
  });

  it('round-trips any table (property: labels, NaN, e-notation-sized values, degrees flag, version)', () => {
    const label = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{0,11}$/);
    const arb = fc.record({
      labels: fc.uniqueArray(label, { minLength: 1, maxLength: 6 }),
      rows: fc.integer({ min: 0, max: 10 }),
      inDegrees: fc.boolean(),
      version: fc.constantFrom(1 as const, 3 as const),
      values: fc.array(fc.oneof(fc.double({ noDefaultInfinity: true }), fc.constant(Number.NaN)), { minLength: 70, maxLength: 70 }),
    });
    fc.assert(fc.property(arb, ({ labels, rows, inDegrees, version, values }) => {
      const columns = ['time', ...labels.filter((l) => l.toLowerCase() !== 'time')];
      const data = new Float64Array(rows * columns.length);
      for (let i = 0; i < data.length; i++) data[i] = values[i % values.length];
      const table: MotTable = { name: 'prop', version, inDegrees, columns, data, rows, header: {}, warnings: [] };
      const back = readMot(writeMot(table));
      expect(back.columns).toEqual(columns);
      expect(back.rows).toBe(rows);
      expect(back.inDegrees).toBe(inDegrees);
      expect(back.version).toBe(version);
      for (let i = 0; i < data.length; i++) expect(Object.is(back.data[i], data[i]) || (data[i] === 0 && back.data[i] === 0)).toBe(true);
    }), { numRuns: 100 });
  });

  it('refuses labels with tabs and inconsistent data length', () => {
    const base: MotTable = { name: 'x', version: 1, inDegrees: false, columns: ['time', 'a\tb'], data: new Float64Array(2), rows: 1, header: {}, warnings: [] };
    expect(() => writeMot(base)).toThrow(KinetwinError);
    expect(() => writeMot({ ...base, columns: ['time', 'a'], rows: 3 })).toThrow(/holds 2 values/);
  });
});
