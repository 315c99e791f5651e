import { describe, expect, it } from 'vitest';
import { readC3d } from '../../../src/core/formats/c3d/read';
import { readTrc } from '../../../src/core/formats/trc/read';
import { trialToTrc } from '../../../src/core/convert/trc';
import { trialToGrfMot } from '../../../src/core/convert/trialToGrfMot';
import { convertAxes } from '../../../src/core/convert/axes';
import { motToTrial } from '../../../src/core/convert/motToTrial';
import { readShared } from '../../helpers/shared';

describe('C3D → TRC against OpenSim\'s own export of walking2.c3d', () => {
  const c3d = readC3d(readShared('opensim_core', 'c3d', 'walking2.c3d'));
  const ours = readTrc(trialToTrc(c3d)).points!;
  const std = readTrc(readShared('opensim_core', 'c3d', 'std_walking2_markers.trc')).points!;

  it('has the same markers, and OpenSim\'s file is every 10th frame of ours, in the same (unrotated, Z-up) frame', () => {
    expect(ours.labels).toEqual(std.labels);
    expect(ours.frames).toBe(1249);
    expect(ours.rate).toBe(250);
    let compared = 0;
    for (let f = 0; f < std.frames && f * 10 < ours.frames; f++) { // std's last row (frame 1250) lies past the C3D
      for (let i = 0; i < 44 * 3; i++) {
        const a = std.data[f * 132 + i];
        const b = ours.data[f * 10 * 132 + i];
        expect(Number.isNaN(a)).toBe(Number.isNaN(b));
        if (!Number.isNaN(a)) { expect(Math.abs(a - b)).toBeLessThan(6e-5); compared++; } // std prints 0.01 mm
      }
    }
    expect(compared).toBeGreaterThan(8000);
  });

  it('C3D plates → GRF .mot in Y-up: vertical force on ground_force_vy, body weight scale', () => {
    const y = convertAxes(c3d, 'z-up', 'y-up');
    const grf = motToTrial(trialToGrfMot(y));
    const a = grf.analogs!;
    expect(a.rate).toBe(2000);
    expect(a.samples).toBe(c3d.analogs!.samples);
    const vy = a.channels[a.labels.indexOf('1_ground_force_vy')];
    const vz = a.channels[a.labels.indexOf('1_ground_force_vz')];
    let peakY = 0;
    let peakZ = 0;
    for (let i = 0; i < a.samples; i++) { peakY = Math.max(peakY, Math.abs(vy[i])); peakZ = Math.max(peakZ, Math.abs(vz[i])); }
    expect(peakY).toBeGreaterThan(400); // a walking step: about one body weight or more
    expect(peakY).toBeLessThan(2000);
    expect(peakZ).toBeLessThan(peakY / 2); // horizontal components are smaller
  });
});
