// Render benchmark case for bench/synth.ts: 256×256 RGB + segment mask + linear depth frames per second through
// headless Chromium (SwiftShader WebGL2, CPU only), scene sampling in Node included; PNG encoding measured apart.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChromiumRenderer } from '../src/backend/render/chromium';
import { generateDataset } from '../src/backend/services/dataset';
import { framePngs } from '../src/backend/render/dataset';
import { sampleRenderScene } from '../src/core/render/scene';

export function renderCases(opt: (name: string, fallback: number) => number) {
  return [
    {
      // `generate cohort` with spec.render: drop-landing physics, then --cameras (default 4) 256² views per sample of
      // each of --subjects (default 50) subjects; frames/s of the render phase (browser up) and end to end.
      name: 'render-cohort-256',
      run: async () => {
        const subjects = opt('subjects', 50), cameras = opt('cameras', 4), workers = opt('workers', availableParallelism());
        const dir = mkdtempSync(join(tmpdir(), 'kinetwin-bench-render-'));
        try {
          const t0 = performance.now();
          const r = await generateDataset({ out: join(dir, 'ds'), spec: { size: subjects, seed: 1, tasks: ['drop-landing'], render: { width: 256, height: 256, cameras } }, workers });
          const seconds = (performance.now() - t0) / 1000;
          const t = JSON.parse(readFileSync(join(dir, 'ds', 'manifest.json'), 'utf8')).timings as Record<string, number>;
          return {
            subjects, cameras, workers, frames: t.renderedFrames, seconds: Math.round(seconds * 100) / 100,
            physicsSeconds: t.simulationSeconds, renderSeconds: Math.round(t.renderSeconds * 100) / 100,
            renderFramesPerSec: Math.round(t.renderFramesPerSecond * 10) / 10, endToEndFramesPerSec: Math.round((t.renderedFrames / seconds) * 10) / 10, files: r.files,
          };
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
    {
      name: 'render-256',
      run: async () => {
        const frames = opt('frames', 200), batch = opt('batch', 20), size = 256;
        const t0 = performance.now();
        const renderer = await ChromiumRenderer.launch();
        const launchSeconds = (performance.now() - t0) / 1000;
        await renderer.render([0, 1, 2, 3].map((i) => sampleRenderScene(1, 1_000_000 + i, { width: size }))); // shader compile, warm-up
        const before = await renderer.timings();
        let pixels = 0, pngSeconds = 0;
        const t1 = performance.now();
        for (let b0 = 0; b0 < frames; b0 += batch) {
          const scenes = [];
          for (let i = b0; i < Math.min(frames, b0 + batch); i++) scenes.push(sampleRenderScene(1, i, { width: size }));
          const out = await renderer.render(scenes);
          for (const f of out) for (let p = 0; p < f.mask.length; p++) pixels += f.mask[p] > 0 ? 1 : 0;
          const tp = performance.now();
          framePngs(out[0]);
          pngSeconds += ((performance.now() - tp) / 1000) * out.length; // one frame's encode per batch, scaled
        }
        const seconds = (performance.now() - t1) / 1000;
        const after = await renderer.timings();
        await renderer.close();
        const pageMsPerFrame = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, Math.round(((v - (before[k] ?? 0)) / frames) * 10) / 10]));
        return {
          frames, size, batch, seconds: Math.round(seconds * 100) / 100, framesPerSec: Math.round((frames / seconds) * 10) / 10,
          withPngFramesPerSec: Math.round((frames / (seconds + pngSeconds)) * 10) / 10,
          launchSeconds: Math.round(launchSeconds * 100) / 100, meanBodyPixels: Math.round(pixels / frames), pageMsPerFrame,
          renderer: 'headless Chromium, WebGL2 on SwiftShader (CPU)',
        };
      },
    },
  ];
}
