import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { projectPoints } from '../../../src/core/render/camera';
import { cohortBodyModel } from '../../../src/core/render/cohortBody';
import { cohortViewScenes, renderSubstream, RENDER_SUBSTREAM_BASE } from '../../../src/core/render/cohortScene';
import { groundBody, legPose } from '../../../src/core/render/taskPose';

const body = cohortBodyModel({ sex: 'male', values: { stature: 1.76, mass: 78 } });
const q = legPose(body.model, body.pose, { time: 0.1, grfBw: 3, hipDeg: 40, kneeDeg: 60, ankleDeg: 15 });
const geometry = groundBody(body.model, q, body.heightM, body.girth);
const view = (over: Partial<Parameters<typeof cohortViewScenes>[0]> = {}) => cohortViewScenes({ seed: 5, subjectIndex: 3, k: 0, cameras: 3, width: 96, height: 64, body, q, geometry, sex: 'male', ...over });

describe('cohortViewScenes', () => {
  it('is a pure function of (seed, subject, sample, camera): camera c does not depend on how many cameras there are', () => {
    const three = view();
    expect(view()).toEqual(three);
    expect(view({ cameras: 1 })[0]).toEqual(three[0]);
    expect(view({ k: 1 })[0].camera).not.toEqual(three[0].camera);
    expect(view({ subjectIndex: 4 })[0].camera).not.toEqual(three[0].camera);
    expect(view({ seed: 6 })[0].camera).not.toEqual(three[0].camera);
  });

  it('gives the views of one instant one appearance and lighting, and each its own camera', () => {
    const [a, b, c] = view();
    expect(b.capsules).toEqual(a.capsules);
    expect(c.lighting).toEqual(a.lighting);
    expect(c.background).toEqual(a.background);
    expect(new Set([a, b, c].map((s) => s.camera.t.join()))).toHaveProperty('size', 3);
    expect([a, b, c].map((s) => s.index)).toEqual([0, 1, 2]);
  });

  it('aims every camera at the body: the keypoints project in front of it, mostly inside the image', () => {
    for (let k = 0; k < 10; k++) for (const s of view({ k })) {
      const uvz = new Float64Array(51);
      projectPoints(s.camera, s.keypoints, uvz);
      let inside = 0;
      for (let j = 0; j < 17; j++) {
        expect(uvz[3 * j + 2]).toBeGreaterThan(0);
        if (uvz[3 * j] >= 0 && uvz[3 * j] < 96 && uvz[3 * j + 1] >= 0 && uvz[3 * j + 1] < 64) inside++;
      }
      expect(inside).toBeGreaterThanOrEqual(12);
    }
  });

  it('keeps its substreams apart from the cohort’s (< 2^30 or ≥ 2^31) and refuses bad camera counts', () => {
    expect(renderSubstream(0, 0)).toBe(RENDER_SUBSTREAM_BASE);
    expect(renderSubstream(99_999, 65)).toBeLessThan(2 ** 31);
    expect(() => view({ cameras: 0 })).toThrow(KinetwinError);
    expect(() => view({ cameras: 65 })).toThrow(KinetwinError);
  });
});
