// `kinetwin render poses`: N randomised, labelled frames written as a dataset folder —
//   images/000000.png (RGB), masks/000000.png (8-bit segment ids, labels in masks/labels.json),
//   depth/000000.png (16-bit, millimetres along the optical axis, 0 = background),
//   annotations.json (COCO keypoints, validated), cameras.json (K, R, t per image), joints3d.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { KinetwinError } from '../../core/errors';
import { renderAnnotations, type RenderedFrame } from '../../core/render/annotations';
import { encodePng } from '../../core/render/png';
import { maskLabels, sampleRenderScene, type RenderScene } from '../../core/render/scene';
import { ChromiumRenderer, type RenderedBuffers } from './chromium';

export interface RenderPosesOptions {
  n: number; // frames
  seed: number;
  outDir: string;
  size?: number; // px, square images (default 256)
  start?: number; // first sample index (default 0): shards reproduce the same frames
  batch?: number; // frames per browser round trip (default 16)
  onProgress?: (done: number, total: number) => void;
}

export interface RenderPosesResult {
  outDir: string;
  frames: number;
  size: number;
  seed: number;
  annotations: number; // COCO person annotations (frames with the person at least partly in view)
  visibleKeypoints: number; // v = 2 over all annotations
  occludedKeypoints: number; // v = 1
  seconds: number; // wall time including the browser start-up and file writing
  framesPerSec: number; // frames / seconds after the browser is up (sample, render, encode, write)
}

const zlib = (raw: Uint8Array) => deflateSync(raw);
const name = (i: number) => String(i).padStart(6, '0');

/** Depth in millimetres, rounded, clamped to 1–65535 (0 stays background). */
export function depthMillimetres(depth: Float32Array): Uint16Array {
  const mm = new Uint16Array(depth.length);
  for (let p = 0; p < depth.length; p++) mm[p] = depth[p] > 0 ? Math.min(65535, Math.max(1, Math.round(depth[p] * 1000))) : 0;
  return mm;
}

/** PNG bytes of one rendered frame's image, mask and depth. */
export function framePngs(b: RenderedBuffers): { image: Uint8Array; mask: Uint8Array; depth: Uint8Array } {
  return {
    image: encodePng(b.width, b.height, 'rgb8', b.rgb, zlib),
    mask: encodePng(b.width, b.height, 'grey8', b.mask, zlib),
    depth: encodePng(b.width, b.height, 'grey16', depthMillimetres(b.depth), zlib),
  };
}

export async function renderPoses(options: RenderPosesOptions): Promise<RenderPosesResult> {
  const { n, seed, outDir } = options;
  const size = options.size ?? 256, start = options.start ?? 0, batch = options.batch ?? 16;
  if (!(Number.isInteger(n) && n >= 1 && n <= 10_000_000)) throw new KinetwinError(`--n must be an integer 1–10000000, got ${n}`);
  if (!(Number.isInteger(size) && size >= 16 && size <= 2048 && size % 2 === 0)) throw new KinetwinError(`--size must be an even integer 16–2048, got ${size}`);
  if (!(Number.isSafeInteger(seed) && seed >= 0)) throw new KinetwinError(`--seed must be a non-negative integer, got ${seed}`);
  for (const d of ['images', 'masks', 'depth']) mkdirSync(join(outDir, d), { recursive: true });
  const t0 = performance.now();
  const renderer = await ChromiumRenderer.launch();
  const t1 = performance.now();
  const frames: RenderedFrame[] = [];
  try {
    for (let b0 = 0; b0 < n; b0 += batch) {
      const scenes: RenderScene[] = [];
      for (let i = b0; i < Math.min(n, b0 + batch); i++) scenes.push(sampleRenderScene(seed, start + i, { width: size }));
      const buffers = await renderer.render(scenes);
      buffers.forEach((buf, k) => {
        const file = name(scenes[k].index);
        const png = framePngs(buf);
        writeFileSync(join(outDir, 'images', `${file}.png`), png.image);
        writeFileSync(join(outDir, 'masks', `${file}.png`), png.mask);
        writeFileSync(join(outDir, 'depth', `${file}.png`), png.depth);
        frames.push({ scene: scenes[k], fileName: `images/${file}.png`, mask: buf.mask, depth: buf.depth });
      });
      options.onProgress?.(Math.min(n, b0 + batch), n);
    }
  } finally {
    await renderer.close();
  }
  const renderSeconds = (performance.now() - t1) / 1000;
  const labels = maskLabels();
  const coco = renderAnnotations(frames, { seed, size, generator: 'kinetwin render poses', mask_labels: labels, depth_unit: 'mm' });
  writeFileSync(join(outDir, 'annotations.json'), JSON.stringify(coco));
  writeFileSync(join(outDir, 'masks', 'labels.json'), JSON.stringify(labels.map((l, id) => ({ id, segment: l }))));
  writeFileSync(join(outDir, 'cameras.json'), JSON.stringify({
    convention: 'OpenCV pinhole: x_cam = R·X_world + t (m), x right, y down, z forward; K in px; world Y up',
    cameras: frames.map((f) => ({ image_id: f.scene.index + 1, file_name: f.fileName, width: f.scene.camera.width, height: f.scene.camera.height, K: f.scene.camera.K, R: f.scene.camera.R, t: f.scene.camera.t })),
  }));
  writeFileSync(join(outDir, 'joints3d.json'), JSON.stringify({
    units: 'm, world frame (Y up)',
    keypoint_names: coco.categories[0].keypoints,
    frames: frames.map((f) => ({ image_id: f.scene.index + 1, subject: f.scene.subject, keypoints: f.scene.keypoints, joints: f.scene.joints, coordinates: f.scene.coordinates })),
  }));
  const seconds = (performance.now() - t0) / 1000;
  let visible = 0, occluded = 0;
  for (const a of coco.annotations) for (let k = 2; k < a.keypoints.length; k += 3) { if (a.keypoints[k] === 2) visible++; else if (a.keypoints[k] === 1) occluded++; }
  return { outDir, frames: n, size, seed, annotations: coco.annotations.length, visibleKeypoints: visible, occludedKeypoints: occluded, seconds: Math.round(seconds * 100) / 100, framesPerSec: Math.round((n / renderSeconds) * 10) / 10 };
}
