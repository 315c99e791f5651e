// One randomised render sample from (seed, i): subject, pose within ROM, camera, lighting, colours and background
// (domain randomisation, Tobin et al. 2017), plus the body geometry the renderer draws. Substreams: 0 subject,
// 1 pose, 2 camera, 3 appearance, 4 lighting — so changing one family of parameters never shifts the others.
import { KinetwinError } from '../errors';
import { streamFor, type RandomStream } from '../random/stream';
import { createFullBodyModel } from '../twin/fullBody';
import type { BodyModel, Sex } from '../twin/model';
import { bodyGeometry, type BodyGeometry, type Capsule } from './body';
import { intrinsicsFromFov, lookAt, type PinholeCamera } from './camera';
import { samplePose } from './pose';

export type Rgb = [number, number, number]; // linear 0–1

export interface RenderLighting {
  ambient: Rgb; // ambient colour × intensity
  directional: Rgb; // key light colour × intensity
  direction: number[]; // 3, unit vector from the scene toward the light, lab frame
}

export interface RenderScene {
  index: number;
  subject: { sex: Sex; heightM: number; massKg: number };
  coordinates: number[]; // model coordinates, rad / m (createFullBodyModel order)
  camera: PinholeCamera;
  near: number; // m
  far: number; // m
  lighting: RenderLighting;
  background: Rgb;
  capsules: (Capsule & { color: Rgb })[];
  keypoints: number[]; // 17 × 3, m, lab frame (COCO_PERSON_17 order)
  keypointTolerance: number[]; // 17, m
  joints: Record<string, number[]>; // joint centre → lab position, m
}

export interface SceneOptions {
  width?: number; // px, default 256
  height?: number; // px, default = width
}

// Skin tones spanning Fitzpatrick I–VI (sRGB 0–255, approximate swatches).
const SKIN: Rgb[] = [[255, 224, 196], [241, 194, 158], [224, 172, 125], [198, 134, 88], [141, 85, 54], [84, 52, 36]];

function srgbToLinear(c: number): number {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

function randomColour(rng: RandomStream): Rgb {
  return [rng.nextDouble(), rng.nextDouble(), rng.nextDouble()];
}

function skinColour(rng: RandomStream): Rgb {
  const x = rng.nextDouble() * (SKIN.length - 1), k = Math.min(SKIN.length - 2, Math.floor(x)), f = x - k;
  return [0, 1, 2].map((c) => srgbToLinear(SKIN[k][c] * (1 - f) + SKIN[k + 1][c] * f)) as Rgb;
}

/** Subject stature/sex/mass: uniform 1.50–1.95 m, BMI 19–30 kg/m². */
function sampleSubject(rng: RandomStream): RenderScene['subject'] {
  const sex: Sex = rng.nextBernoulli(0.5) ? 'female' : 'male';
  const heightM = rng.nextUniform(1.5, 1.95);
  return { sex, heightM, massKg: rng.nextUniform(19, 30) * heightM * heightM };
}

/** Appearance of one person and the background: segment colours and background colour (linear RGB). */
export interface RenderAppearance {
  colourOf: (segmentName: string) => Rgb;
  background: Rgb;
}

/**
 * Camera around a body: uniform azimuth, elevation −5…25°, vertical FOV 35–60°, distance so a vertical extent of
 * `extentM` spans 55–95 % of the image height, aimed at `centre` (lab, m) jittered by ±0.1 m per axis.
 */
export function sampleCamera(rng: RandomStream, centre: ArrayLike<number>, extentM: number, width: number, height: number): { camera: PinholeCamera; distance: number } {
  const fov = (rng.nextUniform(35, 60) * Math.PI) / 180;
  const az = rng.nextUniform(0, 2 * Math.PI), el = (rng.nextUniform(-5, 25) * Math.PI) / 180;
  const span = rng.nextUniform(0.55, 0.95);
  const dist = extentM / span / 2 / Math.tan(fov / 2);
  const target = [centre[0] + rng.nextUniform(-0.1, 0.1), centre[1] + rng.nextUniform(-0.1, 0.1), centre[2] + rng.nextUniform(-0.1, 0.1)];
  const eye = [target[0] + dist * Math.cos(el) * Math.cos(az), target[1] + dist * Math.sin(el), target[2] + dist * Math.cos(el) * Math.sin(az)];
  const { R, t } = lookAt(eye, target, [0, 1, 0]);
  return { camera: { width, height, K: intrinsicsFromFov(width, height, fov), R, t }, distance: dist };
}

/** Skin, top (torso + upper arms, long sleeves half the time), bottom (pelvis + thighs, long trousers half the time), shoes, background. */
export function sampleAppearance(rng: RandomStream): RenderAppearance {
  const skin = skinColour(rng), top = randomColour(rng), bottom = randomColour(rng), shoes = randomColour(rng);
  const sleeves = rng.nextBernoulli(0.5), trousers = rng.nextBernoulli(0.5);
  const background = randomColour(rng);
  const colourOf = (name: string): Rgb => {
    const base = name.replace(/_[rl]$/, '');
    if (base === 'torso' || base === 'upperarm') return top;
    if (base === 'forearm') return sleeves ? top : skin;
    if (base === 'pelvis' || base === 'thigh') return bottom;
    if (base === 'shank') return trousers ? bottom : skin;
    if (base === 'foot') return shoes;
    return skin; // head, hands
  };
  return { colourOf, background };
}

/** Ambient 0.15–0.5, key light 0.6–1.6 from the upper hemisphere, slightly warm or cool. */
export function sampleLighting(rng: RandomStream): RenderLighting {
  const amb = rng.nextUniform(0.15, 0.5), key = rng.nextUniform(0.6, 1.6), warm = rng.nextUniform(-0.15, 0.15);
  const la = rng.nextUniform(0, 2 * Math.PI), le = rng.nextUniform(0.2, 1.4);
  return {
    ambient: [amb, amb, amb],
    directional: [key * (1 + warm), key, key * (1 - warm)],
    direction: [Math.cos(le) * Math.cos(la), Math.sin(le), Math.cos(le) * Math.sin(la)],
  };
}

/** Throws unless width × height is a renderable image size (16–4096 px per side). */
export function checkImageSize(width: number, height: number): void {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width >= 16 && height >= 16 && width <= 4096 && height <= 4096)) {
    throw new KinetwinError(`image size must be 16–4096 px, got ${width}×${height}`);
  }
}

/** Scene parts that do not depend on the random draws: body geometry coloured by the appearance. */
export function assembleScene(
  index: number, subject: RenderScene['subject'], model: BodyModel, q: ArrayLike<number>, body: BodyGeometry,
  camera: PinholeCamera, distance: number, look: RenderAppearance, lighting: RenderLighting,
): RenderScene {
  return {
    index, subject, coordinates: Array.from(q), camera, near: 0.05, far: distance * 3 + 10, lighting, background: look.background,
    capsules: body.capsules.map((c) => ({ ...c, color: look.colourOf(model.segments[c.segment - 1].name) })),
    keypoints: Array.from(body.keypoints), keypointTolerance: Array.from(body.keypointTolerance), joints: body.joints,
  };
}

/** The full randomised scene for sample i of `seed`. */
export function sampleRenderScene(seed: number, i: number, options: SceneOptions = {}): RenderScene {
  const width = options.width ?? 256, height = options.height ?? width;
  checkImageSize(width, height);
  const subject = sampleSubject(streamFor(seed, i, 0));
  const { model, pose } = createFullBodyModel(subject);
  const q = samplePose(model, pose, streamFor(seed, i, 1));
  const body = bodyGeometry(model, q, subject.heightM);
  const pelvis = body.joints[model.segments[0].joint];
  const { camera, distance } = sampleCamera(streamFor(seed, i, 2), [pelvis[0], subject.heightM * 0.52, pelvis[2]], subject.heightM, width, height);
  return assembleScene(i, subject, model, q, body, camera, distance, sampleAppearance(streamFor(seed, i, 3)), sampleLighting(streamFor(seed, i, 4)));
}

/** Segment names by mask id (index 0 = background). */
export function maskLabels(): string[] {
  return ['background', ...createFullBodyModel({ massKg: 70, sex: 'male' }).model.segments.map((s) => s.name)];
}
