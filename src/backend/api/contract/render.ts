import { z } from 'zod';
import { op } from '../operation';

// A small gallery of rendered, labelled synthetic frames for the Cohorts workspace.
export const renderOps = {
  renderGallery: op({
    summary: 'Render a few labelled synthetic frames (RGB + segment mask, COCO keypoints and boxes) for review',
    long: true,
    request: z.object({ n: z.number().int().min(1).max(16).default(8), seed: z.number().int().min(0).default(1), size: z.number().int().min(64).max(512).multipleOf(2).default(192) }).strict(),
    response: z.object({
      size: z.number().int(),
      keypointNames: z.array(z.string()),
      skeleton: z.array(z.tuple([z.number().int(), z.number().int()])),
      frames: z.array(z.object({
        index: z.number().int(),
        image: z.string(), // data:image/png;base64
        mask: z.string(),
        keypoints: z.array(z.number()), // COCO [x, y, v] × K, pixels
        bbox: z.array(z.number()).nullable(), // [x, y, w, h]
      })),
    }),
  }),
  datasetGallery: op({
    summary: "A generated dataset's rendered images with their COCO keypoints and boxes, for review",
    request: z.object({ dataset: z.string().min(1), limit: z.number().int().min(1).max(48).default(12) }).strict(),
    response: z.object({
      size: z.number().int(), // px, width
      height: z.number().int(),
      keypointNames: z.array(z.string()),
      skeleton: z.array(z.tuple([z.number().int(), z.number().int()])),
      frames: z.array(z.object({ index: z.number().int(), caption: z.string(), image: z.string(), mask: z.string(), keypoints: z.array(z.number()), bbox: z.array(z.number()).nullable() })),
    }),
  }),
};
