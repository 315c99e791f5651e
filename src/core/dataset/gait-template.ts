// The gait template of the `gait` cohort task: a real walk's joint angles (inverse kinematics with a model scaled
// to the walker's static trial) cut into right-heel-strike cycles, time-normalised to 0–100 % and averaged, the
// pelvis turned so the walk goes along +X. Speed counts both the pelvis' own progression (overground) and the
// stance foot's backward slide (treadmill belt), so either kind of recording gives the walking speed.
import { KinetwinError } from '../errors';
import { cardanZXY } from '../twin/buildModel';
import { createKinematicsData, forwardKinematics, markerPositions } from '../twin/forwardKinematics';
import type { Landmark, MarkerSet } from '../twin/markerSets';
import { axisAngle, mul33 } from '../twin/mat3';
import type { BodyModel } from '../twin/model';
import { gaitEventFrames, progressionDirection } from './gait-events';

export const GAIT_PHASES = 101; // 0, 1, …, 100 % of the cycle

export interface GaitTemplateInput {
  model: BodyModel; // the scaled model the IK ran with
  markerSet: MarkerSet; // names the heel and toe markers (landmarks HEEL_R/L, TOE_R/L)
  coordinates: Float64Array; // frames × model coordinates, rad / m, NaN where undetermined
  frames: number;
  rate: number; // Hz
  legLengthM: number; // the walker's standing hip-centre height, m
  standingPelvisHeightM: number; // pelvis origin height at the static pose, m
}

export interface GaitTemplate {
  coordinateNames: string[]; // model coordinate order
  coordinates: Float64Array; // GAIT_PHASES × coordinates: rotations rad; pelvis_tx/tz m (deviation from steady
  // progression, the walk along +X); pelvis_ty as a fraction of the standing pelvis height
  periodS: number; // stride time
  speedMps: number;
  strideLengthM: number;
  legLengthM: number;
  cycles: number; // right strides averaged
  rightToeOff: number; // fraction of the cycle
  leftStrike: number;
  leftToeOff: number;
}

/** Linear gap filling of each coordinate over the frames; a coordinate never determined becomes 0 (neutral). */
function filled(src: Float64Array, frames: number, n: number): Float64Array {
  const q = Float64Array.from(src);
  for (let c = 0; c < n; c++) {
    let last = -1;
    for (let f = 0; f <= frames; f++) {
      if (f < frames && !Number.isFinite(q[f * n + c])) continue;
      const lo = last >= 0 ? q[last * n + c] : f < frames ? q[f * n + c] : 0;
      const hi = f < frames ? q[f * n + c] : lo;
      for (let g = last + 1; g < f; g++) q[g * n + c] = last < 0 ? hi : f === frames ? lo : lo + ((hi - lo) * (g - last)) / (f - last);
      last = f;
    }
  }
  return q;
}

const lerp = (a: Float64Array, stride: number, off: number, pos: number): number => {
  const i = Math.min(Math.floor(pos), a.length / stride - 2), t = pos - i;
  return a[i * stride + off] * (1 - t) + a[(i + 1) * stride + off] * t;
};

function markerIndex(model: BodyModel, set: MarkerSet, role: Landmark): number {
  const name = set.markers.find((m) => m.landmark === role)?.name;
  const i = name ? model.markers.findIndex((m) => m.name === name) : -1;
  if (i < 0) throw new KinetwinError(`gait template: the model has no ${role} marker`);
  return i;
}

/** Builds the template from an IK result of a walking trial (lab Y up). */
export function buildGaitTemplate(input: GaitTemplateInput): GaitTemplate {
  const { model, frames, rate } = input;
  const n = model.coordinates.length;
  if (input.coordinates.length < frames * n || frames < 3) throw new KinetwinError('gait template: too few IK frames');
  const q = filled(input.coordinates, frames, n);
  const ci = (name: string) => model.coordinates.findIndex((c) => c.name === name);
  const [tx, ty, tz, tilt, list, rot] = ['pelvis_tx', 'pelvis_ty', 'pelvis_tz', 'pelvis_tilt', 'pelvis_list', 'pelvis_rotation'].map(ci);
  if ([tx, ty, tz, tilt, list, rot].some((i) => i < 0)) throw new KinetwinError('gait template: the model has no 6-DOF pelvis');
  const markers = [markerIndex(model, input.markerSet, 'HEEL_R'), markerIndex(model, input.markerSet, 'HEEL_L'), markerIndex(model, input.markerSet, 'TOE_R'), markerIndex(model, input.markerSet, 'TOE_L')];
  // frames × 3 (marker − pelvis origin), m, lab; pelvis anterior axis summed over the frames
  const rel = markers.map(() => new Float64Array(frames * 3));
  const pelvis = new Float64Array(frames * 3);
  const anterior = [0, 0, 0];
  const d = createKinematicsData(model);
  for (let f = 0; f < frames; f++) {
    forwardKinematics(model, q.subarray(f * n, f * n + n), d);
    markerPositions(model, d);
    for (let k = 0; k < 3; k++) { pelvis[f * 3 + k] = d.segP[k]; anterior[k] += d.segR[k * 3]; }
    markers.forEach((m, j) => { for (let k = 0; k < 3; k++) rel[j][f * 3 + k] = d.markers[m * 3 + k] - d.segP[k]; });
  }
  const dir = progressionDirection(rel[0], anterior);
  const strikesR = gaitEventFrames(rel[0], dir, 1, rate), strikesL = gaitEventFrames(rel[1], dir, 1, rate);
  const offsR = gaitEventFrames(rel[2], dir, -1, rate), offsL = gaitEventFrames(rel[3], dir, -1, rate);
  if (strikesR.length < 2) throw new KinetwinError(`gait template: the walk holds no complete right stride (${strikesR.length} heel strike(s) found)`);
  // Turn the pelvis about the vertical so `dir` becomes +X: R' = Ry(α)·R, p' = Ry(α)·p.
  const Ry = new Float64Array(9), D = new Float64Array(9), step = new Float64Array(9), tmp = new Float64Array(9);
  axisAngle(0, 1, 0, Math.atan2(dir[2], dir[0]), Ry, 0);
  for (let f = 0; f < frames; f++) {
    const o = f * n;
    axisAngle(0, 0, 1, q[o + tilt], D, 0);
    axisAngle(1, 0, 0, q[o + list], step, 0); mul33(D, 0, step, 0, tmp, 0); D.set(tmp);
    axisAngle(0, 1, 0, q[o + rot], step, 0); mul33(D, 0, step, 0, tmp, 0);
    mul33(Ry, 0, tmp, 0, D, 0);
    const [z, x, y] = cardanZXY(D);
    q[o + tilt] = z; q[o + list] = x; q[o + rot] = y;
    const px = q[o + tx], pz = q[o + tz];
    q[o + tx] = Ry[0] * px + Ry[2] * pz;
    q[o + tz] = Ry[6] * px + Ry[8] * pz;
  }
  const heelR = (pos: number) => lerp(pelvis, 3, 0, pos) * dir[0] + lerp(pelvis, 3, 2, pos) * dir[2] + lerp(rel[0], 3, 0, pos) * dir[0] + lerp(rel[0], 3, 2, pos) * dir[2];
  const firstAfter = (events: number[], a: number, b: number) => events.find((e) => e > a && e < b);
  const out = new Float64Array(GAIT_PHASES * n);
  let period = 0, speed = 0, toR = 0, hsL = 0, toL = 0, cycles = 0;
  for (let s = 0; s + 1 < strikesR.length; s++) {
    const a = strikesR[s], b = strikesR[s + 1], T = (b - a) / rate;
    const eTo = firstAfter(offsR, a, b), eHs = firstAfter(strikesL, a, b), eToL = firstAfter(offsL, a, b);
    if (eTo === undefined || eHs === undefined || eToL === undefined) continue;
    cycles++;
    period += T;
    // overground: the pelvis' advance over the stride; treadmill: the stance heel's backward speed at 10–30 %
    const advance = (lerp(q, n, tx, b) - lerp(q, n, tx, a)) / T;
    const belt = -(heelR(a + 0.3 * (b - a)) - heelR(a + 0.1 * (b - a))) / (0.2 * T);
    speed += advance + belt;
    toR += (eTo - a) / (b - a); hsL += (eHs - a) / (b - a); toL += (eToL - a) / (b - a);
    for (let i = 0; i < GAIT_PHASES; i++) {
      const pos = a + ((b - a) * i) / (GAIT_PHASES - 1);
      for (let c = 0; c < n; c++) out[i * n + c] += lerp(q, n, c, pos);
    }
  }
  if (cycles === 0) throw new KinetwinError('gait template: no right stride with a toe-off and a left heel strike inside it');
  for (let k = 0; k < out.length; k++) out[k] /= cycles;
  // pelvis translations: deviation from a straight, steady walk (drift over the stride and the mean removed)
  for (const c of [tx, tz]) {
    const a = out[c], b = out[(GAIT_PHASES - 1) * n + c];
    let mean = 0;
    for (let i = 0; i < GAIT_PHASES; i++) { out[i * n + c] -= a + ((b - a) * i) / (GAIT_PHASES - 1); mean += out[i * n + c] / GAIT_PHASES; }
    for (let i = 0; i < GAIT_PHASES; i++) out[i * n + c] -= mean;
  }
  for (let i = 0; i < GAIT_PHASES; i++) out[i * n + ty] /= input.standingPelvisHeightM;
  period /= cycles;
  speed /= cycles;
  return {
    coordinateNames: model.coordinates.map((c) => c.name), coordinates: out, periodS: period, speedMps: speed,
    strideLengthM: speed * period, legLengthM: input.legLengthM, cycles,
    rightToeOff: toR / cycles, leftStrike: hsL / cycles, leftToeOff: toL / cycles,
  };
}
