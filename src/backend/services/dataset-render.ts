// The render phase of `generate cohort` (spec.render): each sample of each subject drawn as the subject's own body
// (core/render/cohortBody.ts) in the task's pose at peak vertical GRF (drop-landing, cmj; core/render/taskPose.ts) or
// at up to 8 frames of its walk at spec.render.fps (gait: the walker model its MOT/TRC were written for), seen by
// spec.render.cameras randomised cameras (core/render/cohortScene.ts), rendered by headless Chromium (SwiftShader;
// byte-identical across runs and batch sizes on one machine, tests/backend/services/datasetRender.test.ts). hand-poses
// has no body to render: the manifest says so in `warnings`. Per subject (gait names add -f<ff> before -c<cc>):
//   renders/<id>/<id>-<k>-c<cc>.png        RGB
//   renders/<id>/<id>-<k>-c<cc>.mask.png   8-bit segment ids (labels in the subject JSON's mask_labels)
//   renders/<id>/<id>-<k>-c<cc>.depth.png  16-bit, mm along the optical axis, 0 = background
//   renders/<id>/<id>.json                 per image: camera K/R/t, 2D keypoints with COCO visibility, box, 3D joints
// Everything a subject renders lives under its own folder, so shards own their renders and merge copies them.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CohortSpec } from '../../core/cohort/spec';
import type { DatasetFile, DatasetSubject } from '../../core/dataset/manifest';
import { sampleDigits, samplePath } from '../../core/dataset/naming';
import { KinetwinError } from '../../core/errors';
import { COCO_PERSON_17 } from '../../core/export/coco-layouts';
import { readMot } from '../../core/formats/mot/read';
import { motColumn } from '../../core/formats/mot/table';
import { gaitSubjectBody } from '../../core/dataset/gait-task';
import { bodyGeometry, type BodyGeometry } from '../../core/render/body';
import { cohortBodyModel, girthOf, type CohortBody } from '../../core/render/cohortBody';
import { cohortViewScenes } from '../../core/render/cohortScene';
import type { RenderScene } from '../../core/render/scene';
import { frameTimes, groundBody, legPose, motPose, peakGrfAngles } from '../../core/render/taskPose';
import { keypointVisibility, maskBox } from '../../core/render/visibility';
import { framePngs } from '../render/dataset';
import type { ChromiumRenderer, RenderedBuffers } from '../render/chromium';
import { withChromium } from '../render/shared';

export const RENDER_LABEL_FORMAT = 'kinetwin-render-labels';
export const GAIT_RENDER_MAX_FRAMES = 8; // frames per gait sample, at spec.render.fps from the first heel strike
const POSED_TASKS = new Set(['drop-landing', 'cmj']);

/** What the render phase will do for (spec, task): frames per sample (at most, for gait), or why it skips (a manifest warning). */
export function renderPlan(spec: CohortSpec, task: string): { framesPerSample: number; warning: string | null } {
  const r = spec.render;
  if (!r) return { framesPerSample: 0, warning: null };
  if (r.format !== 'png') throw new KinetwinError(`render format ${r.format} is not supported (lossless png only: masks and depth must stay exact)`);
  if (r.width > 4096 || r.height > 4096) throw new KinetwinError(`render size ${r.width}×${r.height} exceeds 4096 px per side`);
  if (POSED_TASKS.has(task)) return { framesPerSample: r.cameras, warning: null };
  if (task === 'gait') return { framesPerSample: r.cameras * GAIT_RENDER_MAX_FRAMES, warning: null };
  return { framesPerSample: 0, warning: `render settings ignored: task ${task} has no full-body pose to render (drop-landing, cmj and gait render)` };
}

/** One instant of a sample to draw: its pose and where it came from in the series. */
interface View { k: number; frame: number | null; time: number; grfBw: number | null; q: Float64Array; geometry: BodyGeometry }

/** The subject's body and the instants its samples show (peak GRF for landing/CMJ; frames at fps for gait). */
function subjectViews(dir: string, spec: CohortSpec, task: string, s: DatasetSubject): { body: CohortBody; views: View[] } {
  const K = spec.samplesPerSubject;
  const series = (k: number) => readMot(readFileSync(join(dir, ...samplePath(s.id, k, K, 'mot').split('/'))));
  const views: View[] = [];
  if (task === 'gait') { // the walker model the MOT was written for, so renders agree with the sample's TRC markers
    const g = gaitSubjectBody(s);
    const heightM = s.values.stature, massKg = s.values.mass;
    const body: CohortBody = { model: g.model, pose: g.pose, heightM, massKg, girth: girthOf(s.sex, heightM, massKg) };
    for (const { k } of s.samples) {
      const mot = series(k), tc = motColumn(mot, 'time'), n = mot.columns.length;
      const duration = mot.data[(mot.rows - 1) * n + tc] - mot.data[tc];
      frameTimes(duration, spec.render!.fps, GAIT_RENDER_MAX_FRAMES).forEach((dt, frame) => {
        const time = mot.data[tc] + dt, q = motPose(g.model, g.pose, mot, time);
        views.push({ k, frame, time, grfBw: null, q, geometry: bodyGeometry(g.model, q, heightM, undefined, body.girth) });
      });
    }
    return { body, views };
  }
  const body = cohortBodyModel({ sex: s.sex, values: s.values });
  for (const { k } of s.samples) {
    const angles = peakGrfAngles(series(k));
    const q = legPose(body.model, body.pose, angles);
    views.push({ k, frame: null, time: angles.time, grfBw: angles.grfBw, q, geometry: groundBody(body.model, q, body.heightM, body.girth) });
  }
  return { body, views };
}

export interface RenderPhaseOptions {
  dir: string; // dataset directory holding the samples' MOT series
  spec: CohortSpec;
  task: string;
  subjects: DatasetSubject[]; // in index order
  batch?: number; // frames per browser round trip (default 16, fewer for large images)
  signal?: AbortSignal;
  onFrame?: () => void; // after each rendered frame
}

export interface RenderPhaseResult {
  files: DatasetFile[];
  frames: number;
  seconds: number; // wall time, browser start included
  framesPerSecond: number; // frames / seconds after the browser is up
}

/** One rendered image's labels, as written into renders/<subject>/<subject>.json (`images`). */
export interface ImageLabel {
  file_name: string; mask_file: string; depth_file: string; sample: number; frame: number | null; camera: number; time: number; grf_bw: number | null;
  width: number; height: number; K: number[]; R: number[]; t: number[];
  keypoints: number[]; num_keypoints: number; bbox: [number, number, number, number] | null; area: number;
  keypoints_3d: number[]; joints: Record<string, number[]>; coordinates: number[];
}

/** A render label file: renders/<subject>/<subject>.json. */
export interface RenderLabelFile {
  format: typeof RENDER_LABEL_FORMAT; subject: string; task: string; keypoint_names: string[]; skeleton: [number, number][];
  mask_labels: string[]; images: ImageLabel[];
}

interface PendingSubject { subject: DatasetSubject; expected: number; done: number; images: Array<ImageLabel | undefined> }

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
const r2 = (v: number) => Math.round(v * 100) / 100;

function writeHashed(dir: string, rel: string, bytes: Uint8Array, files: DatasetFile[]): void {
  const full = join(dir, ...rel.split('/'));
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, bytes);
  files.push({ path: rel, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
}

/** Label of one rendered view: projection, visibility from the depth buffer, box from the mask. */
function imageLabel(scene: RenderScene, buf: RenderedBuffers, stem: string, v: View): ImageLabel {
  const cam = scene.camera;
  const kp = keypointVisibility(cam, scene.keypoints, scene.keypointTolerance, buf.depth);
  const box = maskBox(buf.mask, cam.width, cam.height);
  const keypoints: number[] = [];
  let n = 0;
  for (let j = 0; j < kp.visibility.length; j++) {
    const v = kp.visibility[j];
    keypoints.push(v ? r2(kp.points[2 * j]) : 0, v ? r2(kp.points[2 * j + 1]) : 0, v);
    if (v) n++;
  }
  const joints: Record<string, number[]> = {};
  for (const [name, p] of Object.entries(scene.joints)) joints[name] = p.map(r6);
  return {
    file_name: `${stem}.png`, mask_file: `${stem}.mask.png`, depth_file: `${stem}.depth.png`, sample: v.k, frame: v.frame, camera: scene.index,
    time: r6(v.time), grf_bw: v.grfBw === null ? null : r6(v.grfBw), width: cam.width, height: cam.height,
    K: cam.K.map(r6), R: cam.R.map((v) => Math.round(v * 1e9) / 1e9), t: cam.t.map(r6),
    keypoints, num_keypoints: n, bbox: box?.bbox ?? null, area: box?.area ?? 0,
    keypoints_3d: scene.keypoints.map(r6), joints, coordinates: scene.coordinates.map(r6),
  };
}

/** Renders every sample of `subjects` into `dir`; returns the files written (with hashes). */
export async function renderDatasetSubjects(o: RenderPhaseOptions): Promise<RenderPhaseResult> {
  const { spec, task, dir } = o;
  const plan = renderPlan(spec, task);
  const r = spec.render;
  const files: DatasetFile[] = [];
  if (!r || plan.framesPerSample === 0 || o.subjects.length === 0) return { files, frames: 0, seconds: 0, framesPerSecond: 0 };
  const batch = Math.max(1, Math.min(o.batch ?? 16, Math.floor(4_000_000 / (r.width * r.height)))); // ≤ ~32 MB of pixels per round trip
  const cancelled = (): void => { if (o.signal?.aborted) throw new KinetwinError('generation cancelled'); };
  cancelled();
  const t0 = performance.now();
  let t1 = t0, frames = 0;
  await withChromium(async (renderer: ChromiumRenderer) => {
    t1 = performance.now();
    const kDigits = sampleDigits(spec.samplesPerSubject), maskLabels: string[] = [];
    let queue: Array<{ p: PendingSubject; scene: RenderScene; stem: string; view: View; slot: number }> = [];
    const finish = (p: PendingSubject): void => {
      const text = `${JSON.stringify({
        format: RENDER_LABEL_FORMAT, subject: p.subject.id, task, keypoint_names: COCO_PERSON_17.keypoints, skeleton: COCO_PERSON_17.skeleton,
        mask_labels: maskLabels, depth_unit: 'mm along the optical axis, 0 = background',
        camera_convention: 'OpenCV pinhole: x_cam = R·X_world + t (m), x right, y down, z forward; K in px; world Y up, ground y = 0',
        images: p.images,
      }, null, 1)}\n`;
      writeHashed(dir, `renders/${p.subject.id}/${p.subject.id}.json`, Buffer.from(text, 'utf8'), files);
    };
    const flush = async (): Promise<void> => {
      if (queue.length === 0) return;
      cancelled();
      const buffers = await renderer.render(queue.map((x) => x.scene));
      buffers.forEach((buf, i) => {
        const x = queue[i];
        const png = framePngs(buf);
        writeHashed(dir, `${x.stem}.png`, png.image, files);
        writeHashed(dir, `${x.stem}.mask.png`, png.mask, files);
        writeHashed(dir, `${x.stem}.depth.png`, png.depth, files);
        x.p.images[x.slot] = imageLabel(x.scene, buf, x.stem, x.view);
        frames++;
        o.onFrame?.();
        cancelled();
        if (++x.p.done === x.p.expected) finish(x.p);
      });
      queue = [];
    };
    for (const s of o.subjects) {
      const { body, views } = subjectViews(dir, spec, task, s);
      if (maskLabels.length === 0) maskLabels.push('background', ...body.model.segments.map((g) => g.name));
      const p: PendingSubject = { subject: s, expected: views.length * r.cameras, done: 0, images: new Array(views.length * r.cameras) };
      for (let skipped = s.samples.length * plan.framesPerSample - p.expected; skipped > 0; skipped--) o.onFrame?.(); // gait samples shorter than the frame cap
      for (let vi = 0; vi < views.length; vi++) {
        const view = views[vi];
        const scenes = cohortViewScenes({ seed: spec.seed, subjectIndex: s.index, k: view.k, cameras: r.cameras, width: r.width, height: r.height, body, q: view.q, geometry: view.geometry, sex: s.sex });
        const frame = view.frame === null ? '' : `-f${String(view.frame).padStart(2, '0')}`;
        for (let c = 0; c < scenes.length; c++) {
          const stem = `renders/${s.id}/${s.id}-${String(view.k).padStart(kDigits, '0')}${frame}-c${String(c).padStart(2, '0')}`;
          queue.push({ p, scene: scenes[c], stem, view, slot: vi * r.cameras + c });
          if (queue.length >= batch) await flush();
        }
      }
    }
    await flush();
  });
  const t2 = performance.now();
  return { files, frames, seconds: (t2 - t0) / 1000, framesPerSecond: frames / Math.max((t2 - t1) / 1000, 1e-9) };
}
