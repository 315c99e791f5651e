import { describe, expect, it } from 'vitest';
import { readC3d } from '../../../src/core/formats/c3d/read';
import type { Trial } from '../../../src/core/model/trial';
import { createFullBodyModel } from '../../../src/core/twin/fullBody';
import { createKinematicsData, forwardKinematics } from '../../../src/core/twin/forwardKinematics';
import { solveInverseKinematics } from '../../../src/core/twin/ik';
import { markerTrajectories, readMarkerFrame } from '../../../src/core/twin/markerFrames';
import { defineMarkerSet, type MarkerDef } from '../../../src/core/twin/markerSets';
import { segmentIndex } from '../../../src/core/twin/model';
import { scaleModel } from '../../../src/core/twin/scale';
import { readShared } from '../../helpers/shared';

// OpenSim's walking2.c3d (Z-up lab, 250 Hz): thigh/shank clusters, femoral condyles, malleoli, calcaneus and
// metatarsals, with the lab's own hip/knee/ankle centres exported as virtual markers (RHJC, RKJC …), which the
// set names as joint-centre landmarks so scaling uses them instead of the Harrington regression (IK does not
// track them: weight 0).
function side(s: 'r' | 'l'): MarkerDef[] {
  const P = s.toUpperCase(), m = s === 'r' ? 1 : -1, U = P as 'R' | 'L';
  return [
    { name: `${P}ASI`, segment: 'pelvis', offset: [0, 0, m * 0.1225], landmark: `ASIS_${U}`, weight: 10 },
    { name: `${P}PSI`, segment: 'pelvis', offset: [-0.16, 0.02, m * 0.045], landmark: `PSIS_${U}`, weight: 10 },
    ...[1, 2, 3].map((k): MarkerDef => ({ name: `${P}TH${k}`, segment: `thigh_${s}`, offset: [0.03 * (k - 2), -0.25, m * 0.07] })),
    ...[1, 2, 3].map((k): MarkerDef => ({ name: `${P}TB${k}`, segment: `shank_${s}`, offset: [0.03 * (k - 2), -0.2, m * 0.05] })),
    { name: `${P}LFC`, segment: `thigh_${s}`, offset: [0, -0.42, m * 0.05], landmark: `KNEE_LAT_${U}` },
    { name: `${P}MFC`, segment: `thigh_${s}`, offset: [0, -0.42, -m * 0.05], landmark: `KNEE_MED_${U}` },
    { name: `${P}LMAL`, segment: `shank_${s}`, offset: [0, -0.43, m * 0.035], landmark: `ANKLE_LAT_${U}` },
    { name: `${P}MMAL`, segment: `shank_${s}`, offset: [0, -0.42, -m * 0.035], landmark: `ANKLE_MED_${U}` },
    { name: `${P}CAL`, segment: `foot_${s}`, offset: [-0.06, -0.04, 0], landmark: `HEEL_${U}` },
    { name: `${P}MT1`, segment: `foot_${s}`, offset: [0.15, -0.05, -m * 0.03] },
    { name: `${P}MT2`, segment: `foot_${s}`, offset: [0.16, -0.05, 0], landmark: `TOE_${U}` },
    { name: `${P}HJC`, segment: 'pelvis', offset: [-0.04, -0.11, m * 0.09], landmark: `HIP_CENTRE_${U}`, weight: 0 },
    { name: `${P}KJC`, segment: `thigh_${s}`, offset: [0, -0.42, 0], landmark: `KNEE_CENTRE_${U}`, weight: 0 },
    { name: `${P}AJC`, segment: `shank_${s}`, offset: [0, -0.43, 0], landmark: `ANKLE_CENTRE_${U}`, weight: 0 },
  ];
}
const WALKING2 = defineMarkerSet('walking2', [...side('r'), ...side('l')]);

// The first `count` consecutive frames in which every marker of the set is seen, as a trial of their own.
function firstCompleteFrames(trial: Trial, count: number): Trial {
  const p = trial.points!, per = p.labels.length * 3;
  const idx = WALKING2.markers.map((m) => p.labels.indexOf(m.name));
  const complete = (f: number) => idx.every((i) => i >= 0 && Number.isFinite(p.data[f * per + i * 3]));
  let f0 = 0;
  while (f0 + count <= p.frames && !Array.from({ length: count }, (_, k) => complete(f0 + k)).every(Boolean)) f0++;
  return { ...trial, points: { ...p, frames: count, data: p.data.slice(f0 * per, (f0 + count) * per) } };
}

describe('a C3D walking trial (Z-up lab) with a custom marker set', () => {
  const trial = readC3d(readShared('opensim_core', 'c3d', 'walking2.c3d'));
  const { model } = createFullBodyModel({ massKg: 70, sex: 'male', kneeDof: 3 });
  const scaled = scaleModel(model, WALKING2, firstCompleteFrames(trial, 3), { massKg: 70, sex: 'male' });
  const ik = solveInverseKinematics(scaled.model, WALKING2, trial, { markerErrors: true });

  it('tracks the markers within 2.5 cm RMS in every frame it can solve, 1 cm on average', () => {
    const rms = Array.from(ik.rmsErrorM).filter(Number.isFinite);
    expect(rms.length).toBeGreaterThan(500);
    for (const r of rms) expect(r).toBeLessThan(0.025);
    expect(rms.reduce((a, b) => a + b) / rms.length).toBeLessThan(0.01);
    expect(ik.coordinateNames).toContain('knee_rotation_r'); // 3-DOF knees
  });

  // The lab modelled thigh and shank as independent 6-DOF bodies: its hip–knee and knee–ankle distances vary by
  // 2–3 cm over the trial, so a jointed model can only follow its knee centre to about that.
  it('keeps the model knee centre within 2.5 cm (mean) of the lab’s knee-centre virtual marker', () => {
    const labels = trial.points!.labels;
    const kjc = labels.indexOf('RKJC');
    expect(kjc).toBeGreaterThanOrEqual(0);
    const probe = createBodyProbe(scaled.model, trial, kjc);
    const n = scaled.model.coordinates.length, kin = createKinematicsData(scaled.model), shank = segmentIndex(scaled.model, 'shank_r');
    let worst = 0, sum = 0, count = 0;
    for (let f = 0; f < ik.frames; f += 5) {
      const q = ik.coordinates.subarray(f * n, f * n + n);
      forwardKinematics(scaled.model, q, kin); // arm coordinates are NaN (no arm markers); the legs are not
      if (!Number.isFinite(kin.segP[shank * 3])) continue;
      const lab = probe(f);
      if (!lab.every(Number.isFinite)) continue;
      const d = Math.hypot(kin.segP[shank * 3] - lab[0], kin.segP[shank * 3 + 1] - lab[1], kin.segP[shank * 3 + 2] - lab[2]);
      worst = Math.max(worst, d);
      sum += d;
      count++;
    }
    expect(count).toBeGreaterThan(50);
    expect(sum / count).toBeLessThan(0.025);
    expect(worst).toBeLessThan(0.04);
  });
});

// A trial point in the model's Y-up lab frame, frame by frame.
function createBodyProbe(model: Parameters<typeof markerTrajectories>[0], trial: Trial, point: number) {
  const t = markerTrajectories(model, trial);
  const one = { ...t, found: Int32Array.of(point) };
  const out = new Float64Array(3);
  return (f: number) => {
    readMarkerFrame(one, f, out);
    return Array.from(out);
  };
}
