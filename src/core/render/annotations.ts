// COCO keypoints dataset for rendered frames: one person per image, box and area from the segment mask,
// visibility from the depth buffer; camera K/R/t and 3D keypoints kept as extra annotation fields.
import { buildCocoKeypoints, validateCocoKeypoints, type CocoDataset, type CocoImage, type CocoInstance } from '../export/coco';
import { COCO_PERSON_17 } from '../export/coco-layouts';
import { KinetwinError } from '../errors';
import type { RenderScene } from './scene';
import { keypointVisibility, maskBox } from './visibility';

export interface RenderedFrame {
  scene: RenderScene;
  fileName: string; // e.g. 'images/000000.png'
  mask: Uint8Array; // width × height segment ids (0 background), top-down
  depth: Float32Array; // width × height linear metres along the optical axis (0 background), top-down
}

/** Builds and validates the COCO keypoints JSON for rendered frames (image id = sample index + 1). */
export function renderAnnotations(frames: RenderedFrame[], info: Record<string, unknown> = {}): CocoDataset {
  const images: CocoImage[] = [];
  const instances: CocoInstance[] = [];
  for (const f of frames) {
    const cam = f.scene.camera;
    const id = f.scene.index + 1;
    images.push({ id, file_name: f.fileName, width: cam.width, height: cam.height });
    const kp = keypointVisibility(cam, f.scene.keypoints, f.scene.keypointTolerance, f.depth);
    const box = maskBox(f.mask, cam.width, cam.height);
    if (!box) continue; // the person is entirely outside the image: no annotation
    instances.push({
      imageId: id, categoryId: 1, points: kp.points, visibility: kp.visibility, bbox: box.bbox, area: box.area,
      extra: { keypoints_3d: f.scene.keypoints.map((v) => Math.round(v * 1e5) / 1e5), camera: { K: cam.K, R: cam.R, t: cam.t } },
    });
  }
  const data = buildCocoKeypoints({ info: { description: 'Kinetwin rendered poses', ...info }, categories: [{ id: 1, layout: COCO_PERSON_17 }], images, instances });
  const problems = validateCocoKeypoints(data);
  if (problems.length > 0) throw new KinetwinError(`rendered annotations are not valid COCO: ${problems.slice(0, 3).join('; ')}`);
  return data;
}
