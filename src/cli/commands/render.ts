// `kinetwin render poses`: randomised, labelled renders of the twin body (RGB, segment mask, depth, COCO keypoints,
// cameras, 3D joints) through headless Chromium + SwiftShader (src/backend/render/chromium.ts).
import { KinetwinError } from '../../core/errors';
import { renderPoses } from '../../backend/render/dataset';
import type { Command } from '../command';

const int = (v: unknown, flag: string, fallback?: number): number => {
  if (v === undefined && fallback !== undefined) return fallback;
  const n = Number(v);
  if (v === undefined || !Number.isInteger(n)) throw new KinetwinError(`--${flag} must be an integer`);
  return n;
};

export const renderPosesCommand: Command = {
  name: 'render poses',
  summary: 'Render N randomised, labelled body images (RGB + segment mask + depth, COCO keypoints, cameras, 3D joints)',
  usage: '--n N --seed S --out DIR [--size 256] [--start I] [--json]',
  flags: {
    n: { type: 'number', value: 'N', description: 'frames to render' },
    seed: { type: 'number', value: 'S', description: 'seed: frame i depends only on (seed, i)' },
    out: { type: 'string', value: 'DIR', description: 'output directory (required)' },
    size: { type: 'number', value: 'PX', description: 'square image size in pixels (default 256)' },
    start: { type: 'number', value: 'I', description: 'first sample index (default 0), for shards' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const out = args.flags.out as string | undefined;
    if (!out) throw new KinetwinError('--out DIR is required');
    const result = await renderPoses({
      n: int(args.flags.n, 'n'),
      seed: int(args.flags.seed, 'seed'),
      outDir: out,
      size: int(args.flags.size, 'size', 256),
      start: int(args.flags.start, 'start', 0),
      onProgress: (done, total) => { if (!io.quiet && !io.json) io.progress(done, total, 'frames'); },
    });
    if (io.json) io.printJson(result);
    else {
      io.out(`rendered ${result.frames} frames of ${result.size}×${result.size} px in ${result.seconds.toFixed(1)} s (${result.framesPerSec} frames/s)`);
      io.out(`  ${result.annotations} COCO annotations, ${result.visibleKeypoints} visible and ${result.occludedKeypoints} occluded keypoints`);
      io.out(`  ${result.outDir}`);
    }
    return 0;
  },
};
