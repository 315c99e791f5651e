// Scaling a generic model to a subject from a static trial: joint centres from landmarks (or the lab's own
// joint-centre markers when the set names them; hips: Harrington 2007 / Bell 1990; knees, ankles, elbows, wrists: epicondyle / malleolus / styloid midpoints, or the lateral
// marker moved inward by half the joint width), anatomical segment frames from those centres and landmark
// axes, segment lengths from the centres, de Leva inertia for the subject's mass, markers placed at their
// static positions (as OpenSim's marker placer does). Residuals: per-marker RMS distance over the static
// trial's frames after IK with the scaled model.
import { KinetwinError } from '../errors';
import type { Trial } from '../model/trial';
import { buildModelFromPose, type PosedSegment, type PosedSkeleton } from './buildModel';
import { REFERENCE_HEIGHT } from './deLeva';
import { genericSkeleton, hostSegment } from './fullBody';
import type { JointSpec } from './fullBodyTopology';
import { solveInverseKinematics } from './ik';
import { centreFromLateral, frameFromXZ, frameFromYZ, pelvisAndHips, towardsLine } from './jointCentres';
import { readMarkerFrame, type MarkerTrajectories } from './markerFrames';
import { matchMarkers, type Landmark, type MarkerSet } from './markerSets';
import { axisAngle, cross, mid, mul33, norm, normalize, scale, sub, add, toWorld, type Vec3 } from './mat3';
import { segmentDefsOf, type BodyModel, type Sex } from './model';

export interface ScaleOptions {
  massKg: number;
  sex: Sex;
  hipMethod?: 'harrington' | 'bell'; // default harrington
  kneeWidthM?: number; // used when only lateral knee markers exist, default 0.10
  ankleWidthM?: number; // default 0.07
  elbowWidthM?: number; // default 0.07
  markerDiameterM?: number; // default 0.014
}

export interface ScaleResult {
  model: BodyModel; // scaled, markers placed
  staticPose: Float64Array; // coordinates of the static trial's mean pose, rad / m
  residuals: { marker: string; errorM: number }[]; // RMS over the static frames after IK with the scaled model
  jointCentres: Record<string, Vec3>; // static mean pose, model lab frame (Y up), m
  segmentLengths: Record<string, number>; // m
  scaleFactors: Record<string, number>; // subject length / generic (de Leva reference) length
  warnings: string[];
}

const colZ = (R: ArrayLike<number>): Vec3 => [R[2], R[5], R[8]];
const colY = (R: ArrayLike<number>): Vec3 => [R[1], R[4], R[7]];

function meanPositions(set: MarkerSet, trial: Trial): Map<string, Vec3> {
  const pts = trial.points;
  if (!pts || pts.frames === 0) throw new KinetwinError('static trial has no marker trajectories');
  if (pts.data.length < pts.frames * pts.labels.length * 3) throw new KinetwinError('static trial marker buffer is shorter than frames × points × 3');
  const t: MarkerTrajectories = {
    frames: pts.frames, rate: pts.rate, startTime: 0, labels: set.markers.map((m) => m.name),
    found: matchMarkers(set, pts.labels), source: pts.data, points: pts.labels.length, upAxis: trial.metadata.upAxis ?? 'y',
  };
  const M = set.markers.length, sum = new Float64Array(M * 3), cnt = new Int32Array(M), buf = new Float64Array(M * 3);
  for (let f = 0; f < pts.frames; f++) {
    readMarkerFrame(t, f, buf);
    for (let m = 0; m < M; m++) {
      if (!(Number.isFinite(buf[m * 3]) && Number.isFinite(buf[m * 3 + 1]) && Number.isFinite(buf[m * 3 + 2]))) continue;
      sum[m * 3] += buf[m * 3]; sum[m * 3 + 1] += buf[m * 3 + 1]; sum[m * 3 + 2] += buf[m * 3 + 2];
      cnt[m]++;
    }
  }
  const out = new Map<string, Vec3>();
  set.markers.forEach((m, i) => {
    if (cnt[i] > 0) out.set(m.name, [sum[i * 3] / cnt[i], sum[i * 3 + 1] / cnt[i], sum[i * 3 + 2] / cnt[i]]);
  });
  return out;
}

/** R·Rz(φ): a frame built along a landmark direction, turned so that direction sits at its generic angle φ from Y. */
function tilted(R: Float64Array, phi: number): Float64Array {
  const rz = new Float64Array(9), out = new Float64Array(9);
  axisAngle(0, 0, 1, phi, rz, 0);
  mul33(R, 0, rz, 0, out, 0);
  return out;
}

export function scaleModel(model: BodyModel, markerSet: MarkerSet, staticTrial: Trial, options: ScaleOptions): ScaleResult {
  const { massKg, sex } = options;
  if (!(massKg > 0 && massKg < 500)) throw new KinetwinError(`body mass must be 0–500 kg, got ${massKg}`);
  const d = options.markerDiameterM ?? 0.014;
  const warnings: string[] = [];
  const pos = meanPositions(markerSet, staticTrial);
  const roleName = new Map<Landmark, string>();
  for (const m of markerSet.markers) if (m.landmark) roleName.set(m.landmark, m.name);
  const get = (role: Landmark): Vec3 | null => {
    const n = roleName.get(role);
    return n ? pos.get(n) ?? null : null;
  };
  const required: Landmark[] = ['ASIS_R', 'ASIS_L', 'KNEE_LAT_R', 'KNEE_LAT_L', 'ANKLE_LAT_R', 'ANKLE_LAT_L', 'HEEL_R', 'HEEL_L', 'TOE_R', 'TOE_L'];
  const missing = required.filter((r) => !get(r)).map((r) => `${roleName.get(r) ?? '(none in set)'} (${r})`);
  const psisR = get('PSIS_R'), psisL = get('PSIS_L'), sacrum = get('SACRUM');
  if (!(psisR && psisL) && !sacrum) missing.push(`both PSIS or the sacrum (${['PSIS_R', 'PSIS_L', 'SACRUM'].map((r) => roleName.get(r as Landmark)).filter(Boolean).join(', ')})`);
  if (missing.length) throw new KinetwinError(`static trial lacks markers the model needs: ${missing.join('; ')}`);
  const G = genericSkeleton(REFERENCE_HEIGHT[sex], sex).segments; // generic geometry: frames parallel to the lab
  const girdle = model.segments.some((s) => s.name === 'clavicle_r'); // shoulder girdles between torso and arms
  const gLocal = (seg: string, p: Vec3): Vec3 => sub(p, G[seg].origin);
  const gLen = (seg: string) => norm(sub(G[seg].distal, G[seg].origin));
  const setOffset = (name: string) => markerSet.markers.find((m) => m.name === name)!.offset;

  // Pelvis and hips.
  const back = psisR && psisL ? mid(psisR, psisL) : sacrum!;
  const P = pelvisAndHips(get('ASIS_R')!, get('ASIS_L')!, back, options.hipMethod);
  if (!(P.widthM > 0.1 && P.widthM < 0.5 && P.depthM > 0.05 && P.depthM < 0.4))
    throw new KinetwinError(`implausible pelvis in the static trial: ASIS width ${(P.widthM * 1000).toFixed(0)} mm, depth ${(P.depthM * 1000).toFixed(0)} mm (expected 100–500 and 50–400 mm); check the marker labels and units`);
  const sPelvis = (P.widthM / 0.245 + P.depthM / 0.16) / 2;
  const lumbar = add(P.origin, toWorld(P.R, scale(gLocal('pelvis', G.torso.origin), sPelvis)));
  const segs: Record<string, PosedSegment> = {};
  const centres: Record<string, Vec3> = { lumbar };
  const Zp = colZ(P.R);
  segs.pelvis = { R: P.R, origin: P.origin, distal: lumbar };
  const widthDefaults: string[] = [];
  const lateralOnly = (lat: Vec3, med: Vec3 | null, inward: Vec3, width: number | undefined, def: number, what: string) => {
    if (med) return mid(lat, med);
    if (width === undefined) widthDefaults.push(`${what} ${def} m`);
    return centreFromLateral(lat, inward, width ?? def, d);
  };
  const feet: Record<string, { heel: Vec3; toe: Vec3 }> = {};
  for (const [side, m] of [['r', 1], ['l', -1]] as const) {
    const U = side.toUpperCase() as 'R' | 'L';
    const hip = get(`HIP_CENTRE_${U}`) ?? (m > 0 ? P.hipR : P.hipL);
    const kLat = get(`KNEE_LAT_${U}`)!, kMed = get(`KNEE_MED_${U}`), aLat = get(`ANKLE_LAT_${U}`)!, aMed = get(`ANKLE_MED_${U}`);
    const inward = scale(Zp, -m);
    const knee = get(`KNEE_CENTRE_${U}`) ?? lateralOnly(kLat, kMed, inward, options.kneeWidthM, 0.1, 'knee width');
    const ankle = get(`ANKLE_CENTRE_${U}`) ?? lateralOnly(aLat, aMed, inward, options.ankleWidthM, 0.07, 'ankle width');
    const thighR = frameFromYZ(sub(hip, knee), kMed ? scale(sub(kLat, kMed), m) : Zp);
    const shankR = frameFromYZ(sub(knee, ankle), aMed ? scale(sub(aLat, aMed), m) : colZ(thighR));
    const heel = get(`HEEL_${U}`)!, toe = get(`TOE_${U}`)!;
    segs[`thigh_${side}`] = { R: thighR, origin: hip, distal: knee };
    segs[`shank_${side}`] = { R: shankR, origin: knee, distal: ankle };
    segs[`foot_${side}`] = { R: frameFromXZ(sub(toe, heel), colZ(shankR)), origin: ankle, distal: toe };
    feet[side] = { heel, toe };
    centres[`hip_${side}`] = hip;
    centres[`knee_${side}`] = knee;
    centres[`ankle_${side}`] = ankle;
  }

  // Torso from the acromions: Y towards their midpoint, turned to the generic model's forward lean of it.
  const acrR = get('ACROMION_R'), acrL = get('ACROMION_L');
  const gShoulder = (m: 1 | -1) => gLocal('torso', G[m > 0 ? 'upperarm_r' : 'upperarm_l'].origin);
  const gAcromion = (m: 1 | -1): Vec3 => add(gShoulder(m), [0, 0.05, m * 0.01]);
  let torsoR: Float64Array, sTorso: number;
  if (acrR && acrL) {
    const gMid = scale(add(gAcromion(1), gAcromion(-1)), 0.5);
    torsoR = tilted(frameFromYZ(sub(mid(acrR, acrL), lumbar), sub(acrR, acrL)), Math.atan2(gMid[0], gMid[1]));
    sTorso = norm(sub(mid(acrR, acrL), lumbar)) / Math.hypot(gMid[0], gMid[1]);
  } else {
    warnings.push('no acromion markers: torso, arms and head take the pelvis orientation and generic proportions');
    torsoR = P.R;
    sTorso = sPelvis;
  }
  const inTorso = (v: Vec3) => add(lumbar, toWorld(torsoR, scale(v, sTorso)));
  const neck = inTorso(gLocal('torso', G.head.origin));
  const gSupra: Vec3 = [0.09, 0.3957, 0]; // generic suprasternale in the torso frame (fullBody.ts)
  // A torso point near the sternum (generic torso-frame v): from the nearest sternal marker on the torso (jugular
  // notch, else sternum) — the torso frame leans with the acromions, so far-off lumbar-based offsets drift.
  const sternal = (['CLAV', 'STERNUM'] as const).map((r) => ({ p: get(r), def: markerSet.markers.find((x) => x.landmark === r) }))
    .find((x) => x.p && x.def?.segment === 'torso');
  const fromSternum = (v: Vec3): Vec3 => (sternal ? add(sternal.p!, toWorld(torsoR, scale(sub(v, sternal.def!.offset), sTorso))) : inTorso(v));
  segs.torso = { R: torsoR, origin: lumbar, distal: neck };
  centres.neck = neck;

  // Head: Y towards the mean of its markers, Z from the right/left head markers.
  const headRoles: Landmark[] = ['HEAD_TOP', 'HEAD_FRONT_R', 'HEAD_FRONT_L', 'HEAD_BACK_R', 'HEAD_BACK_L'];
  const headSeen = headRoles.filter((r) => get(r));
  let headR = torsoR, sHead = sTorso;
  if (headSeen.length > 0) {
    const ref = scale(headSeen.map((r) => get(r)!).reduce(add), 1 / headSeen.length);
    const gRef = scale(headSeen.map((r) => setOffset(roleName.get(r)!)).reduce(add), 1 / headSeen.length);
    const fr = get('HEAD_FRONT_R'), fl = get('HEAD_FRONT_L'), br = get('HEAD_BACK_R'), bl = get('HEAD_BACK_L');
    const zRef = fr && fl ? sub(fr, fl) : br && bl ? sub(br, bl) : colZ(torsoR);
    headR = tilted(frameFromYZ(sub(ref, neck), zRef), Math.atan2(gRef[0], gRef[1]));
    sHead = norm(sub(ref, neck)) / Math.hypot(gRef[0], gRef[1]);
  } else warnings.push('no head markers: head follows the torso with generic proportions');
  const inHead = (p: Vec3) => add(neck, toWorld(headR, scale(gLocal('head', p), sHead)));
  const vertex = inHead(G.head.distal);
  segs.head = { R: headR, origin: neck, distal: vertex };

  // Arms.
  const hands: Record<string, Vec3> = {};
  for (const [side, m] of [['r', 1], ['l', -1]] as const) {
    const U = side.toUpperCase() as 'R' | 'L';
    const acr = m > 0 ? acrR : acrL;
    const gh = acr ? add(acr, toWorld(torsoR, scale(sub(gShoulder(m), gAcromion(m)), sTorso))) : inTorso(gShoulder(m));
    const eLat = get(`ELBOW_LAT_${U}`), eMed = get(`ELBOW_MED_${U}`), wRad = get(`WRIST_RAD_${U}`), wUln = get(`WRIST_ULN_${U}`);
    let wrist: Vec3 | null = wRad && wUln ? mid(wRad, wUln) : wRad ?? wUln;
    let elbow: Vec3;
    if (eLat && eMed) elbow = mid(eLat, eMed);
    else if (eLat) elbow = lateralOnly(eLat, null, wrist ? towardsLine(eLat, gh, wrist) : scale(colZ(torsoR), -m), options.elbowWidthM, 0.07, 'elbow width');
    else {
      warnings.push(`no elbow markers on the ${side === 'r' ? 'right' : 'left'}: generic upper-arm length`);
      elbow = add(gh, scale(colY(torsoR), -gLen(`upperarm_${side}`) * sTorso));
    }
    const sArm = norm(sub(gh, elbow)) / gLen(`upperarm_${side}`);
    if (!wrist) wrist = add(elbow, scale(normalize(sub(elbow, gh)), gLen(`forearm_${side}`) * sArm));
    const u = normalize(sub(elbow, gh)), v = normalize(sub(wrist, elbow));
    const bend = cross(u, v);
    const wristAxis = wRad && wUln ? scale(sub(wRad, wUln), m) : null;
    // Humerus Z along the epicondyles (ISB), or from the lateral one to the centre; the bend plane or the wrist
    // axis only without elbow markers (then the static pose's pronation reads 0 by construction).
    const zUpper = eLat && eMed ? scale(sub(eLat, eMed), m) : eLat ? scale(sub(eLat, elbow), m)
      : norm(bend) > Math.sin((10 * Math.PI) / 180) ? bend : wristAxis ?? colZ(torsoR);
    const upperR = frameFromYZ(sub(gh, elbow), zUpper);
    const foreR = frameFromYZ(sub(elbow, wrist), wristAxis ?? colZ(upperR));
    const fin = get(`FINGER_${U}`);
    const handY = fin ? sub(wrist, fin) : colY(foreR);
    const handTip = fin ?? add(wrist, scale(normalize(handY), -gLen(`hand_${side}`) * sArm));
    // Shoulder girdle from the sternoclavicular joint to the glenohumeral centre, its frame the torso's at this
    // pose (the static pose is the girdle's zero). The joint sits at its generic offset from a sternal marker.
    if (girdle) {
      const sc = fromSternum(gLocal('torso', G[`clavicle_${side}`].origin));
      segs[`clavicle_${side}`] = { R: torsoR, origin: sc, distal: gh };
      centres[`sternoclavicular_${side}`] = sc;
    }
    segs[`upperarm_${side}`] = { R: upperR, origin: gh, distal: elbow };
    segs[`forearm_${side}`] = { R: foreR, origin: elbow, distal: wrist };
    segs[`hand_${side}`] = { R: frameFromYZ(handY, colZ(foreR)), origin: wrist, distal: handTip };
    hands[side] = handTip;
    centres[`shoulder_${side}`] = gh;
    centres[`elbow_${side}`] = elbow;
    centres[`wrist_${side}`] = wrist;
  }
  if (widthDefaults.length) warnings.push(`joint widths not given, defaults used: ${[...new Set(widthDefaults)].join(', ')}`);

  const sk: PosedSkeleton = {
    segments: segs,
    landmarks: {
      vertex, gonion: inHead(add(G.head.origin, [0.04, 0.048, 0])), suprasternale: inTorso(gSupra), midHip: mid(centres.hip_r, centres.hip_l),
      heel_r: feet.r.heel, toe_r: feet.r.toe, heel_l: feet.l.heel, toe_l: feet.l.toe, handTip_r: hands.r, handTip_l: hands.l,
    },
  };
  const lengths: Record<string, number> = {}, factors: Record<string, number> = {};
  for (const [name, s] of Object.entries(segs)) {
    lengths[name] = norm(sub(s.distal, s.origin));
    factors[name] = lengths[name] / gLen(name);
    if (!(factors[name] > 0.3 && factors[name] < 3) || !Array.from(s.R).every(Number.isFinite))
      throw new KinetwinError(`implausible ${name} in the static trial: length ${(lengths[name] * 1000).toFixed(0)} mm against a generic ${(gLen(name) * 1000).toFixed(0)} mm; check the marker labels and units`);
  }
  // Markers: measured static positions; a marker the static trial lacks keeps its generic offset, scaled.
  const joints: JointSpec[] = segmentDefsOf(model).map((s) => ({
    segment: s.name, parent: s.parent, joint: s.joint, coordinates: s.coordinates, outputOrder: s.outputOrder,
  }));
  const absent: string[] = [];
  const markers = markerSet.markers.map((mk) => {
    const p = pos.get(mk.name), segment = hostSegment(joints, mk.segment);
    if (p) return { name: mk.name, segment, position: p };
    absent.push(mk.name);
    const s = segs[mk.segment];
    if (!s) return { name: mk.name, segment, position: inTorso(add(gLocal('torso', G[mk.segment].origin), mk.offset)) }; // clavicle marker, rigid torso
    return { name: mk.name, segment, position: add(s.origin, toWorld(s.R, scale(mk.offset, factors[mk.segment]))) };
  });
  if (absent.length) warnings.push(`markers absent from the static trial keep generic offsets: ${absent.join(', ')}`);
  const built = buildModelFromPose(`${model.name}-scaled`, joints, sk, markers, massKg, sex);
  const raised = ['r', 'l'].filter((side) => {
    const c = built.model.coordinates.findIndex((x) => x.name === `shoulder_adduction_${side}`);
    return c >= 0 && built.pose[c] < -Math.PI / 4;
  });
  if (raised.length && acrR && acrL)
    warnings.push(girdle
      ? `arms abducted more than 45° in the static trial (${raised.join(', ')}): the shoulder centres are placed from raised acromions (scapulae rotated), so arm markers of a trial with the arms down fit a little worse`
      : `arms abducted more than 45° in the static trial (${raised.join(', ')}): the acromion and shoulder centres sit higher than with the arms down, so trunk and arm markers of a walking trial fit worse (a model with shoulder girdles absorbs most of it)`);
  const ik = solveInverseKinematics(built.model, markerSet, staticTrial, { initialPose: built.pose, markerErrors: true });
  const nm = built.model.markers.length;
  const residuals = built.model.markers.map((mk, i) => {
    let s = 0, c = 0;
    for (let f = 0; f < ik.frames; f++) {
      const e = ik.markerErrorsM![f * nm + i];
      if (Number.isFinite(e)) { s += e * e; c++; }
    }
    return { marker: mk.name, errorM: c ? Math.sqrt(s / c) : NaN };
  }).filter((r) => Number.isFinite(r.errorM));
  return { model: built.model, staticPose: built.pose, residuals, jointCentres: centres, segmentLengths: lengths, scaleFactors: factors, warnings: [...warnings, ...ik.warnings] };
}
