import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumRenderer, type RenderedBuffers } from '../../../src/backend/render/chromium';
import { framePngs } from '../../../src/backend/render/dataset';
import { cameraCentre } from '../../../src/core/render/camera';
import { maskLabels, sampleRenderScene, type RenderScene } from '../../../src/core/render/scene';
import { keypointVisibility } from '../../../src/core/render/visibility';

// Segments a COCO keypoint may lie on (COCO_PERSON_17 order; COCO left = subject left).
const ON: string[][] = [
  ['head'], ['head'], ['head'], ['head'], ['head'],
  ['torso', 'upperarm_l'], ['torso', 'upperarm_r'], ['upperarm_l', 'forearm_l'], ['upperarm_r', 'forearm_r'],
  ['forearm_l', 'hand_l'], ['forearm_r', 'hand_r'], ['pelvis', 'thigh_l'], ['pelvis', 'thigh_r'],
  ['thigh_l', 'shank_l'], ['thigh_r', 'shank_r'], ['shank_l', 'foot_l'], ['shank_r', 'foot_r'],
];

const srgb = (c: number) => Math.round(255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055));

describe('ChromiumRenderer (headless Chromium, SwiftShader WebGL2)', () => {
  let renderer: ChromiumRenderer;
  let scenes: RenderScene[];
  let frames: RenderedBuffers[];
  const labels = maskLabels();

  beforeAll(async () => {
    renderer = await ChromiumRenderer.launch();
    scenes = [0, 1, 2].map((i) => sampleRenderScene(11, i, { width: 128 }));
    frames = await renderer.render(scenes);
  }, 90_000);
  afterAll(async () => renderer?.close());

  it('returns full-size RGB, mask and depth buffers with the background where nothing is drawn', () => {
    for (const [k, f] of frames.entries()) {
      expect([f.width, f.height, f.rgb.length, f.mask.length, f.depth.length]).toEqual([128, 128, 128 * 128 * 3, 128 * 128, 128 * 128]);
      let body = 0;
      for (let p = 0; p < f.mask.length; p++) {
        if (f.mask[p] === 0) expect(f.depth[p]).toBe(0);
        else body++;
      }
      expect(body).toBeGreaterThan(200); // the person is in view
      const corner = f.mask[0] === 0 ? 0 : f.mask.length - 1;
      const bg = scenes[k].background.map(srgb);
      for (let c = 0; c < 3; c++) expect(Math.abs(f.rgb[3 * corner + c] - bg[c])).toBeLessThanOrEqual(1);
    }
  });

  it('mask ids under visible keypoints are the segments those joints join', () => {
    let visible = 0, matched = 0;
    for (const [k, f] of frames.entries()) {
      const s = scenes[k];
      const kp = keypointVisibility(s.camera, s.keypoints, s.keypointTolerance, f.depth);
      for (let j = 0; j < 17; j++) {
        if (kp.visibility[j] !== 2) continue;
        const id = f.mask[Math.floor(kp.points[2 * j + 1]) * 128 + Math.floor(kp.points[2 * j])];
        if (id === 0) continue; // a joint on the silhouette edge
        visible++;
        if (ON[j].includes(labels[id])) matched++;
      }
    }
    expect(visible).toBeGreaterThan(10);
    expect(matched / visible).toBeGreaterThan(0.9);
  });

  it('depth at a visible elbow/wrist/knee pixel lies in front of the joint by at most r / sin θ of its limb capsules', () => {
    // A ray through a point on a capsule's axis enters it within r / sin θ (θ: angle between ray and axis).
    let checked = 0;
    for (const [k, f] of frames.entries()) {
      const s = scenes[k];
      const kp = keypointVisibility(s.camera, s.keypoints, s.keypointTolerance, f.depth);
      const eye = cameraCentre(s.camera);
      for (const j of [7, 8, 9, 10, 13, 14]) { // joints on the axes of both adjoining capsules
        const p = Math.floor(kp.points[2 * j + 1]) * 128 + Math.floor(kp.points[2 * j]);
        if (kp.visibility[j] !== 2 || !ON[j].includes(labels[f.mask[p]])) continue;
        const ray = [0, 1, 2].map((c) => s.keypoints[3 * j + c] - eye[c]);
        let bound = 0;
        for (const c of s.capsules.filter((c) => ON[j].includes(labels[c.segment]))) {
          const axis = [0, 1, 2].map((i) => c.b[i] - c.a[i]);
          const cos = Math.abs(axis[0] * ray[0] + axis[1] * ray[1] + axis[2] * ray[2]) / Math.hypot(...axis) / Math.hypot(...ray);
          bound = Math.max(bound, c.radius / Math.sqrt(1 - cos * cos));
        }
        if (bound > 0.15) continue; // a limb seen nearly end-on: the ray runs inside it
        checked++;
        expect(f.depth[p]).toBeLessThan(kp.depth[j] + 0.005);
        expect(f.depth[p]).toBeGreaterThan(kp.depth[j] - bound - 0.01); // 0.01 m: the pixel centre is ≤ 0.7 px off the joint
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('is deterministic: the same seed gives byte-identical PNGs, in any batch position', async () => {
    const again = await renderer.render([sampleRenderScene(11, 2, { width: 128 }), sampleRenderScene(11, 0, { width: 128 })]);
    const a = framePngs(frames[0]), b = framePngs(again[1]);
    expect(Buffer.from(b.image).equals(Buffer.from(a.image))).toBe(true);
    expect(Buffer.from(b.mask).equals(Buffer.from(a.mask))).toBe(true);
    expect(Buffer.from(b.depth).equals(Buffer.from(a.depth))).toBe(true);
    expect(Buffer.from(framePngs(again[0]).image).equals(Buffer.from(framePngs(frames[2]).image))).toBe(true);
    expect(Buffer.from(framePngs(frames[1]).image).equals(Buffer.from(a.image))).toBe(false);
  });
});
