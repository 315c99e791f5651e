import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { readMot } from '../../src/core/formats/mot/read';
import { sharedData } from '../helpers/shared';
import { tempDir } from '../helpers/tmp';


const file = (name: string) => sharedData('opensim_core', 'gait10dof18musc', name);

describe('kinetwin twin', () => {
  it('twin ik writes an OpenSim MOT and reports the fit', async () => {
    const out = join(tempDir(), 'walk_ik.mot');
    const r = await cli(['twin', 'ik', file('subject01_static.trc'), file('subject01_walk.trc'), '--mass', '72.6', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/151 frames at 60 Hz, 41 markers, RMS \d+\.\d mm/);
    expect(r.stdout).toMatch(/knee_flexion_r/);
    expect(readMot(readFileSync(out, 'utf8')).columns).toContain('ankle_dorsiflexion_l');
  });

  it('twin scale needs --mass and names a file without the knee markers', async () => {
    const r1 = await cli(['twin', 'scale', file('subject01_static.trc')]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/--mass KG is required/);
    const r2 = await cli(['twin', 'scale', file('subject01_walk.trc'), '--mass', '72.6']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/subject01_walk\.trc: static trial lacks markers the model needs: R\.Knee\.Lat/);
  });
});
