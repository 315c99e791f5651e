import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depthMillimetres, renderPoses, type RenderPosesResult } from '../../../src/backend/render/dataset';
import { validateCocoKeypoints } from '../../../src/core/export/coco';
import { KinetwinError } from '../../../src/core/errors';
import { sampleRenderScene } from '../../../src/core/render/scene';

/** IHDR width, height, bit depth and colour type of a PNG file. */
function header(path: string): number[] {
  const b = readFileSync(path);
  return [b.readUInt32BE(16), b.readUInt32BE(20), b[24], b[25]];
}

describe('renderPoses (kinetwin render poses)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinetwin-render-'));
  let result: RenderPosesResult;
  beforeAll(async () => {
    result = await renderPoses({ n: 3, seed: 5, outDir: dir, size: 64, start: 10, batch: 2 });
  }, 90_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an RGB image, an 8-bit mask and a 16-bit depth PNG per frame, named by sample index', () => {
    expect(result.frames).toBe(3);
    for (const i of ['000010', '000011', '000012']) {
      expect(header(join(dir, 'images', `${i}.png`))).toEqual([64, 64, 8, 2]);
      expect(header(join(dir, 'masks', `${i}.png`))).toEqual([64, 64, 8, 0]);
      expect(header(join(dir, 'depth', `${i}.png`))).toEqual([64, 64, 16, 0]);
    }
  });

  it('writes valid COCO keypoints, cameras equal to the sampled scenes and 3D joints', () => {
    const coco = JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8'));
    expect(validateCocoKeypoints(coco)).toEqual([]);
    expect(coco.images.map((im: { id: number }) => im.id)).toEqual([11, 12, 13]);
    expect(coco.annotations.length).toBe(result.annotations);
    const cams = JSON.parse(readFileSync(join(dir, 'cameras.json'), 'utf8')).cameras;
    const scene = sampleRenderScene(5, 11, { width: 64 });
    expect(cams[1]).toMatchObject({ image_id: 12, K: scene.camera.K, R: scene.camera.R, t: scene.camera.t });
    const joints = JSON.parse(readFileSync(join(dir, 'joints3d.json'), 'utf8'));
    expect(joints.keypoint_names).toHaveLength(17);
    expect(joints.frames[2].keypoints).toEqual(sampleRenderScene(5, 12, { width: 64 }).keypoints);
  });

  it('rejects bad sizes and counts before starting a browser', async () => {
    await expect(renderPoses({ n: 0, seed: 1, outDir: dir })).rejects.toThrow(KinetwinError);
    await expect(renderPoses({ n: 1, seed: 1, outDir: dir, size: 63 })).rejects.toThrow(/--size/);
    await expect(renderPoses({ n: 1, seed: -1, outDir: dir })).rejects.toThrow(/--seed/);
  });
});

describe('depthMillimetres', () => {
  it('rounds metres to millimetres, keeps 0 as background and clamps to the 16-bit range', () => {
    expect(Array.from(depthMillimetres(Float32Array.of(0, 2.5004, 1e-5, 100)))).toEqual([0, 2500, 1, 65535]);
  });
});
