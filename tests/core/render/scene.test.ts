import { describe, expect, it } from 'vitest';
import { validateCocoKeypoints } from '../../../src/core/export/coco';
import { renderAnnotations } from '../../../src/core/render/annotations';
import { projectPoints } from '../../../src/core/render/camera';
import { maskLabels, sampleRenderScene } from '../../../src/core/render/scene';
import { createFullBodyModel } from '../../../src/core/twin/fullBody';

describe('sampleRenderScene', () => {
  it('is a pure function of (seed, i): same inputs give identical scenes, other indices differ', () => {
    expect(sampleRenderScene(42, 7)).toEqual(sampleRenderScene(42, 7));
    expect(sampleRenderScene(42, 8).coordinates).not.toEqual(sampleRenderScene(42, 7).coordinates);
    expect(sampleRenderScene(43, 7).camera).not.toEqual(sampleRenderScene(42, 7).camera);
  });

  it('keeps every joint coordinate within the model range of motion', () => {
    const { model } = createFullBodyModel({ massKg: 70, sex: 'male' });
    for (let i = 0; i < 30; i++) {
      const q = sampleRenderScene(5, i).coordinates;
      model.coordinates.forEach((c, j) => {
        if (c.segment === 0) return;
        expect(q[j]).toBeGreaterThanOrEqual(c.min);
        expect(q[j]).toBeLessThanOrEqual(c.max);
      });
    }
  });

  it('aims the camera at the body: the pelvis is in front and projects near the image centre', () => {
    for (let i = 0; i < 20; i++) {
      const s = sampleRenderScene(9, i, { width: 128 });
      const out = new Float64Array(3);
      projectPoints(s.camera, s.joints.ground_pelvis, out);
      expect(out[2]).toBeGreaterThan(1);
      expect(Math.abs(out[0] - 64)).toBeLessThan(40);
      expect(Math.abs(out[1] - 64)).toBeLessThan(40);
    }
  });

  it('places COCO keypoints at the model joint centres (subject left = COCO left) with pose-independent bone lengths', () => {
    const s = sampleRenderScene(1, 0);
    const kp = (k: number) => s.keypoints.slice(3 * k, 3 * k + 3);
    const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    expect(kp(5)).toEqual(s.joints.shoulder_l);
    expect(kp(6)).toEqual(s.joints.shoulder_r);
    expect(kp(11)).toEqual(s.joints.hip_l);
    // bone lengths are pose-independent: hip→knee is the thigh length (de Leva 0.2425·H for males, 0.2453·H females)
    const thigh = dist(kp(11), kp(13)) / s.subject.heightM;
    expect(thigh).toBeGreaterThan(0.23);
    expect(thigh).toBeLessThan(0.26);
  });

  it('labels mask ids 1… with the model segments', () => {
    const labels = maskLabels();
    expect(labels[0]).toBe('background');
    expect(labels).toContain('thigh_l');
    const ids = new Set(sampleRenderScene(3, 3).capsules.map((c) => c.segment));
    expect(Math.min(...ids)).toBe(1);
    expect(Math.max(...ids)).toBe(labels.length - 1);
  });
});

describe('renderAnnotations', () => {
  it('builds valid COCO keypoints with the mask box and depth-tested visibility', () => {
    const s = sampleRenderScene(2, 4, { width: 64 });
    const mask = new Uint8Array(64 * 64);
    for (let y = 8; y < 40; y++) for (let x = 20; x < 30; x++) mask[y * 64 + x] = 2;
    const depth = new Float32Array(64 * 64); // nothing drawn: every in-image keypoint is visible
    const coco = renderAnnotations([{ scene: s, fileName: 'images/000004.png', mask, depth }]);
    expect(validateCocoKeypoints(coco)).toEqual([]);
    const a = coco.annotations[0];
    expect(a.image_id).toBe(5);
    expect(a.bbox).toEqual([20, 8, 10, 32]);
    expect(a.area).toBe(320);
    const v = a.keypoints.filter((_, k) => k % 3 === 2);
    expect(v.every((x) => x === 0 || x === 2)).toBe(true);
    expect(a.num_keypoints).toBe(v.filter((x) => x > 0).length);
  });

  it('drops images where the person is out of view (empty mask)', () => {
    const s = sampleRenderScene(2, 4, { width: 32 });
    const coco = renderAnnotations([{ scene: s, fileName: 'x.png', mask: new Uint8Array(32 * 32), depth: new Float32Array(32 * 32) }]);
    expect(coco.images).toHaveLength(1);
    expect(coco.annotations).toHaveLength(0);
  });
});
