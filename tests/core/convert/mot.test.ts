import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { motToTrial } from '../../../src/core/convert/motToTrial';
import { trialToGrfMot, trialToGrfTable } from '../../../src/core/convert/trialToGrfMot';
import { trialAnalogsToMot } from '../../../src/core/convert/trialToMot';
import { newTrial } from '../../../src/core/convert/newTrial';
import { readMot } from '../../../src/core/formats/mot/read';
import { writeMot } from '../../../src/core/formats/mot/write';
import { readForceText } from '../../../src/core/formats/forcetext/read';
import { readShared, sharedData } from '../../helpers/shared';

const text = (...p: string[]) => readFileSync(sharedData(...p), 'utf8');

describe('motToTrial', () => {
  it('groups the gait10dof18musc GRF columns into two plates at 600 Hz', () => {
    const t = motToTrial(text('opensim_core', 'gait10dof18musc', 'subject01_walk_grf.mot'));
    const a = t.analogs!;
    expect(a.rate).toBeCloseTo(600, 9);
    expect(a.samples).toBe(1501);
    expect(a.labels.length).toBe(18);
    expect(a.units[a.labels.indexOf('ground_force_vy')]).toBe('N');
    expect(a.units[a.labels.indexOf('ground_force_px')]).toBe('m');
    expect(a.units[a.labels.indexOf('1_ground_torque_z')]).toBe('N·m');
    const grf = t.metadata.extra!.grf as Array<{ plate: string; force: number[]; point: number[]; torque: number[] }>;
    expect(grf.map((g) => g.plate)).toEqual(['', '1']);
    expect(grf[1].force.map((i) => a.labels[i])).toEqual(['1_ground_force_vx', '1_ground_force_vy', '1_ground_force_vz']);
    expect(a.channels[grf[0].force[1]][0]).toBeCloseTo(745.4661142, 3);
    expect(t.metadata.upAxis).toBe('y');
  });

  it('names plates by side in rajagopal (r, l; 2000 Hz) and running (R, L; 1000 Hz, starts at 0.86 s)', () => {
    const raj = motToTrial(readShared('opensim_core', 'rajagopal_walk', 'grf_walk.mot'));
    expect((raj.metadata.extra!.grf as Array<{ plate: string }>).map((g) => g.plate)).toEqual(['r', 'l']);
    expect(raj.analogs!.rate).toBeCloseTo(2000, 6);
    const run = motToTrial(readShared('opensim_core', 'running', 'runningModel_GRF_data.mot'));
    expect((run.metadata.extra!.grf as Array<{ plate: string }>).map((g) => g.plate)).toEqual(['R', 'L']);
    expect(run.analogs!.rate).toBeCloseTo(1000, 6);
    expect(run.metadata.extra!.startTime).toBe(0.86);
  });

  it('uses the STO DataRate, and degrees for IK angles', () => {
    const ik = motToTrial(text('opensim_core', 'gait2354_ik', 'subject01_walk1_ik_for_ID.mot'));
    expect(ik.analogs!.rate).toBeCloseTo(60, 6);
    expect(ik.analogs!.units[ik.analogs!.labels.indexOf('knee_angle_r')]).toBe('deg');
    expect(ik.analogs!.units[ik.analogs!.labels.indexOf('pelvis_tx')]).toBe('m');
  });

  it('MOT → Trial → MOT keeps every value (float32 channels)', () => {
    const table = readMot(text('opensim_core', 'trc_edge_cases', 'gait10dof18musc_ik_CRLF_line_ending.mot'));
    const back = readMot(writeMot(trialAnalogsToMot(motToTrial(table))));
    expect(back.columns).toEqual(table.columns);
    expect(back.inDegrees).toBe(true);
    for (let i = 0; i < table.data.length; i++) expect(back.data[i]).toBeCloseTo(table.data[i], 5);
  });

  it('rejects a table whose time does not advance', () => {
    expect(() => motToTrial('x\nendheader\ntime\ta\n1\t1\n1\t2\n')).toThrow(KinetwinError);
  });
});

describe('trialToGrfMot', () => {
  // analytic plate: centre (1, 0.5, 0) m, F = (10, −20, 700) N, COP = centre + (0.1, 0.2, 0), free moment 5 N·m about z
  const trial = newTrial('c3d', 'z');
  trial.forcePlates = [{ type: 2, corners: new Float64Array([1.3, 0.7, 0, 0.7, 0.7, 0, 0.7, 0.3, 0, 1.3, 0.3, 0]), origin: new Float64Array(3), channels: [0, 1, 2, 3, 4, 5], calMatrix: null }];
  trial.metadata.extra = { startTime: 0.5 };
  const F = [10, -20, 700];
  const r = [0.1, 0.2, 0];
  const M = [r[1] * F[2] - r[2] * F[1], r[2] * F[0] - r[0] * F[2], r[0] * F[1] - r[1] * F[0] + 5]; // about the centre
  const plateOutputs = () => ({
    rate: 1000, samples: 3,
    force: new Float64Array([...F, ...F, 0, 0, 0]),
    moment: new Float64Array([...M, ...M, 0, 0, 0]),
    cop: new Float64Array([1.1, 0.7, 0, 1.1, 0.7, 0, Number.NaN, Number.NaN, Number.NaN]),
  });

  it('writes the OpenSim per-plate layout with the moment about the COP (free moment only)', () => {
    const table = trialToGrfTable(trial, { plateOutputs });
    expect(table.columns).toEqual(['time', '1_ground_force_vx', '1_ground_force_vy', '1_ground_force_vz', '1_ground_force_px', '1_ground_force_py', '1_ground_force_pz', '1_ground_torque_x', '1_ground_torque_y', '1_ground_torque_z']);
    const row0 = Array.from(table.data.subarray(0, 10));
    expect(row0.slice(0, 7)).toEqual([0.5, 10, -20, 700, 1.1, 0.7, 0]);
    expect(row0[7]).toBeCloseTo(0, 9);
    expect(row0[8]).toBeCloseTo(0, 9);
    expect(row0[9]).toBeCloseTo(5, 9);
    expect(table.data[20]).toBeCloseTo(0.502, 12);
    expect(Array.from(table.data.subarray(24, 27))).toEqual([0, 0, 0]); // NaN COP without contact → 0
  });

  it('round-trips through readMot and motToTrial as one plate', () => {
    const t = motToTrial(trialToGrfMot(trial, { plateOutputs, name: 'walk_grf' }));
    expect(t.metadata.extra!.name).toBe('walk_grf');
    expect((t.metadata.extra!.grf as unknown[]).length).toBe(1);
    expect(t.analogs!.rate).toBeCloseTo(1000, 9);
  });

  it('refuses trials without plates', () => {
    expect(() => trialToGrfMot(readForceText('1\n2\n'))).toThrow(/no force plates/);
  });
});
