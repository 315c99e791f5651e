import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDataset, readManifest } from '../../../src/backend/services/dataset';
import { exportDataset } from '../../../src/backend/services/dataset-export';
import { mergeDatasets, reproduceDataset } from '../../../src/backend/services/dataset-merge';
import { renderDatasetSubjects } from '../../../src/backend/services/dataset-render';
import { datasetGallery } from '../../../src/backend/services/dataset-gallery';
import { ChromiumRenderer } from '../../../src/backend/render/chromium';
import { holdChromium } from '../../../src/backend/render/shared';
import { parseCohortSpec } from '../../../src/core/cohort/spec';
import { withoutTimings } from '../../../src/core/dataset/manifest';
import { validateCocoKeypoints } from '../../../src/core/export/coco';
import { projectPoints } from '../../../src/core/render/camera';
import { sharedData } from '../../helpers/shared';

const fit = sharedData('anthropometry', 'ansur2_train.csv');
const spec = { size: 2, seed: 9, tasks: ['drop-landing'], samplesPerSubject: 1, render: { width: 64, height: 64, cameras: 2 } };

/** path → bytes of every file under dir. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => { for (const e of readdirSync(d)) { const p = join(d, e); if (statSync(p).isDirectory()) walk(p); else out.set(relative(dir, p).split(sep).join('/'), readFileSync(p)); } };
  walk(dir);
  return out;
}

/** Samples of an 8-bit grey or RGB PNG written by core/render/png.ts (filter 0 on every row). */
function pngPixels(bytes: Buffer): { width: number; height: number; channels: number; data: Buffer } {
  const width = bytes.readUInt32BE(16), height = bytes.readUInt32BE(20), channels = bytes[25] === 2 ? 3 : 1;
  const idat: Buffer[] = [];
  for (let o = 8; o < bytes.length;) { const n = bytes.readUInt32BE(o); if (bytes.toString('latin1', o + 4, o + 8) === 'IDAT') idat.push(bytes.subarray(o + 8, o + 8 + n)); o += 12 + n; }
  const raw = inflateSync(Buffer.concat(idat)), stride = width * channels, data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) raw.copy(data, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  return { width, height, channels, data };
}

describe('generate cohort without render settings', () => {
  it('never starts Chromium', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kinetwin-norender-'));
    const launch = vi.spyOn(ChromiumRenderer, 'launch');
    try {
      const r = await generateDataset({ out: join(root, 'd'), spec: { ...spec, render: undefined }, fit, workers: 0 });
      expect(r.files).toBe(6); // 2 labels + 2 MOT + subjects.csv/.parquet, no renders
      expect(launch).not.toHaveBeenCalled();
      await expect(exportDataset(join(root, 'd'), { format: 'coco', out: join(root, 'coco'), fit })).rejects.toThrow(/generate with a spec that has render settings/);
    } finally {
      launch.mockRestore();
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('skips rendering hand-poses with a warning in the manifest, without a browser', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kinetwin-handrender-'));
    const launch = vi.spyOn(ChromiumRenderer, 'launch');
    try {
      await generateDataset({ out: join(root, 'h'), spec: { ...spec, size: 1, tasks: ['hand-poses'] }, fit, workers: 0 });
      const m = readManifest(join(root, 'h'));
      expect(m.warnings).toEqual([expect.stringMatching(/render settings ignored: task hand-poses/)]);
      expect(m.files.some((f) => f.path.startsWith('renders/'))).toBe(false);
      expect(launch).not.toHaveBeenCalled();
    } finally {
      launch.mockRestore();
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('generate cohort with render settings (n=2, 1 sample, 64×64, 2 cameras; one Chromium for the file)', () => {
  const root = mkdtempSync(join(tmpdir(), 'kinetwin-render-ds-'));
  const progress: Array<[number, number]> = [];
  let release: () => Promise<void>;
  beforeAll(async () => {
    release = await holdChromium();
    await generateDataset({ out: join(root, 'a'), spec, fit, workers: 0, onProgress: (d, t) => progress.push([d, t]) });
    await generateDataset({ out: join(root, 'b'), spec, fit, workers: 0 });
    for (const k of [1, 2]) await generateDataset({ out: join(root, `shard${k}`), spec, fit, shard: `${k}/2`, workers: 0 });
    mergeDatasets([join(root, 'shard2'), join(root, 'shard1')], join(root, 'merged'));
  }, 120_000);
  afterAll(async () => {
    await release();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes RGB, mask and depth PNGs per sample and camera, one label file per subject, all hashed in the manifest', () => {
    const m = readManifest(join(root, 'a'));
    const renders = m.files.filter((f) => f.path.startsWith('renders/')).map((f) => f.path);
    expect(renders).toEqual(['S0000', 'S0001'].flatMap((s) => [
      ...['c00', 'c01'].flatMap((c) => [`renders/${s}/${s}-00-${c}.depth.png`, `renders/${s}/${s}-00-${c}.mask.png`, `renders/${s}/${s}-00-${c}.png`]), `renders/${s}/${s}.json`,
    ]));
    const png = readFileSync(join(root, 'a', 'renders/S0001/S0001-00-c01.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([64, 64, 8, 2]);
    const depth = readFileSync(join(root, 'a', 'renders/S0001/S0001-00-c01.depth.png'));
    expect([depth[24], depth[25]]).toEqual([16, 0]);
    expect(m.timings.renderedFrames).toBe(4);
  });

  it("the app's gallery shows the dataset's own images with their label files' keypoints and boxes", () => {
    const g = datasetGallery(join(root, 'a'), 3);
    expect([g.size, g.height, g.keypointNames.length, g.frames.length]).toEqual([64, 64, 17, 3]);
    const label = JSON.parse(readFileSync(join(root, 'a', 'renders/S0000/S0000.json'), 'utf8'));
    // round-robin over subjects: S0000 c0, S0001 c0, S0000 c1
    expect(g.frames.map((f) => f.caption)).toEqual(['S0000 · sample 0 · camera 0', 'S0001 · sample 0 · camera 0', 'S0000 · sample 0 · camera 1']);
    expect(g.frames[2]).toMatchObject({ keypoints: label.images[1].keypoints, bbox: label.images[1].bbox });
    expect(Buffer.from(g.frames[2].image.replace('data:image/png;base64,', ''), 'base64').equals(readFileSync(join(root, 'a', 'renders/S0000/S0000-00-c01.png')))).toBe(true);
    expect(() => datasetGallery(join(root, 'no-renders-here'), 3)).toThrow();
  });

  it('reports progress over the subjects, then every rendered frame', () => {
    expect(progress.map(([d]) => d)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.every(([, t]) => t === 6)).toBe(true);
  });

  it('labels: the subject body at peak GRF, keypoints the camera projects, a box equal to the mask extent', () => {
    const dir = join(root, 'a');
    const label = JSON.parse(readFileSync(join(dir, 'renders/S0000/S0000.json'), 'utf8'));
    const sample = JSON.parse(readFileSync(join(dir, 'samples/S0000/S0000-00.json'), 'utf8'));
    expect(label.images).toHaveLength(2);
    for (const im of label.images) {
      expect(im.grf_bw).toBeCloseTo(sample.outcomes.peakVerticalGrfBw, 3); // the pose is the peak-GRF instant
      const uvz = new Float64Array(51);
      projectPoints({ width: 64, height: 64, K: im.K, R: im.R, t: im.t }, im.keypoints_3d, uvz);
      for (let j = 0; j < 17; j++) if (im.keypoints[3 * j + 2] > 0) { expect(im.keypoints[3 * j]).toBeCloseTo(uvz[3 * j], 1); expect(im.keypoints[3 * j + 1]).toBeCloseTo(uvz[3 * j + 1], 1); }
      const mask = pngPixels(readFileSync(join(dir, im.mask_file)));
      let x0 = 64, y0 = 64, x1 = -1, y1 = -1, area = 0;
      for (let p = 0; p < 64 * 64; p++) if (mask.data[p]) { area++; const x = p % 64, y = Math.floor(p / 64); x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
      expect(area).toBeGreaterThan(100);
      expect(im.bbox).toEqual([x0, y0, x1 - x0 + 1, y1 - y0 + 1]);
      expect(im.area).toBe(area);
      expect(Math.max(...mask.data)).toBeLessThan(label.mask_labels.length);
    }
    // the two cameras of one instant see the same body from different places
    expect(label.images[0].keypoints_3d).toEqual(label.images[1].keypoints_3d);
    expect(label.images[0].t).not.toEqual(label.images[1].t);
  });

  it('same seed → identical bytes, rendered images included', () => {
    const a = snapshot(join(root, 'a')), b = snapshot(join(root, 'b'));
    a.delete('manifest.json');
    b.delete('manifest.json');
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [p, bytes] of a) expect(bytes.equals(b.get(p)!), p).toBe(true);
    expect(JSON.stringify(withoutTimings(readManifest(join(root, 'a'))))).toBe(JSON.stringify(withoutTimings(readManifest(join(root, 'b')))));
  });

  it('renders the same bytes one frame per browser round trip as in batches', async () => {
    const copy = join(root, 'batch1');
    cpSync(join(root, 'a'), copy, { recursive: true });
    const m = readManifest(copy);
    const r = await renderDatasetSubjects({ dir: copy, spec: parseCohortSpec(spec), task: 'drop-landing', subjects: m.subjects, batch: 1 });
    const listed = new Map(m.files.map((f) => [f.path, f.sha256]));
    expect(r.frames).toBe(4);
    for (const f of r.files) expect(f.sha256, f.path).toBe(listed.get(f.path));
  }, 30_000);

  it('2 shards merged == single run, renders included', () => {
    const a = snapshot(join(root, 'a')), m = snapshot(join(root, 'merged'));
    a.delete('manifest.json');
    m.delete('manifest.json');
    expect([...m.keys()]).toEqual([...a.keys()]);
    for (const [p, bytes] of a) expect(bytes.equals(m.get(p)!), p).toBe(true);
    expect(JSON.stringify(withoutTimings(readManifest(join(root, 'merged'))))).toBe(JSON.stringify(withoutTimings(readManifest(join(root, 'a')))));
  });

  it('reproduce regenerates and verifies every image hash', async () => {
    const r = await reproduceDataset(join(root, 'a'), { fit, workers: 0 });
    expect(r.differing).toEqual([]);
    expect(r.checked).toBe(20);
    expect(r.identical).toBe(true);
  }, 60_000);

  it('exports a COCO keypoints folder that validates, images hard-linked or copied', async () => {
    const out = join(root, 'coco');
    const r = await exportDataset(join(root, 'a'), { format: 'coco', out, fit });
    expect(r.files).toContain('annotations/person_keypoints.json');
    const coco = JSON.parse(readFileSync(join(out, 'annotations', 'person_keypoints.json'), 'utf8'));
    expect(validateCocoKeypoints(coco)).toEqual([]);
    expect(coco.images.map((im: { file_name: string }) => im.file_name)).toEqual(['S0000-00-c00.png', 'S0000-00-c01.png', 'S0001-00-c00.png', 'S0001-00-c01.png']);
    expect(coco.categories[0].keypoints).toHaveLength(17);
    expect(coco.categories[0].skeleton).toHaveLength(19);
    const label = JSON.parse(readFileSync(join(root, 'a', 'renders/S0001/S0001.json'), 'utf8'));
    const ann = coco.annotations.find((x: { image_id: number }) => x.image_id === 4);
    expect(ann.keypoints).toEqual(label.images[1].keypoints);
    expect(ann.bbox).toEqual(label.images[1].bbox);
    expect(ann.num_keypoints).toBe(label.images[1].keypoints.filter((_: number, i: number) => i % 3 === 2).filter((v: number) => v > 0).length);
    expect(ann.iscrowd).toBe(0);
    for (const im of coco.images) {
      expect(readFileSync(join(out, 'images', im.file_name)).equals(readFileSync(join(root, 'a', 'renders', im.subject, im.file_name)))).toBe(true);
      expect(existsSync(join(out, im.mask_file)) && existsSync(join(out, im.depth_file))).toBe(true);
    }
  }, 30_000);

  it('export refuses label files that point outside the dataset, even with a matching manifest hash', async () => {
    const evil = join(root, 'evil');
    cpSync(join(root, 'a'), evil, { recursive: true });
    const rel = 'renders/S0000/S0000.json';
    const label = JSON.parse(readFileSync(join(evil, rel), 'utf8'));
    label.images[0].file_name = '../../../../etc/hostname';
    const text = JSON.stringify(label);
    writeFileSync(join(evil, rel), text);
    const m = JSON.parse(readFileSync(join(evil, 'manifest.json'), 'utf8'));
    m.files.find((f: { path: string }) => f.path === rel).sha256 = createHash('sha256').update(text).digest('hex');
    writeFileSync(join(evil, 'manifest.json'), JSON.stringify(m));
    await expect(exportDataset(evil, { format: 'coco', out: join(root, 'evil-coco'), fit })).rejects.toThrow(/manifest does not list/);
    expect(existsSync(join(root, 'evil-coco', 'images'))).toBe(false);
  });

  it('gait: renders frames of the walk at render.fps (capped at 8) with the sample’s own coordinates', async () => {
    const out = join(root, 'gait');
    await generateDataset({ out, spec: { ...spec, size: 1, tasks: ['gait'], render: { width: 48, height: 48, cameras: 1, fps: 10 } }, fit, workers: 0 });
    const label = JSON.parse(readFileSync(join(out, 'renders/S0000/S0000.json'), 'utf8'));
    expect(label.images.map((im: { file_name: string }) => im.file_name)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((f) => `renders/S0000/S0000-00-f0${f}-c00.png`));
    const times = label.images.map((im: { time: number }) => im.time);
    times.forEach((t: number, f: number) => expect(t - times[0]).toBeCloseTo(f / 10, 9));
    // frame 0 is the MOT's first row: its coordinates (deg → rad) are the rendered pose's
    const mot = readFileSync(join(out, 'samples/S0000/S0000-00.mot'), 'utf8').split('\n');
    const header = mot.findIndex((l) => l === 'endheader') + 1;
    const cols = mot[header].split('\t'), row = mot[header + 1].split('\t').map(Number);
    const knee = cols.indexOf('knee_flexion_r'), coords = label.images[0].coordinates as number[];
    expect(coords).toContain(Math.round((row[knee] * Math.PI) / 180 * 1e6) / 1e6);
  }, 60_000);

  it('cancellation during the render phase removes the half-written dataset', async () => {
    const ac = new AbortController();
    const out = join(root, 'cancelled');
    await expect(generateDataset({ out, spec, fit, workers: 0, signal: ac.signal, onProgress: (d) => { if (d === 3) ac.abort(); } })).rejects.toThrow(/cancelled/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
