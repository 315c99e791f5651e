import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { defineMarkerSet, detectMarkerSet, OPENSIM_GAIT, PLUG_IN_GAIT, tracksShoulderGirdle } from '../../../src/core/twin/markerSets';
import { readTrcFile } from './helpers';

describe('marker sets', () => {
  it('detects the OpenSim gait set from the gait10dof18musc walking trial labels', () => {
    const walk = readTrcFile('opensim_core', 'gait10dof18musc', 'subject01_walk.trc');
    expect(detectMarkerSet(walk.points!.labels).name).toBe('opensim-gait');
  });

  it('detects Plug-in Gait from subject-prefixed lower-body labels', () => {
    const labels = ['LASI', 'RASI', 'LPSI', 'RPSI', 'LTHI', 'LKNE', 'LTIB', 'LANK', 'LHEE', 'LTOE', 'RTHI', 'RKNE', 'RTIB', 'RANK', 'RHEE', 'RTOE'];
    expect(detectMarkerSet(labels.map((l) => `Sub01:${l}`)).name).toBe('plug-in-gait');
  });

  it('rejects an unknown set with an error listing the labels it found', () => {
    const call = () => detectMarkerSet(['head_top', 'wrist_left', 'RASI']);
    expect(call).toThrow(KinetwinError);
    expect(call).toThrow(/labels found: head_top, wrist_left, RASI/);
  });

  it('tracksShoulderGirdle needs both acromion markers in the labels', () => {
    const walk = readTrcFile('opensim_core', 'gait10dof18musc', 'subject01_walk.trc').points!.labels;
    expect(tracksShoulderGirdle(OPENSIM_GAIT, walk)).toBe(true);
    expect(tracksShoulderGirdle(OPENSIM_GAIT, walk.filter((l) => l !== 'L.Acromium'))).toBe(false);
    expect(tracksShoulderGirdle(PLUG_IN_GAIT, ['Sub:LSHO', 'Sub:RSHO'])).toBe(true);
  });

  it('defineMarkerSet validates segments, duplicates and offsets', () => {
    expect(() => defineMarkerSet('x', [{ name: 'A', segment: 'wing_r', offset: [0, 0, 0] }])).toThrow(/unknown segment wing_r/);
    expect(() => defineMarkerSet('x', [{ name: 'A', segment: 'pelvis', offset: [0, 0, 0] }, { name: 'a', segment: 'torso', offset: [0, 0, 0] }])).toThrow(/duplicate/);
    expect(() => defineMarkerSet('x', [{ name: 'A', segment: 'pelvis', offset: [0, NaN, 0] }])).toThrow(/finite/);
    const custom = defineMarkerSet('lab', [{ name: 'SACR', segment: 'pelvis', offset: [-0.17, 0.02, 0], landmark: 'SACRUM' }]);
    expect(custom.markers[0].landmark).toBe('SACRUM');
  });

  it('the built-in sets name every landmark scaling needs', () => {
    for (const set of [PLUG_IN_GAIT, OPENSIM_GAIT]) {
      const roles = new Set(set.markers.map((m) => m.landmark));
      for (const r of ['ASIS_R', 'ASIS_L', 'KNEE_LAT_R', 'ANKLE_LAT_L', 'HEEL_R', 'TOE_L', 'ACROMION_R']) expect(roles.has(r as never)).toBe(true);
    }
  });
});
