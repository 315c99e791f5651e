import { beforeAll, describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { readMot } from '../../../src/core/formats/mot/read';
import { motColumn, motColumnValues } from '../../../src/core/formats/mot/table';
import { createFullBodyModel } from '../../../src/core/twin/fullBody';
import { solveInverseKinematics, type IkResult } from '../../../src/core/twin/ik';
import { OPENSIM_GAIT } from '../../../src/core/twin/markerSets';
import { writeCoordinatesMot } from '../../../src/core/twin/mot';
import { scaleModel, type ScaleResult } from '../../../src/core/twin/scale';
import { readMotColumns, readTrcFile } from './helpers';

const DIR = ['opensim_core', 'gait10dof18musc'];
const MASS = 72.6; // subject01 of OpenSim's gait examples
const LOWER = /ASIS|Sacral|Thigh|Shank|Heel|Midfoot|Toe/;
const TRUNK = /Sternum|Acromium|Temple|Head/;
const ARMS = /Bicep|Elbow|Wrist/;
let scaled: ScaleResult;
let ik: IkResult;
let rigidIk: IkResult; // the same without shoulder girdles (acromions on a rigid torso)

/** RMS over frames and the markers whose names match, m. */
function regionRms(result: IkResult, model: ScaleResult['model'], re: RegExp): number {
  const nm = model.markers.length;
  let ss = 0, c = 0;
  model.markers.forEach((m, i) => {
    if (!re.test(m.name)) return;
    for (let f = 0; f < result.frames; f++) {
      const e = result.markerErrorsM![f * nm + i];
      if (Number.isFinite(e)) { ss += e * e; c++; }
    }
  });
  return Math.sqrt(ss / c);
}

function column(name: string): number[] {
  const n = ik.coordinateNames.length, c = ik.coordinateNames.indexOf(name);
  return Array.from({ length: ik.frames }, (_, f) => (ik.coordinates[f * n + c] * 180) / Math.PI);
}

beforeAll(() => {
  const staticTrial = readTrcFile(...DIR, 'subject01_static.trc'), walk = readTrcFile(...DIR, 'subject01_walk.trc');
  const { model } = createFullBodyModel({ massKg: MASS, sex: 'male', shoulderGirdle: true });
  scaled = scaleModel(model, OPENSIM_GAIT, staticTrial, { massKg: MASS, sex: 'male' });
  ik = solveInverseKinematics(scaled.model, OPENSIM_GAIT, walk, { markerErrors: true });
  const rigid = scaleModel(createFullBodyModel({ massKg: MASS, sex: 'male' }).model, OPENSIM_GAIT, staticTrial, { massKg: MASS, sex: 'male' });
  rigidIk = solveInverseKinematics(rigid.model, OPENSIM_GAIT, walk);
});

describe('scaleModel on gait10dof18musc subject01_static.trc', () => {
  it('places the model markers within 6 mm RMS of every static marker', () => {
    expect(scaled.residuals).toHaveLength(49);
    for (const r of scaled.residuals) expect(r.errorM, r.marker).toBeLessThan(0.006);
  });

  it('derives anatomically plausible segment lengths and joint centres', () => {
    for (const side of ['r', 'l']) {
      expect(scaled.segmentLengths[`thigh_${side}`]).toBeGreaterThan(0.38);
      expect(scaled.segmentLengths[`thigh_${side}`]).toBeLessThan(0.5);
      expect(scaled.segmentLengths[`shank_${side}`]).toBeGreaterThan(0.36);
      expect(scaled.segmentLengths[`shank_${side}`]).toBeLessThan(0.48);
    }
    const hipWidth = Math.abs(scaled.jointCentres.hip_r[2] - scaled.jointCentres.hip_l[2]);
    expect(hipWidth).toBeGreaterThan(0.14); // inter-HJC distance of adults ≈ 0.15–0.2 m
    expect(hipWidth).toBeLessThan(0.22);
    expect(scaled.model.segments.reduce((s, x) => s + x.massKg, 0)).toBeCloseTo(MASS, 1);
  });

  it('scales with or without shoulder girdles when the static trial lacks the acromions (generic offsets, a warning)', () => {
    const trial = readTrcFile(...DIR, 'subject01_static.trc');
    const pts = trial.points!;
    pts.labels = pts.labels.map((l) => (l.endsWith('.Acromium') ? `${l}.Old` : l));
    for (const shoulderGirdle of [false, true]) {
      const { model } = createFullBodyModel({ massKg: MASS, sex: 'male', shoulderGirdle });
      const r = scaleModel(model, OPENSIM_GAIT, trial, { massKg: MASS, sex: 'male' });
      expect(r.warnings.join('\n')).toMatch(/no acromion markers/);
      expect(r.warnings.join('\n')).toMatch(/keep generic offsets: R\.Acromium, L\.Acromium/);
      const acr = r.model.markers.find((m) => m.name === 'R.Acromium')!;
      expect(r.model.segments[acr.segment].name).toBe(shoulderGirdle ? 'clavicle_r' : 'torso');
      expect(r.residuals).toHaveLength(47);
    }
  });

  it('names the missing markers when the static trial lacks a required landmark', () => {
    const trial = readTrcFile(...DIR, 'subject01_static.trc');
    const pts = trial.points!;
    pts.labels = pts.labels.map((l) => (l === 'R.Heel' ? 'R.Heel.Old' : l));
    const { model } = createFullBodyModel({ massKg: MASS, sex: 'male' });
    expect(() => scaleModel(model, OPENSIM_GAIT, trial, { massKg: MASS, sex: 'male' })).toThrow(KinetwinError);
    expect(() => scaleModel(model, OPENSIM_GAIT, trial, { massKg: MASS, sex: 'male' })).toThrow(/R\.Heel \(HEEL_R\)/);
  });
});

describe('inverse kinematics of subject01_walk.trc with the scaled model', () => {
  it('tracks the pelvis and leg markers within 2 cm RMS in every frame', () => {
    const nm = scaled.model.markers.length;
    const lower = scaled.model.markers.map((m, i) => (LOWER.test(m.name) ? i : -1)).filter((i) => i >= 0);
    for (let f = 0; f < ik.frames; f++) {
      let ss = 0, c = 0;
      for (const i of lower) {
        const e = ik.markerErrorsM![f * nm + i];
        if (Number.isFinite(e)) { ss += e * e; c++; }
      }
      expect(Math.sqrt(ss / c)).toBeLessThan(0.02);
    }
  });

  it('fits all 41 markers within 2 cm RMS on average and in every frame (issue 4; OpenSim reference IK: 1–2 cm)', () => {
    expect(ik.markersUsed).toHaveLength(41);
    const mean = ik.rmsErrorM.reduce((a, b) => a + b, 0) / ik.frames;
    expect(mean).toBeLessThan(0.02);
    for (const r of ik.rmsErrorM) expect(r).toBeLessThan(0.02);
    expect(regionRms(ik, scaled.model, LOWER)).toBeLessThan(0.01);
    expect(regionRms(ik, scaled.model, TRUNK)).toBeLessThan(0.02);
    expect(regionRms(ik, scaled.model, ARMS)).toBeLessThan(0.03);
  });

  it('owes the fit to the shoulder girdles: acromions on a rigid torso leave over twice the RMS (arms raised in the static trial)', () => {
    const mean = (r: IkResult) => r.rmsErrorM.reduce((a, b) => a + b, 0) / r.frames;
    expect(mean(rigidIk)).toBeGreaterThan(2 * mean(ik));
    expect(scaled.warnings.join('\n')).toMatch(/arms abducted more than 45°/);
  });

  it('produces a gait pattern: knee flexion peaks at 50–75° in swing, hip flexion swings about ±20°', () => {
    for (const side of ['r', 'l']) {
      const knee = column(`knee_flexion_${side}`), hip = column(`hip_flexion_${side}`);
      expect(Math.max(...knee)).toBeGreaterThan(50);
      expect(Math.max(...knee)).toBeLessThan(75);
      expect(Math.min(...knee)).toBeLessThan(10);
      expect(Math.max(...hip)).toBeGreaterThan(10);
      expect(Math.min(...hip)).toBeLessThan(-10);
    }
  });

  it('agrees with OpenSim IK of the same subject (gait2354) on the right knee and hip ranges within 6°', () => {
    const ref = readMotColumns('opensim_core', 'gait2354_ik', 'subject01_walk1_ik_for_ID.mot');
    const refKnee = Array.from(ref.knee_angle_r, (v) => -v); // OpenSim: knee_angle_r negative in flexion
    expect(Math.abs(Math.max(...column('knee_flexion_r')) - Math.max(...refKnee))).toBeLessThan(6);
    expect(Math.abs(Math.max(...column('hip_flexion_r')) - Math.max(...ref.hip_flexion_r))).toBeLessThan(6);
    expect(Math.abs(Math.min(...column('hip_flexion_r')) - Math.min(...ref.hip_flexion_r))).toBeLessThan(6);
  });

  it('writes the coordinates as an OpenSim MOT (inDegrees=yes) that reads back', () => {
    const table = readMot(writeCoordinatesMot(scaled.model, ik, 'subject01_walk_ik'));
    expect(table.inDegrees).toBe(true);
    expect(table.columns.slice(0, 7)).toEqual(['time', 'pelvis_tilt', 'pelvis_list', 'pelvis_rotation', 'pelvis_tx', 'pelvis_ty', 'pelvis_tz']);
    expect(table.rows).toBe(ik.frames);
    const knee = motColumnValues(table, motColumn(table, 'knee_flexion_r'));
    column('knee_flexion_r').forEach((v, f) => expect(knee[f]).toBeCloseTo(v, 6));
    const ty = motColumnValues(table, motColumn(table, 'pelvis_ty'));
    expect(ty[0]).toBeGreaterThan(0.8); // metres, not degrees
    expect(ty[0]).toBeLessThan(1.2);
  });
});

describe('scaleModel on a synthetic Plug-in Gait static trial (lateral knee and ankle markers only)', () => {
  it('recovers the generic model’s thigh and shank lengths within 1 cm from the given joint widths', async () => {
    const { PLUG_IN_GAIT } = await import('../../../src/core/twin/markerSets');
    const { createKinematicsData, forwardKinematics, markerPositions } = await import('../../../src/core/twin/forwardKinematics');
    const { makeTrial } = await import('./helpers');
    const { model, pose } = createFullBodyModel({ massKg: 70, sex: 'male', markerSet: PLUG_IN_GAIT });
    const kin = createKinematicsData(model);
    forwardKinematics(model, pose, kin);
    markerPositions(model, kin);
    const frames = 5, M = model.markers.length, data = new Float32Array(frames * M * 3);
    for (let f = 0; f < frames; f++) data.set(kin.markers, f * M * 3);
    const trial = makeTrial(model.markers.map((m) => m.name), data, 100);
    // generic lateral markers sit 50 mm (knee) and 35 mm (ankle) from the joint centre: width + marker diameter = 2 × that
    const r = scaleModel(model, PLUG_IN_GAIT, trial, { massKg: 70, sex: 'male', kneeWidthM: 0.086, ankleWidthM: 0.056 });
    for (const side of ['r', 'l']) {
      expect(Math.abs(r.segmentLengths[`thigh_${side}`] - 0.4222)).toBeLessThan(0.01);
      expect(Math.abs(r.segmentLengths[`shank_${side}`] - 0.434)).toBeLessThan(0.01);
    }
    for (const x of r.residuals) expect(x.errorM, x.marker).toBeLessThan(1e-4);
    expect(r.warnings.join(' ')).not.toMatch(/knee width/);
  });
});

describe('scaleModel on hostile static trials', () => {
  it('rejects a static trial in the wrong units with a clear error instead of a degenerate model', () => {
    const trial = readTrcFile(...DIR, 'subject01_static.trc');
    const pts = trial.points!;
    for (let i = 0; i < pts.data.length; i++) pts.data[i] *= 0.001; // metres read as if millimetres
    const { model } = createFullBodyModel({ massKg: MASS, sex: 'male' });
    expect(() => scaleModel(model, OPENSIM_GAIT, trial, { massKg: MASS, sex: 'male' })).toThrow(/implausible pelvis.*units/);
  });

  it('rejects an impossible body mass', () => {
    const { model } = createFullBodyModel({ massKg: MASS, sex: 'male' });
    expect(() => scaleModel(model, OPENSIM_GAIT, readTrcFile(...DIR, 'subject01_static.trc'), { massKg: -3, sex: 'male' })).toThrow(KinetwinError);
  });
});
