// Grasping a primitive: the object rests against the palm, then each digit (a fused pair as one) closes along a flexion
// synergy (PIP ≈ 1.1 × MCP, DIP ≈ 0.7 × PIP; thumb CMC, MCP, IP together) until Ammo reports contact with the object;
// a segment that touches freezes the joints proximal to it and the distal joints close on (GraspIt's auto-grasp, Miller
// & Allen 2004, IEEE Robot Autom Mag 11(4):110), until the digit's distal segment touches, a joint limit is reached, or
// the digit would collide with the rest of the hand. Each stage: a coarse scan (no tunnelling), then bisection.
import type { AmmoModule } from '../ammo.js';
import type { CounterRandom } from '../random.js';
import { findSelfCollision, pairsInvolving, placeBone, placeBones, type HandCollider } from './handCollision.js';
import {
  boneObjectDistance, clampToObject, createGraspContactWorld, destroyGraspContactWorld, INFLATE, objectDistanceBound, placeContactBone,
  placeGraspObject, setGraspObjectSize, type GraspContactWorld,
} from './graspContact.js';
import { drawObjectSize, objectRotation, type GraspObjectSize, type GraspOptions } from './graspObject.js';
import { applyCoupling, type BoneKind, type HandModel } from './handModel.js';
import { handForwardKinematics, poseBone, type HandPose } from './handPose.js';

export interface GraspContact {
  digit: number;
  segment: BoneKind; // 'metacarpal' is the palm
  point: [number, number, number]; // m, hand frame, on the object surface
  normal: [number, number, number]; // object's outward unit normal there
  depthM: number; // m, penetration (> 0) or gap (< 0, down to −INFLATE)
}

export interface GraspResult {
  size: GraspObjectSize;
  rotation: Float64Array; // 9, row-major, object → hand frame (object X = cylinder axis)
  centre: Float64Array; // 3, m, hand frame
  contacts: GraspContact[];
  digitsInContact: number[]; // digits whose distal (most distal present) segment touches the object
  maxPenetrationM: number; // ≥ 0
}

interface ClosingGroup {
  digits: number[]; // leader first (fused pairs close together)
  joints: Int32Array; // the leader's flexion joints that close, proximal → distal
  moving: Uint8Array; // per bone: moved by these joints (both digits of a fused pair)
  movingList: Int32Array; // the same, as bone indices
  movedFrom: Int32Array[]; // per closing joint k: the bones moved by joints k… (what a stage freeing them must check)
  pairs: Int32Array; // self-collision pairs involving a moving bone
  tips: Int32Array; // most distal present bone of each digit
}

export interface HandGrasper {
  model: HandModel;
  collider: HandCollider;
  contact: GraspContactWorld;
  pose: HandPose;
  options: GraspOptions;
  groups: ClosingGroup[];
  palmBones: Int32Array; // finger bones: the open hand's palmar surface the object rests on
  leaderOf: Int32Array; // per joint: the joint whose angle it copies (itself when free)
  local: Float64Array; // 9 scratch: object rotation in the carpus frame
  R: Float64Array; // 9 scratch: object rotation, hand frame
  c: Float64Array; // 3 scratch: object centre, hand frame
  start: Float64Array; // joints scratch: angles at a stage's start
  target: Float64Array; // joints scratch: angles at a stage's end
  saved: Float64Array; // joints × 2 scratch: the angles before the thumb closes
}

const CONTACT_DEPTH = 0.00025; // m: a closing step is blocked beyond this penetration
const EXACT_GAP = 0.0003; // m: Ammo's separated distances are exact up to here (checked in tests)
const SCAN_STEPS = 24; // coarse steps per closing stage (≤ ~5° each)
const BISECTIONS = 6;
const SELF = -2;
const THUMB_OPEN = [1, 0.75, 0.5, 0.25, 0]; // CMC abduction fractions tried when the thumb starts in the way
// (CMC flexion, CMC abduction) start fractions of their ranges tried when the thumb's distal phalanx misses the object
const THUMB_STARTS = [0, 1, 0.25, 1, 0.5, 1, 0, 0.75, 0.25, 0.75, 0.5, 0.75, 0, 0.5, 0.25, 0.5, 0.5, 0.5, 0, 0.25, 0, 0];

/** The closing groups: fingers (fused pairs as one, leader = lower digit), then the thumb last, wrapping over them. */
function closingGroups(model: HandModel, collider: HandCollider): ClosingGroup[] {
  const follower = new Map<number, number>();
  for (const [a, b] of model.variant.fused ?? []) follower.set(Math.min(a, b), Math.max(a, b));
  const followers = new Set(follower.values());
  const digits = [...new Set(model.bones.map((b) => b.digit))].sort((a, b) => a - b);
  const order = [...digits.filter((d) => d !== 1), ...digits.filter((d) => d === 1)];
  const groups: ClosingGroup[] = [];
  for (const d of order) {
    if (followers.has(d)) continue;
    const ds = follower.has(d) ? [d, follower.get(d)!] : [d];
    const closes = (k: string): boolean => (d === 1 ? k !== 'wrist' : k === 'mcp' || k === 'pip' || k === 'dip');
    const joints = model.bones.filter((b) => b.digit === d && b.present && closes(model.joints[b.joint].kind)).map((b) => b.joint);
    if (joints.length === 0) continue; // a digit reduced to its metacarpal does not close
    const moving = new Uint8Array(model.bones.length);
    model.bones.forEach((b, i) => {
      const j = model.joints[b.joint];
      const lead = j.coupledTo >= 0 ? j.coupledTo : b.joint;
      if (b.present && joints.includes(lead)) moving[i] = 1;
    });
    const movingList = Int32Array.from(Array.from(moving).flatMap((m, i) => (m ? [i] : [])));
    const tips = Int32Array.from(ds.map((dd) => {
      let tip = -1;
      model.bones.forEach((b, i) => { if (b.digit === dd && b.present && b.kind !== 'metacarpal') tip = i; });
      return tip;
    }).filter((t) => t >= 0));
    const leadOf = (i: number): number => { const j = model.joints[model.bones[i].joint]; return j.coupledTo >= 0 ? j.coupledTo : model.bones[i].joint; };
    const movedFrom = joints.map((_, k) => movingList.filter((i) => joints.indexOf(leadOf(i)) >= k));
    groups.push({ digits: ds, joints: Int32Array.from(joints), moving, movingList, movedFrom, pairs: pairsInvolving(collider, moving), tips });
  }
  return groups;
}

export function createHandGrasper(ammo: AmmoModule, model: HandModel, collider: HandCollider, pose: HandPose, options: GraspOptions): HandGrasper {
  const size: GraspObjectSize = { type: options.object, radius: options.radius ?? 0.03, length: options.object === 'cylinder' ? options.length ?? 0.15 : 0 };
  const palm = model.bones.flatMap((b, i) => (b.present && b.digit !== 1 ? [i] : []));
  return {
    model, collider, contact: createGraspContactWorld(ammo, model, size), pose, options, groups: closingGroups(model, collider),
    palmBones: Int32Array.from(palm), leaderOf: Int32Array.from(model.joints.map((j, i) => (j.coupledTo >= 0 ? j.coupledTo : i))),
    local: new Float64Array(9), R: new Float64Array(9), c: new Float64Array(3),
    start: new Float64Array(model.joints.length), target: new Float64Array(model.joints.length), saved: new Float64Array(model.joints.length * 2),
  };
}

export function destroyHandGrasper(g: HandGrasper): void {
  destroyGraspContactWorld(g.contact);
}

/** Deepest object penetration (m) among `bones` after placing them; the bone in `out.bone`. Prefiltered analytically. */
function deepestPenetration(g: HandGrasper, bones: Int32Array, out: { bone: number }): number {
  let deepest = 0;
  out.bone = -1;
  for (let k = 0; k < bones.length; k++) {
    const i = bones[k];
    placeContactBone(g.contact, g.pose, i);
    if (objectDistanceBound(g.contact, i) > 0) continue;
    const d = boneObjectDistance(g.contact, i);
    if (-d > deepest) { deepest = -d; out.bone = i; }
  }
  return deepest;
}

const hitOut = { bone: -1 };

/**
 * Poses group gr's bones for `angles`; returns −1 when the group may move there, the penetrating bone (among those moved
 * by joints `free`…; the others stay where they were accepted), or SELF.
 */
function blockedAt(g: HandGrasper, gr: ClosingGroup, angles: Float64Array, free = 0): number {
  applyCoupling(g.model, angles);
  const list = gr.movingList;
  for (let k = 0; k < list.length; k++) {
    poseBone(g.model, angles, g.pose, list[k]);
    placeBone(g.collider, g.pose, list[k]);
  }
  if (deepestPenetration(g, gr.movedFrom[free], hitOut) > CONTACT_DEPTH) return hitOut.bone;
  return findSelfCollision(g.collider, gr.pairs) >= 0 ? SELF : -1;
}

/** angles of the stage's free joints (from index `free` on) at fraction s between start and target. */
function setStage(g: HandGrasper, gr: ClosingGroup, free: number, s: number, angles: Float64Array): void {
  for (let k = free; k < gr.joints.length; k++) {
    const j = gr.joints[k];
    angles[j * 2] = g.start[j] + s * (g.target[j] - g.start[j]);
  }
}

/**
 * A digit that starts inside the object (or the hand) opens out of its way: a finger hyperextends at the MCP, the thumb
 * tries other CMC abductions (palmar → radial). True when a free start was found (written into angles and g.start).
 */
function openOutOfTheWay(g: HandGrasper, gr: ClosingGroup, angles: Float64Array): boolean {
  const first = gr.joints[0], J = g.model.joints[first];
  if (J.kind === 'mcp') {
    if (J.flexion[0] >= 0) return false;
    angles[first * 2] = g.start[first] = J.flexion[0];
    return blockedAt(g, gr, angles) === -1;
  }
  if (J.kind !== 'cmc' || !J.abduction) return false;
  for (const f of THUMB_OPEN) {
    angles[first * 2 + 1] = J.abduction[0] + f * (J.abduction[1] - J.abduction[0]);
    if (blockedAt(g, gr, angles) === -1) return true;
  }
  return false;
}

const FAILED = 0, TOUCHED = 1, STOPPED = 2; // closing outcomes: started inside, distal segment touches, stopped short

/** Closes one group on the object (see the file comment): FAILED when it starts inside the object or the hand. */
function closeGroup(g: HandGrasper, gr: ClosingGroup, angles: Float64Array): number {
  const { model } = g;
  let free = 0;
  let stage = 0;
  while (free < gr.joints.length) {
    for (let k = free; k < gr.joints.length; k++) {
      const j = gr.joints[k], hi = model.joints[j].flexion[1];
      g.start[j] = angles[j * 2];
      let t = hi;
      if (stage === 0 && model.joints[j].kind === 'pip') t = Math.min(hi, 1.1 * g.target[gr.joints[k - 1]]);
      if (stage === 0 && model.joints[j].kind === 'dip') t = Math.min(hi, 0.7 * g.target[gr.joints[k - 1]]);
      g.target[j] = t;
    }
    if (stage === 0 && blockedAt(g, gr, angles) !== -1 && !openOutOfTheWay(g, gr, angles)) return FAILED;
    let lo = 0, hi = -1, code = -1;
    for (let k = 1; k <= SCAN_STEPS; k++) {
      const s = k / SCAN_STEPS;
      setStage(g, gr, free, s, angles);
      code = blockedAt(g, gr, angles, free);
      if (code !== -1) { hi = s; break; }
      lo = s;
    }
    if (hi < 0) return STOPPED; // closed to the limits without touching
    for (let k = 0; k < BISECTIONS; k++) {
      const mid = (lo + hi) / 2;
      setStage(g, gr, free, mid, angles);
      const c = blockedAt(g, gr, angles, free);
      if (c === -1) lo = mid; else { hi = mid; code = c; }
    }
    setStage(g, gr, free, lo, angles);
    blockedAt(g, gr, angles, free); // leaves the pose and both worlds at the accepted angles
    if (code === SELF) return STOPPED;
    if (gr.tips.includes(code)) return TOUCHED;
    const lead = g.leaderOf[model.bones[code].joint];
    const at = gr.joints.indexOf(lead);
    free = Math.max(free + 1, at + 1);
    stage++;
  }
  return STOPPED;
}

/** Whether group gr's distal segment lies within INFLATE of the object (Ammo query on the inflated copy). */
function tipNear(g: HandGrasper, gr: ClosingGroup): boolean {
  for (let k = 0; k < gr.tips.length; k++) {
    const i = gr.tips[k];
    placeContactBone(g.contact, g.pose, i);
    if (objectDistanceBound(g.contact, i) <= INFLATE && boneObjectDistance(g.contact, i, true) <= 0) return true;
  }
  return false;
}

/**
 * Closes the thumb from its drawn CMC pose, then, when its distal phalanx does not reach the object (it may run along a
 * cylinder instead of around it), from the other CMC starts of THUMB_STARTS; the first that reaches is kept.
 */
function closeThumb(g: HandGrasper, gr: ClosingGroup, angles: Float64Array): number {
  const cmc = gr.joints[0], J = g.model.joints[cmc];
  const saved = g.saved;
  saved.set(angles);
  let outcome = closeGroup(g, gr, angles);
  if (outcome === TOUCHED || (outcome === STOPPED && tipNear(g, gr)) || !J.abduction) return outcome;
  let fallback = outcome === STOPPED ? -1 : -2; // THUMB_STARTS index to close from when none reaches (−1 the drawn one)
  for (let k = 0; k < THUMB_STARTS.length; k += 2) {
    angles.set(saved);
    angles[cmc * 2] = J.flexion[0] + THUMB_STARTS[k] * (J.flexion[1] - J.flexion[0]);
    angles[cmc * 2 + 1] = J.abduction[0] + THUMB_STARTS[k + 1] * (J.abduction[1] - J.abduction[0]);
    outcome = closeGroup(g, gr, angles);
    if (outcome === TOUCHED || (outcome === STOPPED && tipNear(g, gr))) return outcome;
    if (outcome === STOPPED && fallback === -2) fallback = k;
  }
  if (fallback === -2) return FAILED;
  angles.set(saved);
  if (fallback >= 0) {
    angles[cmc * 2] = J.flexion[0] + THUMB_STARTS[fallback] * (J.flexion[1] - J.flexion[0]);
    angles[cmc * 2 + 1] = J.abduction[0] + THUMB_STARTS[fallback + 1] * (J.abduction[1] - J.abduction[0]);
  }
  return closeGroup(g, gr, angles);
}

/** Deepest penetration of the open fingers and palm (m) of the object placed at carpus-frame height z. */
function palmPenetration(g: HandGrasper, lx: number, ly: number, z: number): number {
  const K = g.pose.carpus, c = g.c;
  c[0] = K[0] * lx + K[1] * ly + K[2] * z;
  c[1] = K[3] * lx + K[4] * ly + K[5] * z;
  c[2] = K[6] * lx + K[7] * ly + K[8] * z;
  placeGraspObject(g.contact, g.R, c);
  return deepestPenetration(g, g.palmBones, hitOut);
}

/**
 * Draws the object and an open hand around it (angles: joints × 2, deg, wrist/abduction/CMC already drawn), rests the
 * object on the palm and closes every digit. Null when the draw cannot be grasped (a digit starts inside the object).
 */
export function graspObject(g: HandGrasper, rng: CounterRandom, angles: Float64Array): GraspResult | null {
  const { model, options } = g;
  const size = drawObjectSize(options, rng);
  setGraspObjectSize(g.contact, size);
  const L = model.handLength;
  // a handle runs obliquely from the hypothenar eminence to the index base (radial end distal: tilt > 0 about the palm normal)
  const tilt = size.type === 'cylinder' ? rng.uniform(0, 20) : 0; // deg
  const lx = size.type === 'cylinder' ? rng.uniform(-0.13, -0.05) * L : rng.uniform(-0.1, 0.02) * L; // across the palm
  const ly = rng.uniform(0.34, 0.42) * L; // along the palm, just proximal to the MCP row
  const thumbAbduction = rng.uniform(30, 60);
  // open hand: fingers extended, thumb extended at the CMC and abducted
  for (const gr of g.groups) for (let k = 0; k < gr.joints.length; k++) {
    const J = model.joints[gr.joints[k]];
    angles[gr.joints[k] * 2] = J.kind === 'cmc' ? J.flexion[0] : Math.max(0, J.flexion[0]);
    if (J.kind === 'cmc' && J.abduction) angles[gr.joints[k] * 2 + 1] = Math.min(J.abduction[1], Math.max(J.abduction[0], thumbAbduction));
    if (J.kind === 'mcp' && J.abduction) angles[gr.joints[k] * 2 + 1] = rng.uniform(-5, 5); // fingers side by side around the object
  }
  applyCoupling(model, angles);
  handForwardKinematics(model, angles, g.pose);
  // object frame in the hand frame: carpus · tilt
  objectRotation(tilt, g.local);
  const K = g.pose.carpus, Lr = g.local, R = g.R;
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) R[r * 3 + c] = K[r * 3] * Lr[c] + K[r * 3 + 1] * Lr[3 + c] + K[r * 3 + 2] * Lr[6 + c];
  // rest on the palm: bisection on the height above the palm plane between touching (0) and clear
  let zlo = 0, zhi = size.radius + 0.2 * L;
  if (palmPenetration(g, lx, ly, zhi) > 0) return null;
  for (let k = 0; k < 14; k++) {
    const mid = (zlo + zhi) / 2;
    if (palmPenetration(g, lx, ly, mid) > CONTACT_DEPTH) zlo = mid; else zhi = mid;
  }
  palmPenetration(g, lx, ly, zhi);
  placeBones(g.collider, g.pose);
  for (const gr of g.groups) if ((gr.digits[0] === 1 ? closeThumb(g, gr, angles) : closeGroup(g, gr, angles)) === FAILED) return null;
  applyCoupling(model, angles);
  handForwardKinematics(model, angles, g.pose);
  return contactsOf(g, size);
}

/** Contacts (gap ≤ INFLATE) of every present bone with the placed object, from Ammo queries on its inflated copy. */
function contactsOf(g: HandGrasper, size: GraspObjectSize): GraspResult {
  const { model, contact } = g;
  const contacts: GraspContact[] = [];
  const touching = new Set<number>();
  let maxPen = 0;
  const round = (x: number): number => Math.round(x * 1e7) / 1e7;
  for (let i = 0; i < model.bones.length; i++) {
    if (!model.bones[i].present) continue;
    placeContactBone(contact, g.pose, i);
    if (objectDistanceBound(contact, i) > INFLATE) continue;
    // touching, penetrating or apart by < EXACT_GAP: the object itself (exact, rims included); farther: its inflated copy,
    // since GJK's separated distances to a cylinder read up to ~0.7 mm long beyond ~0.5 mm while near-touching ones are
    // exact. The inflated copy's rims are sharp, so there it may read a gap as a penetration: a gap stays a gap.
    let d = boneObjectDistance(contact, i), grow = 0;
    if (!(d <= EXACT_GAP)) { d = Math.max(0, boneObjectDistance(contact, i, true) + INFLATE); grow = INFLATE; }
    if (!(d <= INFLATE)) continue;
    const h = contact.hit;
    const b = model.bones[i];
    const point = [h[1] - h[4] * grow, h[2] - h[5] * grow, h[3] - h[6] * grow];
    if (grow > 0) clampToObject(contact, point); // off the inflated copy's rim: back onto the object
    contacts.push({
      digit: b.digit, segment: b.kind,
      point: [round(point[0]), round(point[1]), round(point[2])],
      normal: [round(h[4]), round(h[5]), round(h[6])],
      depthM: round(-d),
    });
    maxPen = Math.max(maxPen, -d);
    touching.add(i);
  }
  const digitsInContact: number[] = [];
  for (const gr of g.groups) for (let k = 0; k < gr.tips.length; k++) if (touching.has(gr.tips[k])) digitsInContact.push(model.bones[gr.tips[k]].digit);
  digitsInContact.sort((a, b) => a - b);
  return { size, rotation: contact.rotation.slice(), centre: contact.centre.slice(), contacts, digitsInContact, maxPenetrationM: maxPen };
}
