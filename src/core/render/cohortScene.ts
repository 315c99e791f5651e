// Render scenes of a cohort dataset's sample: the subject's own posed body seen by `cameras` randomised cameras.
// Randomness comes only from (dataset seed, subject index, sample k, camera c) through counter-based substreams
// above 2^30 (the cohort's own substreams are < 2^30 or ≥ 2^31): camera per (k, c); appearance (skin, clothes,
// background) and lighting per (k), shared by the cameras so the views of one instant agree (multi-view).
import { KinetwinError } from '../errors';
import { streamFor } from '../random/stream';
import type { BodyGeometry } from './body';
import type { CohortBody } from './cohortBody';
import { assembleScene, checkImageSize, sampleAppearance, sampleCamera, sampleLighting, type RenderScene } from './scene';

export const RENDER_SUBSTREAM_BASE = 0x40000000;
export const MAX_RENDER_CAMERAS = 64;
const SLOTS_PER_SAMPLE = 128; // 0–63 cameras, 64 appearance, 65 lighting
const MAX_SAMPLE = Math.floor(0x3fffffff / SLOTS_PER_SAMPLE);

/** Substream of slot `slot` (camera index, 64 appearance, 65 lighting) of sample k. */
export function renderSubstream(k: number, slot: number): number {
  if (!(Number.isInteger(k) && k >= 0 && k <= MAX_SAMPLE)) throw new KinetwinError(`sample number ${k} outside 0..${MAX_SAMPLE}`);
  return RENDER_SUBSTREAM_BASE + k * SLOTS_PER_SAMPLE + slot;
}

export interface CohortViewInput {
  seed: number; // dataset seed
  subjectIndex: number;
  k: number; // sample number within the subject
  cameras: number; // 1–64
  width: number; // px
  height: number; // px
  body: CohortBody; // the subject's model, stature, mass, girth
  q: ArrayLike<number>; // coordinates of the pose, rad / m
  geometry: BodyGeometry; // bodyGeometry at q
  sex: 'female' | 'male';
}

/** Vertical extent (m) and centre (lab, m) of the capsule body. */
function bodyBounds(g: BodyGeometry): { centre: number[]; extent: number } {
  let lo = Infinity, hi = -Infinity, x = 0, z = 0;
  for (const c of g.capsules) {
    lo = Math.min(lo, c.a[1] - c.radius, c.b[1] - c.radius);
    hi = Math.max(hi, c.a[1] + c.radius, c.b[1] + c.radius);
    x += c.a[0] + c.b[0];
    z += c.a[2] + c.b[2];
  }
  const n = 2 * g.capsules.length;
  return { centre: [x / n, (lo + hi) / 2, z / n], extent: hi - lo };
}

/** One scene per camera (index = camera number) for sample k of the subject. */
export function cohortViewScenes(v: CohortViewInput): RenderScene[] {
  checkImageSize(v.width, v.height);
  if (!(Number.isInteger(v.cameras) && v.cameras >= 1 && v.cameras <= MAX_RENDER_CAMERAS)) throw new KinetwinError(`render cameras must be 1–${MAX_RENDER_CAMERAS}, got ${v.cameras}`);
  const { centre, extent } = bodyBounds(v.geometry);
  const look = sampleAppearance(streamFor(v.seed, v.subjectIndex, renderSubstream(v.k, 64)));
  const lighting = sampleLighting(streamFor(v.seed, v.subjectIndex, renderSubstream(v.k, 65)));
  const subject = { sex: v.sex, heightM: v.body.heightM, massKg: v.body.massKg };
  const scenes: RenderScene[] = [];
  for (let c = 0; c < v.cameras; c++) {
    const { camera, distance } = sampleCamera(streamFor(v.seed, v.subjectIndex, renderSubstream(v.k, c)), centre, extent, v.width, v.height);
    scenes.push(assembleScene(c, subject, v.body.model, v.q, v.geometry, camera, distance, look, lighting));
  }
  return scenes;
}
