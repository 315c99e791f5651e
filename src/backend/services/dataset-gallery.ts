// A review gallery of a generated dataset's renders: the first `limit` images with their COCO keypoints and boxes,
// read from the label files the manifest lists, checked like the COCO export (images as data URLs, for the app).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KinetwinError } from '../../core/errors';
import { COCO_NO_RENDERS, manifestHashes, readRenderLabels, renderLabelPaths } from './dataset-coco';
import { readManifest } from './dataset-manifest-io';

export interface GalleryFrame {
  index: number;
  caption: string; // subject, sample, frame (when the sample is a motion), camera
  image: string; // data:image/png;base64
  mask: string;
  keypoints: number[]; // COCO [x, y, v] × 17, pixels
  bbox: number[] | null; // [x, y, w, h]
}

export interface DatasetGallery {
  size: number; // px, image width
  height: number; // px
  keypointNames: string[];
  skeleton: [number, number][];
  frames: GalleryFrame[];
}

const dataUrl = (path: string) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;

/** Up to `limit` rendered images of the dataset at `dataset`, labels included, taken round-robin over the first
 * `limit` subjects so the gallery shows different bodies before more views of one. */
export function datasetGallery(dataset: string, limit: number): DatasetGallery {
  const dir = resolve(dataset);
  const m = readManifest(dir);
  const paths = renderLabelPaths(m);
  if (paths.length === 0) throw new KinetwinError(COCO_NO_RENDERS.replace(/^COCO export needs/, 'a gallery needs'), dir);
  const listed = manifestHashes(m);
  const labels = paths.slice(0, limit).map((rel) => readRenderLabels(dir, rel, listed)); // checked: no paths out of the dataset
  const out: DatasetGallery = { size: 0, height: 0, keypointNames: labels[0]!.keypoint_names, skeleton: labels[0]!.skeleton, frames: [] };
  for (let i = 0; out.frames.length < limit && labels.some((l) => i < l.images.length); i++) {
    for (const label of labels) {
      const im = label.images[i];
      if (!im || out.frames.length >= limit) continue;
      out.size = im.width;
      out.height = im.height;
      out.frames.push({
        index: out.frames.length,
        caption: `${label.subject} · sample ${im.sample}${im.frame === null ? '' : ` · frame ${im.frame}`} · camera ${im.camera}`,
        image: dataUrl(join(dir, im.file_name)), mask: dataUrl(join(dir, im.mask_file)), keypoints: im.keypoints, bbox: im.bbox,
      });
    }
  }
  return out;
}
