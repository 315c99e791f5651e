// One `gait` sample: the template cycle (gait-template.ts) perturbed by the drawn parameters (gait-params.ts),
// sized to the walker by Froude similarity (Hof 1996, Gait Posture 4:222: stride frequency ∝ √(g/L), stride length
// ∝ L, speed ∝ √(gL)), played for GAIT_CYCLES strides along +X, then forward kinematics → markers (lab Y up).
// Leg-length discrepancy: the pelvis drops towards the short side and the long leg flexes its knee in stance, each
// taking up half the difference — the two main compensations of the review by Khamis & Carmeli 2017 (Gait Posture
// 54:255). The lowest foot marker over the trial is put at its standing height (feet neither sink nor float).
import { createKinematicsData, forwardKinematics, markerPositions } from '../twin/forwardKinematics';
import type { MarkerSet } from '../twin/markerSets';
import type { GaitBody } from './gait-body';
import { GAIT_JOINTS } from './gait-params';
import { GAIT_PHASES, type GaitTemplate } from './gait-template';

const G = 9.81; // m/s²
const DEG = Math.PI / 180;

export interface GaitEvent { label: 'Foot Strike' | 'Foot Off'; context: 'Right' | 'Left'; time: number }

export interface GaitSample {
  frames: number;
  rate: number; // Hz
  time: Float64Array; // frames, s (0 = right heel strike)
  coordinates: Float64Array; // frames × model coordinates, rad / m
  markers: Float32Array; // frames × model markers × 3, m, lab frame Y up, walking along +X
  events: GaitEvent[]; // time order
  outcomes: Record<string, number>;
}

const num = (p: Record<string, number | string | boolean>, key: string, fallback: number): number => (typeof p[key] === 'number' ? (p[key] as number) : fallback);
const round = (v: number, digits = 6): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Template value of coordinate column `c` at cycle fraction `phi` ∈ [0, 1). */
function atPhase(t: GaitTemplate, n: number, c: number, phi: number): number {
  const x = phi * (GAIT_PHASES - 1), i = Math.min(GAIT_PHASES - 2, Math.floor(x)), w = x - i;
  return t.coordinates[i * n + c] * (1 - w) + t.coordinates[(i + 1) * n + c] * w;
}

/** Extra knee flexion (rad) that shortens the hip–ankle distance by `dl` from knee flexion k0 (law of cosines). */
export function kneeFlexionForShortening(thigh: number, shank: number, k0: number, dl: number): number {
  const d0 = Math.sqrt(thigh * thigh + shank * shank + 2 * thigh * shank * Math.cos(k0));
  const c = ((d0 - dl) ** 2 - thigh * thigh - shank * shank) / (2 * thigh * shank);
  return Math.acos(Math.max(-1, Math.min(1, c))) - k0;
}

export function synthesizeGait(t: GaitTemplate, body: GaitBody, set: MarkerSet, p: Record<string, number | string | boolean>): GaitSample {
  const { model } = body;
  const n = t.coordinateNames.length, nc = model.coordinates.length, nm = model.markers.length;
  const L = body.legLengthM;
  // Froude-similar stride of this walker, then the drawn factors on the dimensionless frequency and length
  const freq = (num(p, 'frequencyFactor', 1) / t.periodS) * Math.sqrt(t.legLengthM / L);
  const stride = num(p, 'strideLengthFactor', 1) * (t.strideLengthM / t.legLengthM) * L;
  const T = 1 / freq, v = stride * freq, kL = L / t.legLengthM;
  const rate = num(p, 'rateHz', 100), cycles = num(p, 'cycles', 2);
  const frames = Math.ceil(cycles * T * rate - 1e-9) + 1; // through the last stride's closing heel strike
  const col = Int32Array.from(model.coordinates, (c) => t.coordinateNames.indexOf(c.name));
  const ci = (name: string) => model.coordinates.findIndex((c) => c.name === name);
  const [tx, ty, tz, list, addR, addL] = ['pelvis_tx', 'pelvis_ty', 'pelvis_tz', 'pelvis_list', 'hip_adduction_r', 'hip_adduction_l'].map(ci);
  const mean = new Float64Array(nc), amp = new Float64Array(nc).fill(1), offset = new Float64Array(nc);
  model.coordinates.forEach((c, i) => {
    if (col[i] < 0) return;
    for (let k = 0; k < GAIT_PHASES - 1; k++) mean[i] += t.coordinates[k * n + col[i]] / (GAIT_PHASES - 1);
  });
  for (const j of GAIT_JOINTS) for (const name of j.coordinates) {
    const i = ci(name);
    if (i < 0) continue;
    amp[i] = num(p, `${j.key}Amplitude`, 1);
    offset[i] = num(p, `${j.key}OffsetDeg`, 0) * DEG;
  }
  // leg-length discrepancy: half by pelvic obliquity (+list drops the right side), half by long-knee flexion in stance
  const lld = body.shortSide ? body.discrepancyM : 0;
  const long = body.shortSide === 'r' ? 'l' : 'r';
  const obliquity = lld > 0 ? (body.shortSide === 'r' ? 1 : -1) * Math.atan(lld / 2 / body.hipWidthM) : 0;
  const strike = long === 'r' ? 0 : t.leftStrike, off = long === 'r' ? t.rightToeOff : t.leftToeOff;
  const stance = (off - strike + 1) % 1;
  const kneeLong = ci(`knee_flexion_${long}`);
  const k0 = col[kneeLong] >= 0 ? atPhase(t, n, col[kneeLong], (strike + stance / 2) % 1) : 0;
  const extraKnee = lld > 0 ? kneeFlexionForShortening(body.thighM, body.shankM, Math.max(0, k0), lld / 2) : 0;
  const standingPelvis = body.pose[ty];
  const time = new Float64Array(frames), q = new Float64Array(frames * nc), pos = new Float64Array(frames * nm * 3);
  const d = createKinematicsData(model), qf = new Float64Array(nc); // scratch: one frame's coordinates
  for (let f = 0; f < frames; f++) {
    const tt = f / rate, phi = (tt / T) % 1, o = f * nc;
    time[f] = tt;
    for (let c = 0; c < nc; c++) {
      if (col[c] < 0) { qf[c] = body.pose[c]; continue; } // not in the template: neutral
      const v0 = atPhase(t, n, col[c], phi);
      let val: number;
      if (c === tx) val = v * tt + kL * v0;
      else if (c === tz) val = kL * v0;
      else if (c === ty) val = v0 * standingPelvis;
      else val = mean[c] + amp[c] * (v0 - mean[c]) + offset[c];
      // the hips undo the obliquity so the feet stay under the body (pelvis down on the right: right hip abducts)
      if (c === list) val += obliquity;
      else if (c === addR) val -= obliquity;
      else if (c === addL) val += obliquity;
      if (c === kneeLong && extraKnee > 0) {
        const s = ((phi - strike + 1) % 1) / stance;
        if (s < 1) val += extraKnee * Math.sin(Math.PI * s) ** 2;
      }
      if (model.coordKind[c] === 0) val = Math.min(model.coordMax[c], Math.max(model.coordMin[c], val));
      qf[c] = val;
    }
    q.set(qf, o);
    forwardKinematics(model, qf, d);
    markerPositions(model, d);
    pos.set(d.markers, f * nm * 3);
  }
  // ground: the lowest foot marker over the trial at its standing height
  const feet = set.markers.filter((m) => m.landmark && /^(HEEL|TOE)_[RL]$/.test(m.landmark)).map((m) => model.markers.findIndex((x) => x.name === m.name)).filter((i) => i >= 0);
  forwardKinematics(model, body.pose, d);
  markerPositions(model, d);
  let standing = Infinity, lowest = Infinity;
  for (const m of feet) standing = Math.min(standing, d.markers[m * 3 + 1]);
  for (let f = 0; f < frames; f++) for (const m of feet) lowest = Math.min(lowest, pos[(f * nm + m) * 3 + 1]);
  const shift = feet.length > 0 ? standing - lowest : 0;
  const markers = new Float32Array(frames * nm * 3);
  for (let k = 0; k < markers.length; k++) markers[k] = k % 3 === 1 ? pos[k] + shift : pos[k];
  for (let f = 0; f < frames; f++) q[f * nc + ty] += shift;
  const events: GaitEvent[] = [];
  const duration = (frames - 1) / rate;
  for (let k = 0; k <= cycles; k++) {
    for (const [label, context, at] of [['Foot Strike', 'Right', 0], ['Foot Off', 'Right', t.rightToeOff], ['Foot Strike', 'Left', t.leftStrike], ['Foot Off', 'Left', t.leftToeOff]] as const) {
      const time = (k + at) * T;
      if (time <= duration + 1e-9) events.push({ label, context, time: round(time) });
    }
  }
  events.sort((a, b) => a.time - b.time);
  return { frames, rate, time, coordinates: q, markers, events, outcomes: gaitOutcomes(t, body, q, frames, rate, T, v) };
}

/** Outcomes measured on the produced first stride (angles in degrees). */
function gaitOutcomes(t: GaitTemplate, body: GaitBody, q: Float64Array, frames: number, rate: number, T: number, v: number): Record<string, number> {
  const { model } = body;
  const nc = model.coordinates.length;
  const ci = (name: string) => model.coordinates.findIndex((c) => c.name === name);
  const first = Math.min(frames, Math.round(T * rate));
  const over = (name: string, from: number, to: number, fn: (a: number, b: number) => number, init: number) => {
    const c = ci(name);
    let acc = init;
    for (let f = 0; f < first; f++) {
      const phi = f / rate / T, s = (phi - from + 1) % 1;
      if (s < (to - from + 1) % 1 || to === from) acc = fn(acc, q[f * nc + c]);
    }
    return acc / DEG;
  };
  const rom = (name: string) => over(name, 0, 0, Math.max, -Infinity) - over(name, 0, 0, Math.min, Infinity);
  let list = 0;
  for (let f = 0; f < first; f++) list += q[f * nc + ci('pelvis_list')] / first;
  return {
    cadenceStepsPerMin: round(120 / T, 4), speedMps: round(v), strideLengthM: round(v * T), strideTimeS: round(T),
    froudeNumber: round((v * v) / (G * body.legLengthM)),
    kneeFlexionPeakSwingDegR: round(over('knee_flexion_r', t.rightToeOff, 0, Math.max, -Infinity), 4),
    kneeFlexionPeakSwingDegL: round(over('knee_flexion_l', t.leftToeOff, t.leftStrike, Math.max, -Infinity), 4),
    hipFlexionRomDegR: round(rom('hip_flexion_r'), 4), hipFlexionRomDegL: round(rom('hip_flexion_l'), 4),
    pelvicObliquityMeanDeg: round(list / DEG, 4), legLengthM: round(body.legLengthM),
  };
}
