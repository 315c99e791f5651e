import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { sharedData } from '../helpers/shared';

describe('kinetwin inspect', () => {
  it('prints the JSON summary with chosen frames of a C3D', async () => {
    const r = await cli(['inspect', sharedData('c3d_org', 'sample08', 'TESTAPI.c3d'), '--frames', '0,225,449']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ format: 'c3d', processor: 'intel', storage: 'integer', points: { count: 26, frames: 450 } });
    expect(j.frames.map((f: { index: number }) => f.index)).toEqual([0, 225, 449]);
  });

  it('summarises a TRC through the shared reader and rejects bad frame lists', async () => {
    const r = await cli(['inspect', sharedData('opensim_core', 'c3d', 'std_walking2_markers.trc'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'trc', points: { count: 44 } });
    const bad = await cli(['inspect', sharedData('c3d_org', 'sample08', 'TESTAPI.c3d'), '--frames', '1,x']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: .*TESTAPI\.c3d: --frames/);
    const out = await cli(['inspect', sharedData('c3d_org', 'sample08', 'TESTAPI.c3d'), '--frames', '450']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/frame 450 is outside 0\.\.449/);
  });
});
