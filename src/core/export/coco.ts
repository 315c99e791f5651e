// COCO keypoint dataset builder and validator (REFERENCE.md §7; cocodataset.org "Data format").
import { KinetwinError } from '../errors';
import type { KeypointLayout } from './coco-layouts';

export interface CocoImage {
  id: number;
  file_name: string;
  width: number; // px
  height: number; // px
  [extra: string]: unknown;
}

export interface CocoCategory {
  id: number;
  name: string;
  supercategory: string;
  keypoints: string[];
  skeleton: [number, number][]; // 1-based
}

export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  keypoints: number[]; // [x, y, v] × K, px; v: 0 unlabelled (x = y = 0), 1 labelled hidden, 2 visible
  num_keypoints: number; // count of v > 0
  bbox: [number, number, number, number]; // [x, y, w, h], px
  area: number; // px²
  iscrowd: 0 | 1;
  [extra: string]: unknown;
}

export interface CocoDataset {
  info: Record<string, unknown>;
  licenses: unknown[];
  images: CocoImage[];
  annotations: CocoAnnotation[];
  categories: CocoCategory[];
}

export interface CocoInstance {
  imageId: number;
  categoryId: number;
  points: ArrayLike<number>; // K × 2, px, image frame (x right, y down)
  visibility: ArrayLike<number>; // K, 0 | 1 | 2
  bbox?: [number, number, number, number]; // default: box around labelled points, padded by `bboxPadding`
  area?: number; // default: bbox w × h
  extra?: Record<string, unknown>;
}

export interface CocoBuildInput {
  info?: Record<string, unknown>;
  categories: { id: number; layout: KeypointLayout; supercategory?: string }[];
  images: CocoImage[];
  instances: CocoInstance[];
  bboxPadding?: number; // fraction of the box size added on each side, default 0.1
}

/** Assemble a COCO keypoints dataset; annotation ids are 1-based in input order. */
export function buildCocoKeypoints(input: CocoBuildInput): CocoDataset {
  const categories: CocoCategory[] = input.categories.map((c) => ({
    id: c.id,
    name: c.layout.name,
    supercategory: c.supercategory ?? c.layout.name,
    keypoints: [...c.layout.keypoints],
    skeleton: c.layout.skeleton.map((e) => [e[0], e[1]] as [number, number]),
  }));
  const pad = input.bboxPadding ?? 0.1;
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const imageById = new Map(input.images.map((im) => [im.id, im])); // linear in images + instances (exports of 100k images)
  const annotations: CocoAnnotation[] = input.instances.map((inst, n) => {
    const cat = categoryById.get(inst.categoryId);
    if (!cat) throw new KinetwinError(`instance ${n}: unknown category ${inst.categoryId}`);
    const image = imageById.get(inst.imageId);
    if (!image) throw new KinetwinError(`instance ${n}: unknown image ${inst.imageId}`);
    const k = cat.keypoints.length;
    if (inst.points.length !== 2 * k || inst.visibility.length !== k) {
      throw new KinetwinError(`instance ${n}: expected ${k} keypoints for category "${cat.name}"`);
    }
    const keypoints: number[] = [];
    let count = 0;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < k; i++) {
      const v = inst.visibility[i];
      const x = inst.points[2 * i];
      const y = inst.points[2 * i + 1];
      if (v === 0 || !Number.isFinite(x) || !Number.isFinite(y)) {
        keypoints.push(0, 0, 0);
        continue;
      }
      if (v !== 1 && v !== 2) throw new KinetwinError(`instance ${n}: visibility must be 0, 1 or 2, got ${v}`);
      keypoints.push(x, y, v);
      count++;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    let bbox = inst.bbox;
    if (!bbox) {
      if (count === 0) bbox = [0, 0, 0, 0];
      else {
        const px = (x1 - x0) * pad;
        const py = (y1 - y0) * pad;
        const bx = Math.max(0, x0 - px);
        const by = Math.max(0, y0 - py);
        bbox = [bx, by, Math.min(image.width, x1 + px) - bx, Math.min(image.height, y1 + py) - by];
      }
    }
    return {
      ...(inst.extra ?? {}),
      id: n + 1,
      image_id: inst.imageId,
      category_id: inst.categoryId,
      keypoints,
      num_keypoints: count,
      bbox,
      area: inst.area ?? bbox[2] * bbox[3],
      iscrowd: 0,
    };
  });
  return { info: input.info ?? {}, licenses: [], images: input.images, annotations, categories };
}

/** Check a parsed COCO keypoints JSON; returns every problem found (empty when valid). */
export function validateCocoKeypoints(data: unknown): string[] {
  const errors: string[] = [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!isObj(data)) return ['top level is not an object'];
  for (const key of ['images', 'annotations', 'categories']) if (!Array.isArray(data[key])) errors.push(`"${key}" must be an array`);
  if (errors.length) return errors;
  const images = new Map<number, Record<string, unknown>>();
  (data.images as unknown[]).forEach((im, i) => {
    if (!isObj(im) || !Number.isInteger(im.id)) return errors.push(`images[${i}]: missing integer id`);
    if (images.has(im.id as number)) errors.push(`images[${i}]: duplicate id ${im.id}`);
    if (typeof im.file_name !== 'string') errors.push(`images[${i}]: missing file_name`);
    if (!isNum(im.width) || !isNum(im.height) || (im.width as number) <= 0 || (im.height as number) <= 0) errors.push(`images[${i}]: width and height must be positive`);
    images.set(im.id as number, im);
  });
  const categories = new Map<number, number>(); // id → keypoint count
  (data.categories as unknown[]).forEach((c, i) => {
    if (!isObj(c) || !Number.isInteger(c.id)) return errors.push(`categories[${i}]: missing integer id`);
    if (typeof c.name !== 'string') errors.push(`categories[${i}]: missing name`);
    if (!Array.isArray(c.keypoints) || !c.keypoints.every((k) => typeof k === 'string')) return errors.push(`categories[${i}]: keypoints must be a list of names`);
    const k = c.keypoints.length;
    if (!Array.isArray(c.skeleton)) errors.push(`categories[${i}]: skeleton must be a list of edges`);
    else
      c.skeleton.forEach((e, j) => {
        if (!Array.isArray(e) || e.length !== 2 || !e.every((v) => Number.isInteger(v) && v >= 1 && v <= k)) {
          errors.push(`categories[${i}].skeleton[${j}]: edges are pairs of 1-based keypoint indices in 1..${k}`);
        }
      });
    if (categories.has(c.id as number)) errors.push(`categories[${i}]: duplicate id ${c.id}`);
    categories.set(c.id as number, k);
  });
  const annIds = new Set<number>();
  (data.annotations as unknown[]).forEach((a, i) => {
    const at = `annotations[${i}]`;
    if (!isObj(a) || !Number.isInteger(a.id)) return errors.push(`${at}: missing integer id`);
    if (annIds.has(a.id as number)) errors.push(`${at}: duplicate id ${a.id}`);
    annIds.add(a.id as number);
    const image = images.get(a.image_id as number);
    if (!image) errors.push(`${at}: image_id ${String(a.image_id)} not among images`);
    const k = categories.get(a.category_id as number);
    if (k === undefined) return errors.push(`${at}: category_id ${String(a.category_id)} not among categories`);
    const kp = a.keypoints;
    if (!Array.isArray(kp) || kp.length !== 3 * k || !kp.every(isNum)) return errors.push(`${at}: keypoints must be ${3 * k} numbers ([x, y, v] × ${k})`);
    let labelled = 0;
    for (let j = 0; j < k; j++) {
      const [x, y, v] = [kp[3 * j], kp[3 * j + 1], kp[3 * j + 2]] as number[];
      if (v !== 0 && v !== 1 && v !== 2) errors.push(`${at}: keypoint ${j + 1} visibility ${v} not in {0, 1, 2}`);
      if (v === 0 && (x !== 0 || y !== 0)) errors.push(`${at}: keypoint ${j + 1} is unlabelled (v = 0) but not at (0, 0)`);
      if (v > 0) {
        labelled++;
        if (image && (x < 0 || y < 0 || x > (image.width as number) || y > (image.height as number))) errors.push(`${at}: keypoint ${j + 1} lies outside the image`);
      }
    }
    if (a.num_keypoints !== labelled) errors.push(`${at}: num_keypoints ${String(a.num_keypoints)} but ${labelled} keypoints have v > 0`);
    const b = a.bbox;
    if (!Array.isArray(b) || b.length !== 4 || !b.every(isNum) || b[2] < 0 || b[3] < 0) errors.push(`${at}: bbox must be [x, y, w, h] with w, h ≥ 0`);
    if (!isNum(a.area) || a.area < 0) errors.push(`${at}: area must be a number ≥ 0`);
    if (a.iscrowd !== 0 && a.iscrowd !== 1) errors.push(`${at}: iscrowd must be 0 or 1`);
  });
  return errors;
}
