// `kinetwin export DIR --format coco`: a COCO keypoints dataset folder from a dataset's renders (dataset-render.ts):
//   annotations/person_keypoints.json  images, one person annotation per image with the body in view (17 keypoints
//                                      with v = 0/1/2, bbox and area from the segment mask, num_keypoints, iscrowd 0),
//                                      the person category with its skeleton; camera K/R/t and 3D keypoints as extras
//   images/<subject>-<k>-c<cc>.png, masks/…, depth/…  hard-linked from the dataset (copied across file systems)
// Validated by core's COCO validator before anything is written.
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestDigest, type DatasetManifest } from '../../core/dataset/manifest';
import { KinetwinError } from '../../core/errors';
import { buildCocoKeypoints, validateCocoKeypoints, type CocoImage, type CocoInstance } from '../../core/export/coco';
import { COCO_PERSON_17 } from '../../core/export/coco-layouts';
import { sha256File } from './dataset-env';
import { RENDER_LABEL_FORMAT, type RenderLabelFile } from './dataset-render';

export const COCO_NO_RENDERS = 'COCO export needs rendered images: this dataset has none; generate with a spec that has render settings ("render": { "width", "height", "cameras" }) or export as parquet/bids';

const RENDER_LABEL = /^renders\/[^/]+\/[^/]+\.json$/;

/** The manifest's files as path → sha256. */
export function manifestHashes(m: DatasetManifest): Map<string, string> {
  return new Map(m.files.map((f) => [f.path, f.sha256]));
}

/** The render label files (renders/<subject>/<subject>.json) a manifest lists, in manifest order. */
export function renderLabelPaths(m: DatasetManifest): string[] {
  return m.files.filter((f) => RENDER_LABEL.test(f.path)).map((f) => f.path);
}

/** True when the dataset's manifest lists render label files. */
export function hasRenders(m: DatasetManifest): boolean {
  return m.files.some((f) => RENDER_LABEL.test(f.path));
}

/** Hard link, or a copy where linking is impossible (another file system, no permission). */
function linkOrCopy(src: string, dst: string): void {
  try {
    linkSync(src, dst);
  } catch {
    copyFileSync(src, dst);
  }
}

const flat = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * Reads a render label file the manifest lists, checked: present, matching its manifest hash, valid JSON of the
 * render label format, and referring only to image files the manifest lists (no paths out of the dataset).
 * `listed`: the manifest's files, path → sha256 (manifestHashes).
 */
export function readRenderLabels(dir: string, rel: string, listed: ReadonlyMap<string, string>): RenderLabelFile {
  const sha = listed.get(rel);
  const path = join(dir, ...rel.split('/'));
  if (sha === undefined || !existsSync(path)) throw new KinetwinError(`render labels ${rel} are missing`, dir);
  if (sha256File(path) !== sha) throw new KinetwinError(`render labels ${rel} do not match the manifest hash`, dir);
  let label: RenderLabelFile;
  try {
    label = JSON.parse(readFileSync(path, 'utf8')) as RenderLabelFile;
  } catch (e) {
    throw new KinetwinError(`render labels ${rel} are not valid JSON: ${(e as Error).message}`, dir);
  }
  if (label?.format !== RENDER_LABEL_FORMAT || !Array.isArray(label.images)) throw new KinetwinError(`${rel} is not a Kinetwin render label file`, dir);
  for (const im of label.images) {
    for (const ref of [im.file_name, im.mask_file, im.depth_file]) {
      if (typeof ref !== 'string' || !listed.has(ref)) throw new KinetwinError(`${rel} refers to ${String(ref)}, which the manifest does not list`, dir);
    }
    if (!Array.isArray(im.keypoints) || im.keypoints.length !== 3 * COCO_PERSON_17.keypoints.length) throw new KinetwinError(`${rel}: ${im.file_name} needs ${COCO_PERSON_17.keypoints.length} keypoints`, dir);
  }
  return label;
}

/** Writes the COCO folder into `out`; appends the written paths (relative, POSIX) to `files`. */
export function exportCoco(dir: string, m: DatasetManifest, out: string, files: string[]): void {
  const labelFiles = m.files.filter((f) => RENDER_LABEL.test(f.path));
  if (labelFiles.length === 0) throw new KinetwinError(COCO_NO_RENDERS, dir);
  const listed = manifestHashes(m);
  const images: CocoImage[] = [];
  const instances: CocoInstance[] = [];
  const copies: Array<[string, string]> = [];
  let maskLabels: string[] = [];
  for (const f of labelFiles) {
    const label = readRenderLabels(dir, f.path, listed);
    maskLabels = label.mask_labels;
    for (const im of label.images) {
      const id = images.length + 1;
      const name = flat(im.file_name);
      images.push({
        id, file_name: name, width: im.width, height: im.height,
        subject: label.subject, sample: im.sample, camera: im.camera, time: im.time, grf_bw: im.grf_bw,
        mask_file: `masks/${flat(im.mask_file)}`, depth_file: `depth/${flat(im.depth_file)}`,
      });
      for (const [from, to] of [[im.file_name, `images/${name}`], [im.mask_file, `masks/${flat(im.mask_file)}`], [im.depth_file, `depth/${flat(im.depth_file)}`]]) copies.push([from, to]);
      if (!im.bbox) continue; // the body is entirely outside this view: an image without annotation
      const points: number[] = [], visibility: number[] = [];
      for (let j = 0; j < im.keypoints.length; j += 3) { points.push(im.keypoints[j], im.keypoints[j + 1]); visibility.push(im.keypoints[j + 2]); }
      instances.push({ imageId: id, categoryId: 1, points, visibility, bbox: im.bbox, area: im.area, extra: { keypoints_3d: im.keypoints_3d, camera: { K: im.K, R: im.R, t: im.t } } });
    }
  }
  const coco = buildCocoKeypoints({
    info: {
      description: `Kinetwin synthetic ${m.task} cohort, rendered`, version: m.generator.version, kinetwin_dataset: manifestDigest(m), spec_hash: m.specHash,
      seed: m.spec.seed, mask_labels: maskLabels, depth_unit: 'mm along the optical axis (16-bit PNG), 0 = background',
      camera_convention: 'OpenCV pinhole: x_cam = R·X_world + t (m); world Y up, ground y = 0',
    },
    categories: [{ id: 1, layout: COCO_PERSON_17 }],
    images,
    instances,
  });
  const problems = validateCocoKeypoints(coco);
  if (problems.length > 0) throw new KinetwinError(`COCO export is not valid: ${problems.slice(0, 3).join('; ')}`, dir);
  for (const sub of ['annotations', 'images', 'masks', 'depth']) mkdirSync(join(out, sub), { recursive: true });
  for (const [from, to] of copies) {
    const src = join(dir, ...from.split('/'));
    if (!existsSync(src)) throw new KinetwinError(`rendered file ${from} is missing`, dir);
    linkOrCopy(src, join(out, ...to.split('/')));
    files.push(to);
  }
  writeFileSync(join(out, 'annotations', 'person_keypoints.json'), JSON.stringify(coco));
  files.push('annotations/person_keypoints.json');
}
