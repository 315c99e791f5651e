// Landing kinematics: hip and knee flexion at initial contact and their peaks during the landing, and the
// knee's frontal-plane projection angle (FPPA; Willson & Davis 2008, J Orthop Sports Phys Ther 38:2): the
// angle between thigh (knee→hip) and shank (knee→ankle) in the subject's frontal plane, 180° minus their
// included angle, positive when the knee lies medial to the hip–ankle line (valgus).
import { KinetwinError } from '../errors';
import { createKinematicsData, forwardKinematics } from './forwardKinematics';
import { coordinateIndex, segmentIndex, type BodyModel } from './model';

export interface LandingOptions {
  contactFrame?: number; // initial contact, 0-based; or derived from verticalForce
  verticalForce?: Float64Array; // frames, N, sampled with the coordinates
  thresholdN?: number; // contact threshold, default 20 N
  windowS?: number; // peaks searched from contact over this time, default 0.3 s
}

export interface LandingSide {
  side: 'r' | 'l';
  contactFrame: number;
  contactTimeS: number;
  hipFlexionAtContactDeg: number;
  kneeFlexionAtContactDeg: number;
  peakHipFlexionDeg: number;
  peakKneeFlexionDeg: number;
  timeToPeakKneeFlexionS: number;
  kneeFppaAtContactDeg: number; // valgus positive
  peakKneeValgusFppaDeg: number; // most valgus FPPA in the window
}

const DEG = 180 / Math.PI;

function contactFrameOf(options: LandingOptions, frames: number): number {
  if (options.contactFrame !== undefined) {
    if (!(Number.isInteger(options.contactFrame) && options.contactFrame >= 0 && options.contactFrame < frames))
      throw new KinetwinError(`contact frame must be an integer in 0–${frames - 1}`);
    return options.contactFrame;
  }
  const f = options.verticalForce;
  if (!f) throw new KinetwinError('landing kinematics needs a contact frame or the vertical force');
  if (f.length !== frames) throw new KinetwinError(`vertical force has ${f.length} samples, coordinates ${frames} frames`);
  const th = options.thresholdN ?? 20;
  let airborne = false;
  for (let i = 0; i < frames; i++) {
    if (f[i] < th) airborne = true;
    else if (airborne) return i;
  }
  throw new KinetwinError(`no landing found: the vertical force never rises above ${th} N after a flight phase`);
}

/** Knee FPPA (degrees, valgus positive) per frame for one side, from the model's joint centres. */
export function kneeFppa(model: BodyModel, coordinates: Float64Array, side: 'r' | 'l'): Float64Array {
  const n = model.coordinates.length, frames = coordinates.length / n, kin = createKinematicsData(model);
  const thigh = segmentIndex(model, `thigh_${side}`), shank = segmentIndex(model, `shank_${side}`), foot = segmentIndex(model, `foot_${side}`);
  const out = new Float64Array(frames);
  const P = kin.segP, R = kin.segR;
  for (let f = 0; f < frames; f++) {
    forwardKinematics(model, coordinates.subarray(f * n, f * n + n), kin);
    // frontal plane normal: pelvis X projected on the horizontal (lab Y up); lateral direction: pelvis Z likewise
    const nx = R[0], nz = R[6], nl = Math.hypot(nx, nz);
    const ax = nx / nl, az = nz / nl; // anterior (x, 0, z)
    const ex = -az, ez = ax; // right-lateral horizontal direction: anterior × up
    const proj = (s: number): [number, number] => [P[s * 3] * ex + P[s * 3 + 2] * ez, P[s * 3 + 1]]; // (lateral, vertical)
    const h = proj(thigh), k = proj(shank), a = proj(foot);
    const t = [h[0] - k[0], h[1] - k[1]], s = [a[0] - k[0], a[1] - k[1]];
    const inc = Math.acos(Math.max(-1, Math.min(1, (t[0] * s[0] + t[1] * s[1]) / (Math.hypot(t[0], t[1]) * Math.hypot(s[0], s[1])))));
    // lateral offset of the knee from the hip–ankle line at the knee's height
    const u = (k[1] - h[1]) / (a[1] - h[1]);
    const lineX = h[0] + u * (a[0] - h[0]);
    const medial = side === 'r' ? k[0] < lineX : k[0] > lineX;
    out[f] = (medial ? 1 : -1) * (180 - inc * DEG);
  }
  return out;
}

export function landingKinematics(model: BodyModel, coordinates: Float64Array, rate: number, options: LandingOptions = {}): LandingSide[] {
  const n = model.coordinates.length;
  if (coordinates.length % n !== 0 || coordinates.length === 0) throw new KinetwinError(`coordinates must be frames × ${n}`);
  const frames = coordinates.length / n;
  const c0 = contactFrameOf(options, frames);
  const end = Math.min(frames - 1, c0 + Math.round((options.windowS ?? 0.3) * rate));
  return (['r', 'l'] as const).map((side) => {
    const hip = coordinateIndex(model, `hip_flexion_${side}`), knee = coordinateIndex(model, `knee_flexion_${side}`);
    const fppa = kneeFppa(model, coordinates, side);
    let pkHip = -Infinity, pkKnee = -Infinity, pkKneeF = c0, pkValgus = -Infinity;
    for (let f = c0; f <= end; f++) {
      pkHip = Math.max(pkHip, coordinates[f * n + hip]);
      if (coordinates[f * n + knee] > pkKnee) { pkKnee = coordinates[f * n + knee]; pkKneeF = f; }
      pkValgus = Math.max(pkValgus, fppa[f]);
    }
    return {
      side, contactFrame: c0, contactTimeS: c0 / rate,
      hipFlexionAtContactDeg: coordinates[c0 * n + hip] * DEG, kneeFlexionAtContactDeg: coordinates[c0 * n + knee] * DEG,
      peakHipFlexionDeg: pkHip * DEG, peakKneeFlexionDeg: pkKnee * DEG, timeToPeakKneeFlexionS: (pkKneeF - c0) / rate,
      kneeFppaAtContactDeg: fppa[c0], peakKneeValgusFppaDeg: pkValgus,
    };
  });
}
