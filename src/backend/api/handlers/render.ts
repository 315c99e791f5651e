import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPoses } from '../../render/dataset';
import { datasetGallery } from '../../services/dataset-gallery';
import type { Handlers } from './types';

interface Coco {
  images: { id: number; file_name: string }[];
  annotations: { image_id: number; keypoints: number[]; bbox: number[] }[];
  categories: { keypoints: string[]; skeleton: [number, number][] }[];
}

const dataUrl = (path: string) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;

export const renderHandlers: Handlers<'renderGallery' | 'datasetGallery'> = {
  datasetGallery: async (req) => datasetGallery(req.dataset, req.limit),
  renderGallery: async (req, ctx) => {
    const dir = mkdtempSync(join(tmpdir(), 'kinetwin-gallery-'));
    try {
      await renderPoses({ n: req.n, seed: req.seed, size: req.size, outDir: dir, onProgress: (done, total) => ctx.progress({ phase: 'render', done, total }) });
      const coco = JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8')) as Coco;
      const category = coco.categories[0]!;
      return {
        size: req.size,
        keypointNames: category.keypoints,
        skeleton: category.skeleton,
        frames: coco.images.map((im, i) => {
          const ann = coco.annotations.find((a) => a.image_id === im.id);
          return {
            index: i,
            image: dataUrl(join(dir, im.file_name)),
            mask: dataUrl(join(dir, im.file_name.replace(/^images\//, 'masks/'))),
            keypoints: ann?.keypoints ?? [],
            bbox: ann?.bbox ?? null,
          };
        }),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
