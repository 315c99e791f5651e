// Inverse kinematics over a whole trial: per frame, the LM solve of ikSolver.ts warm-started from the
// previous frame. Gap-tolerant: a missing (NaN) marker gets weight 0; a segment whose subtree keeps too few
// markers (root 3, 3-DOF joint 2, 1–2-DOF joint 1) has its coordinates — and its descendants' — reported NaN.
import { KinetwinError } from '../errors';
import type { Trial } from '../model/trial';
import { cardanZXY } from './buildModel';
import { createIkSolver, solveFrame, type IkSolver } from './ikSolver';
import { markerTrajectories, readMarkerFrame } from './markerFrames';
import type { MarkerSet } from './markerSets';
import type { BodyModel } from './model';
import { cross, normalize, sub, type Vec3 } from './mat3';

export interface IkOptions {
  weights?: Record<string, number>; // per marker name; default the marker set's weight (else 1); 0 excludes a marker
  maxIterations?: number; // per frame, default 30 (first frame: 5×)
  tolerance?: number; // largest coordinate step (rad or m) that ends a frame's iterations, default 1e-6
  initialPose?: ArrayLike<number>; // coordinates to start the first frame from (root pose is re-estimated)
  firstFrame?: number; // 0-based, default 0
  lastFrame?: number; // 0-based inclusive, default last
  markerErrors?: boolean; // also return every marker's distance per frame
  regularization?: number; // μ of μ·‖q − q_previous‖² (m² per rad²) damping ill-seen coordinates towards the previous frame, default 0
}

export interface IkResult {
  coordinateNames: string[];
  frames: number;
  rate: number; // Hz
  time: Float64Array; // frames, s
  coordinates: Float64Array; // frames × coordinates, rad / m, NaN where undetermined
  rmsErrorM: Float64Array; // frames, RMS marker distance over the markers seen, m (NaN without a solution)
  maxErrorM: Float64Array; // frames, largest marker distance, m
  maxErrorMarker: string[]; // frames, marker with the largest distance
  markersUsed: string[];
  markersMissing: string[]; // model markers absent from the trial
  markerErrorsM?: Float64Array; // frames × model markers, m, NaN where not seen (only with options.markerErrors)
  meanIterations: number;
  warnings: string[];
}

// Root pose guess from three non-collinear observed pelvis markers: triads in the model and the lab.
function initialiseRoot(s: IkSolver): void {
  const { model, observed, weights, q } = s;
  const local: Vec3[] = [], lab: Vec3[] = [];
  for (let m = 0; m < model.markers.length && local.length < 3; m++) {
    if (model.markerSegment[m] !== 0 || weights[m] === 0) continue;
    const l = model.markers[m].offset, o: Vec3 = [observed[m * 3], observed[m * 3 + 1], observed[m * 3 + 2]];
    if (local.length === 2) {
      const a = cross(sub(local[1], local[0]), sub(l, local[0]));
      if (Math.hypot(...a) < 1e-3 * Math.hypot(...sub(local[1], local[0]))) continue;
    }
    local.push(l);
    lab.push(o);
  }
  if (local.length < 3) return;
  const triad = (p: Vec3[]) => {
    const e1 = normalize(sub(p[1], p[0]));
    const e3 = normalize(cross(e1, sub(p[2], p[0])));
    return [e1, cross(e3, e1), e3];
  };
  const a = triad(local), b = triad(lab);
  const R = new Float64Array(9); // R = B·Aᵀ, columns of A and B are the triads
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) R[r * 3 + c] = b[0][r] * a[0][c] + b[1][r] * a[1][c] + b[2][r] * a[2][c];
  const post = model.postRotation; // root rotation = D·post → D = R·postᵀ
  const D = new Float64Array(9);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) D[r * 3 + c] = R[r * 3] * post[c * 3] + R[r * 3 + 1] * post[c * 3 + 1] + R[r * 3 + 2] * post[c * 3 + 2];
  const ang = cardanZXY(D);
  const t = [0, 1, 2].map((k) => lab[0][k] - (R[k * 3] * local[0][0] + R[k * 3 + 1] * local[0][1] + R[k * 3 + 2] * local[0][2]));
  for (const c of model.segments[0].coordinates) {
    const coord = model.coordinates[c];
    const k = Math.abs(coord.axis[0]) === 1 ? 0 : Math.abs(coord.axis[1]) === 1 ? 1 : 2;
    const sign = coord.axis[k];
    q[c] = coord.kind === 'translation' ? sign * t[k] : sign * [ang[1], ang[2], ang[0]][k];
  }
}

// A first frame (or one after a gap) has no warm start: solve outwards from the root, one tree depth at a
// time with only the markers reached so far, and where a depth's markers stay more than 5 mm off, retry its
// new coordinates from a 3-point grid over each one's range (at most 3 coordinates per joint → 27 starts).
function initialiseFrame(s: IkSolver, depth: Int32Array, maxIt: number, tol: number): void {
  const { model, weights, active, q } = s;
  initialiseRoot(s);
  const saveW = Float64Array.from(weights), saveA = Uint8Array.from(active);
  const maxDepth = Math.max(...depth);
  const start = new Float64Array(q.length);
  for (let d = 0; d <= maxDepth; d++) {
    for (let m = 0; m < weights.length; m++) weights[m] = depth[model.markerSegment[m]] <= d ? saveW[m] : 0;
    const fresh: number[] = [];
    model.coordinates.forEach((c, i) => {
      const dd = depth[c.segment];
      active[i] = saveA[i] && dd <= d ? 1 : 0;
      if (dd === d && saveA[i]) fresh.push(i);
    });
    if (fresh.length === 0) continue;
    let best = solveFrame(s, maxIt, tol);
    if (d === 0 || !stageOff(s, depth, d)) continue;
    start.set(q);
    const bestQ = Float64Array.from(q);
    for (const seg of new Set(fresh.map((i) => model.coordinates[i].segment))) {
      const cs = fresh.filter((i) => model.coordinates[i].segment === seg && model.coordKind[i] === 0).slice(0, 3);
      const combos = 3 ** cs.length;
      for (let k = 0; k < combos; k++) {
        q.set(bestQ);
        let code = k;
        for (const c of cs) {
          const lo = Math.max(model.coordMin[c], -Math.PI), hi = Math.min(model.coordMax[c], Math.PI);
          q[c] = lo + ((code % 3) + 0.5) * (hi - lo) / 3;
          code = Math.floor(code / 3);
        }
        const cost = solveFrame(s, maxIt, tol);
        if (cost < best) { best = cost; bestQ.set(q); }
      }
      q.set(bestQ);
    }
  }
  weights.set(saveW);
  active.set(saveA);
}

// True when the markers on segments at tree depth d are, on average, more than 5 mm from the model's.
function stageOff(s: IkSolver, depth: Int32Array, d: number): boolean {
  let sum = 0, cnt = 0;
  for (let m = 0; m < s.weights.length; m++) {
    if (s.weights[m] === 0 || depth[s.model.markerSegment[m]] !== d) continue;
    sum += (s.observed[m * 3] - s.kin.markers[m * 3]) ** 2 + (s.observed[m * 3 + 1] - s.kin.markers[m * 3 + 1]) ** 2 + (s.observed[m * 3 + 2] - s.kin.markers[m * 3 + 2]) ** 2;
    cnt++;
  }
  return cnt > 0 && Math.sqrt(sum / cnt) > 0.005;
}

/** Marks the coordinates solvable this frame; returns false when the root itself is not. */
function markActive(model: BodyModel, need: Int32Array, weights: Float64Array, counts: Int32Array, segActive: Uint8Array, active: Uint8Array): boolean {
  const ns = model.segments.length;
  counts.fill(0);
  for (let m = 0; m < weights.length; m++) if (weights[m] > 0) counts[model.markerSegment[m]]++;
  for (let s = ns - 1; s > 0; s--) counts[model.segmentParent[s]] += counts[s];
  for (let s = 0; s < ns; s++) {
    const ok = counts[s] >= need[s] && (s === 0 || segActive[model.segmentParent[s]] === 1);
    segActive[s] = ok ? 1 : 0;
    for (let k = model.dofStart[s]; k < model.dofStart[s + 1]; k++) active[model.dofCoord[k]] = ok ? 1 : 0;
  }
  return segActive[0] === 1;
}

export function solveInverseKinematics(model: BodyModel, markerSet: MarkerSet | null, trial: Trial, options: IkOptions = {}): IkResult {
  const traj = markerTrajectories(model, trial);
  const inSet = markerSet ? new Map(markerSet.markers.map((m) => [m.name.toLowerCase(), m.weight ?? 1])) : null;
  const baseWeight = Float64Array.from(model.markers, (m, i) => {
    if (traj.found[i] < 0 || (inSet && !inSet.has(m.name.toLowerCase()))) return 0;
    const w = options.weights?.[m.name] ?? inSet?.get(m.name.toLowerCase()) ?? 1;
    if (!(w >= 0) || !Number.isFinite(w)) throw new KinetwinError(`marker weight for ${m.name} must be a finite number ≥ 0`);
    return w;
  });
  const markersUsed = model.markers.filter((_, i) => baseWeight[i] > 0).map((m) => m.name);
  const markersMissing = model.markers.filter((_, i) => traj.found[i] < 0).map((m) => m.name);
  if (markersUsed.length < 3)
    throw new KinetwinError(`too few model markers in the trial (${markersUsed.length}); missing: ${markersMissing.join(', ')}`);
  const f0 = options.firstFrame ?? 0, f1 = options.lastFrame ?? traj.frames - 1;
  if (!(f0 >= 0 && f1 < traj.frames && f0 <= f1)) throw new KinetwinError(`frame range ${f0}–${f1} outside 0–${traj.frames - 1}`);
  const frames = f1 - f0 + 1, n = model.coordinates.length, ns = model.segments.length;
  const maxIt = options.maxIterations ?? 30, tol = options.tolerance ?? 1e-6;
  const s = createIkSolver(model);
  s.mu = options.regularization ?? 0;
  if (!(s.mu >= 0 && Number.isFinite(s.mu))) throw new KinetwinError('IK regularization must be a finite number ≥ 0');
  if (options.initialPose) {
    if (options.initialPose.length !== n) throw new KinetwinError(`initial pose needs ${n} coordinates`);
    s.q.set(options.initialPose);
  }
  const out = new Float64Array(frames * n), rms = new Float64Array(frames), maxErr = new Float64Array(frames);
  const maxMarker: string[] = new Array(frames);
  const time = new Float64Array(frames);
  const counts = new Int32Array(ns), segActive = new Uint8Array(ns);
  const depth = new Int32Array(ns);
  for (let i = 1; i < ns; i++) depth[i] = depth[model.segmentParent[i]] + 1;
  // markers needed in a segment's subtree to solve its joint: root 3, 3-DOF joint 2, 1–2-DOF joint 1
  const need = Int32Array.from(model.segments, (seg, i) => {
    const rot = seg.coordinates.filter((c) => model.coordKind[c] === 0).length;
    return i === 0 ? 3 : rot >= 3 ? 2 : rot > 0 ? 1 : 0;
  });
  const nanFrames = new Int32Array(n);
  const nm = model.markers.length;
  const perMarker = options.markerErrors ? new Float64Array(frames * nm).fill(NaN) : undefined;
  let needInit = true, iterSum = 0, solved = 0;
  for (let f = 0; f < frames; f++) {
    time[f] = traj.startTime + (f0 + f) / traj.rate;
    readMarkerFrame(traj, f0 + f, s.observed);
    for (let m = 0; m < baseWeight.length; m++) {
      const o = s.observed;
      s.weights[m] = Number.isFinite(o[m * 3]) && Number.isFinite(o[m * 3 + 1]) && Number.isFinite(o[m * 3 + 2]) ? baseWeight[m] : 0;
    }
    if (!markActive(model, need, s.weights, counts, segActive, s.active)) {
      out.fill(NaN, f * n, f * n + n);
      rms[f] = maxErr[f] = NaN;
      maxMarker[f] = '';
      for (let c = 0; c < n; c++) nanFrames[c]++;
      needInit = true;
      continue;
    }
    const mu = s.mu;
    if (needInit) {
      s.mu = 0; // nothing to stay close to on a first frame
      initialiseFrame(s, depth, maxIt * 5, tol);
    }
    solveFrame(s, needInit ? maxIt * 5 : maxIt, tol);
    s.mu = mu;
    needInit = false;
    iterSum += s.iterations;
    solved++;
    let sum = 0, cnt = 0, worst = -1, worstM = -1;
    for (let m = 0; m < s.weights.length; m++) {
      if (s.weights[m] === 0) continue;
      const d = Math.hypot(s.observed[m * 3] - s.kin.markers[m * 3], s.observed[m * 3 + 1] - s.kin.markers[m * 3 + 1], s.observed[m * 3 + 2] - s.kin.markers[m * 3 + 2]);
      sum += d * d;
      cnt++;
      if (perMarker) perMarker[f * nm + m] = d;
      if (d > worst) { worst = d; worstM = m; }
    }
    rms[f] = Math.sqrt(sum / cnt);
    maxErr[f] = worst;
    maxMarker[f] = model.markers[worstM].name;
    for (let c = 0; c < n; c++) {
      if (s.active[c]) out[f * n + c] = s.q[c];
      else {
        out[f * n + c] = NaN;
        nanFrames[c]++;
      }
    }
  }
  const warnings: string[] = [];
  if (markersMissing.length) warnings.push(`model markers not in the trial: ${markersMissing.join(', ')}`);
  const undetermined = model.coordinates.map((c, i) => ({ name: c.name, k: nanFrames[i] })).filter((x) => x.k > 0);
  const byCount = new Map<number, string[]>();
  for (const u of undetermined) byCount.set(u.k, [...(byCount.get(u.k) ?? []), u.name]);
  for (const [k, names] of byCount)
    warnings.push(`${names.join(', ')} undetermined (NaN) in ${k} of ${frames} frames: too few markers on the segment and those below it`);
  return {
    coordinateNames: model.coordinates.map((c) => c.name), frames, rate: traj.rate, time, coordinates: out,
    rmsErrorM: rms, maxErrorM: maxErr, maxErrorMarker: maxMarker, markersUsed, markersMissing, markerErrorsM: perMarker,
    meanIterations: solved ? iterSum / solved : 0, warnings,
  };
}
