// A kinematic hand with configurable anatomy: wrist (2 DoF), carpometacarpal, MCP (2 DoF), PIP, DIP per finger;
// thumb CMC (2 DoF), MCP, IP. Bone lengths as fractions of hand length (Buchholz, Armstrong & Goldstein 1992,
// J Hand Surg Br 17:... / Ergonomics 35:261, Table 1); clinical ROM (AAOS, REFERENCE.md §5); functional ranges
// (Hume et al. 1990, J Hand Surg Am 15:240). Hand frame (right hand): X radial, Y distal (wrist → middle MCP),
// Z palmar; origin at the wrist joint centre. Flexion rotates a bone's Y toward its Z (about +X).
import { KinetwinError } from '../../errors.js';

export type DigitId = 1 | 2 | 3 | 4 | 5 | 6; // 1 thumb … 5 little, 6 an extra (postaxial) digit
export type BoneKind = 'metacarpal' | 'proximal' | 'middle' | 'distal';
export type JointKind = 'cmc' | 'mcp' | 'pip' | 'dip' | 'ip';

export interface HandJoint {
  name: string; // e.g. 'mcp2', 'ip1', 'wrist'
  digit: DigitId | 0; // 0 for the wrist
  kind: JointKind | 'wrist';
  flexion: [number, number]; // deg, clinical limits (flexion +)
  abduction: [number, number] | null; // deg, second DoF (away from the middle finger +; wrist: ulnar deviation +), null for hinges
  functionalFlexion: [number, number]; // deg, range used in daily tasks
  functionalAbduction: [number, number] | null;
  coupledTo: number; // index of the joint this one copies (syndactyly), −1 when free
  abductionSign: number; // +1 / −1: sign of the abduction angle as a rotation about the bone's −Z (radial +)
}

export interface HandBone {
  digit: DigitId;
  kind: BoneKind;
  parent: number; // parent bone index, −1 for the carpus
  joint: number; // index of the joint at the bone's proximal end
  length: number; // m
  radius: number; // m, capsule radius
  present: boolean; // false when the variant removes this bone
  restOffset: [number, number, number]; // m, joint centre in the parent frame (carpus frame for metacarpals)
  restRotation: Float64Array; // 3 × 3 row-major, bone frame relative to the parent frame in the rest pose
}

export interface HandVariant {
  absent?: number[]; // digits (1–5, 6 with extra) missing entirely
  absentFrom?: Array<{ digit: number; joint: string }>; // digit missing from this joint distally, e.g. {2, 'pip'}
  fused?: Array<[number, number]>; // syndactyly: adjacent digits whose joints move together
  extra?: boolean; // a sixth, postaxial digit ulnar to the little finger
  shortened?: Array<{ digit: number; bone: BoneKind; factor: number }>; // brachydactyly: bone length × factor
}

export interface HandModel {
  handLength: number; // m, wrist crease to middle fingertip
  variant: HandVariant;
  joints: HandJoint[]; // joint 0 is the wrist
  bones: HandBone[];
  keypointNames: string[]; // 21 (+4 with an extra digit): wrist, then per digit base → tip
  keypointBone: Int32Array; // per keypoint: bone whose proximal joint it is (−1 wrist); tips use ~bone (−2 − bone)
  keypointPresent: Uint8Array; // 1 present, 0 absent
}

// Bone lengths / hand length (Buchholz et al. 1992): metacarpal, proximal, middle (none for the thumb), distal.
const LENGTH: Record<number, number[]> = {
  1: [0.251, 0.196, 0, 0.158],
  2: [0.374, 0.265, 0.143, 0.097],
  3: [0.373, 0.277, 0.170, 0.108],
  4: [0.336, 0.259, 0.165, 0.107],
  5: [0.295, 0.206, 0.117, 0.093],
  6: [0.25, 0.17, 0.095, 0.08],
};
const RADIUS: Record<number, number> = { 1: 0.05, 2: 0.045, 3: 0.046, 4: 0.043, 5: 0.038, 6: 0.032 }; // × hand length
const SPACING = 0.118; // MCP spacing / hand length (hand breadth ≈ 0.45 × hand length)
const CARPUS = 0.07; // metacarpal bases, distance from the wrist / hand length
const DIGIT_NAMES: Record<number, string> = { 1: 'thumb', 2: 'index', 3: 'middle', 4: 'ring', 5: 'little', 6: 'extra' };
const BONES: BoneKind[] = ['metacarpal', 'proximal', 'middle', 'distal'];

/** Row-major rotation matrix Rz(c)·Ry(b)·Rx(a) (angles in rad). */
export function rotZYX(c: number, b: number, a: number): Float64Array {
  const cc = Math.cos(c), sc = Math.sin(c), cb = Math.cos(b), sb = Math.sin(b), ca = Math.cos(a), sa = Math.sin(a);
  return new Float64Array([
    cc * cb, cc * sb * sa - sc * ca, cc * sb * ca + sc * sa,
    sc * cb, sc * sb * sa + cc * ca, sc * sb * ca - cc * sa,
    -sb, cb * sa, cb * ca,
  ]);
}

function jointSpec(name: string, digit: DigitId | 0, kind: HandJoint['kind']): HandJoint {
  const j = (flexion: [number, number], abduction: [number, number] | null, ff: [number, number], fa: [number, number] | null): HandJoint =>
    ({ name, digit, kind, flexion, abduction, functionalFlexion: ff, functionalAbduction: fa, coupledTo: -1, abductionSign: digit === 2 || digit === 3 || digit === 1 ? 1 : -1 });
  switch (kind) {
    case 'wrist': return j([-70, 80], [-20, 35], [-30, 5], [-10, 15]); // extension 70, flexion 80; radial 20, ulnar 35
    case 'cmc':
      if (digit === 1) return j([-20, 15], [0, 60], [-20, 15], [0, 45]); // thumb: extension 20, flexion 15; abduction 0–60
      return j(digit === 4 ? [0, 10] : digit === 5 || digit === 6 ? [0, 20] : [0, 0], null, digit === 4 ? [0, 5] : digit >= 5 ? [0, 10] : [0, 0], null);
    case 'mcp':
      if (digit === 1) return j([-10, 55], null, [0, 21], null);
      return j([-45, 90], [-20, 20], [0, 61], [-10, 10]);
    case 'pip': return j([0, 100], null, [0, 60], null);
    case 'dip': return j([0, 90], null, [0, 39], null);
    default: return j([-15, 80], null, [0, 18], null); // thumb IP
  }
}

/** Throws a KinetwinError for digits outside 1–5 (1–6 with an extra digit). */
function checkDigit(d: number, extra: boolean, what: string): DigitId {
  const max = extra ? 6 : 5;
  if (!Number.isInteger(d) || d < 1 || d > max) throw new KinetwinError(`unknown digit ${d} in ${what} (digits are 1 thumb … 5 little${extra ? ', 6 the extra digit' : ''})`);
  return d as DigitId;
}

/** Builds a hand of the given length (m, 0.08–0.3) with an anatomical variant. */
export function buildHandModel(handLength = 0.19, variant: HandVariant = {}): HandModel {
  if (!Number.isFinite(handLength) || handLength < 0.08 || handLength > 0.3) throw new KinetwinError(`hand length must be between 0.08 and 0.3 m, got ${handLength}`);
  const extra = variant.extra === true;
  const digits: DigitId[] = extra ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
  const absent = new Set((variant.absent ?? []).map((d) => checkDigit(d, extra, 'absent')));
  const cut = new Map<number, number>(); // digit → first absent bone index (1 proximal … 3 distal)
  for (const a of variant.absentFrom ?? []) {
    const d = checkDigit(a.digit, extra, 'absent-from');
    const order: Record<string, number> = d === 1 ? { cmc: 0, mcp: 1, ip: 2 } : { cmc: 0, mcp: 1, pip: 2, dip: 3 };
    const b = order[a.joint];
    if (b === undefined) throw new KinetwinError(`digit ${d} has no joint '${a.joint}' (use ${Object.keys(order).join(', ')})`);
    if (b === 0) absent.add(d);
    else cut.set(d, Math.min(b, cut.get(d) ?? 4));
  }
  const scale = new Map<string, number>();
  for (const s of variant.shortened ?? []) {
    const d = checkDigit(s.digit, extra, 'shortened');
    if (!BONES.includes(s.bone) || (d === 1 && s.bone === 'middle')) throw new KinetwinError(`digit ${d} has no bone '${s.bone}'`);
    if (!(s.factor > 0 && s.factor <= 1)) throw new KinetwinError(`shortening factor must be in (0, 1], got ${s.factor}`);
    scale.set(`${d}:${s.bone}`, s.factor);
  }
  const L = handLength;
  const joints: HandJoint[] = [jointSpec('wrist', 0, 'wrist')];
  const bones: HandBone[] = [];
  const names = ['wrist'];
  const kpBone: number[] = [-1];
  const kpPresent: number[] = [1];
  for (const d of digits) {
    const thumb = d === 1;
    const kinds: BoneKind[] = thumb ? ['metacarpal', 'proximal', 'distal'] : BONES;
    const jointKinds: JointKind[] = thumb ? ['cmc', 'mcp', 'ip'] : ['cmc', 'mcp', 'pip', 'dip'];
    const x = thumb ? 0 : (3 - d) * SPACING * L; // MCP x: index +1, middle 0, ring −1, little −2, extra −3 spacings
    let parent = -1;
    const keyNames = thumb ? ['cmc', 'mcp', 'ip', 'tip'] : ['mcp', 'pip', 'dip', 'tip'];
    const first = bones.length;
    kinds.forEach((kind, k) => {
      const present = !absent.has(d) && k < (cut.get(d) ?? 4);
      const len = LENGTH[d][BONES.indexOf(kind)] * L * (scale.get(`${d}:${kind}`) ?? 1);
      const r = RADIUS[d] * L * (kind === 'metacarpal' ? 1.05 : kind === 'proximal' ? 1 : kind === 'middle' ? 0.9 : 0.82);
      let restOffset: [number, number, number];
      let restRotation: Float64Array;
      if (k === 0) {
        if (thumb) {
          restOffset = [0.1 * L, 0.02 * L, 0.03 * L];
          restRotation = rotZYX((-40 * Math.PI) / 180, (-70 * Math.PI) / 180, (15 * Math.PI) / 180); // splayed radially, pronated, palmar
        } else {
          const bx = 0.55 * x;
          const mcY = CARPUS * L + LENGTH[d][0] * L;
          restOffset = [bx, CARPUS * L, 0];
          restRotation = rotZYX(-Math.atan2(x - bx, mcY - CARPUS * L), 0, 0); // fan: metacarpal from base towards its MCP
        }
      } else {
        restOffset = [0, bones[parent].length, 0];
        restRotation = rotZYX(0, 0, 0);
      }
      joints.push({ ...jointSpec(`${jointKinds[k]}${d}`, d, jointKinds[k]) });
      bones.push({ digit: d, kind, parent, joint: joints.length - 1, length: len, radius: r, present, restOffset, restRotation });
      parent = bones.length - 1;
    });
    // Keypoints: thumb CMC, MCP, IP, tip = joints of bones 0, 1, 2 and tip of bone 2; fingers MCP, PIP, DIP, tip = joints of bones 1, 2, 3, tip of 3.
    const kb = thumb ? [first, first + 1, first + 2, -2 - (first + 2)] : [first + 1, first + 2, first + 3, -2 - (first + 3)];
    kb.forEach((b, i) => {
      names.push(`${DIGIT_NAMES[d]}_${keyNames[i]}`);
      kpBone.push(b);
      const bone = bones[b >= 0 ? b : -2 - b];
      kpPresent.push(bone.present ? 1 : 0);
    });
  }
  // Syndactyly: couple the follower's joints to the leader's (same kind), over the intersection of both ranges.
  for (const pair of variant.fused ?? []) {
    const [a, b] = [checkDigit(pair[0], extra, 'fused'), checkDigit(pair[1], extra, 'fused')];
    if (Math.abs(a - b) !== 1 || a === 1 || b === 1) throw new KinetwinError(`only adjacent fingers (2–${extra ? 6 : 5}) can be fused, got ${a},${b}`);
    const lead = Math.min(a, b), follow = Math.max(a, b);
    for (const kind of ['cmc', 'mcp', 'pip', 'dip']) {
      const li = joints.findIndex((j) => j.name === `${kind}${lead}`);
      const fi = joints.findIndex((j) => j.name === `${kind}${follow}`);
      const l = joints[li], f = joints[fi];
      const both = (p: [number, number], q: [number, number]): [number, number] => [Math.max(p[0], q[0]), Math.min(p[1], q[1])];
      l.flexion = both(l.flexion, f.flexion);
      l.functionalFlexion = both(l.functionalFlexion, f.functionalFlexion);
      if (l.abduction && f.abduction) {
        // abduction signs differ across the midline: couple the physical deviation, limits mirrored
        const mirror = (r: [number, number], s: number): [number, number] => (s > 0 ? r : [-r[1], -r[0]]);
        const fl = mirror(f.abduction, f.abductionSign * l.abductionSign);
        l.abduction = both(l.abduction, fl);
        l.functionalAbduction = both(l.functionalAbduction!, mirror(f.functionalAbduction!, f.abductionSign * l.abductionSign));
      }
      f.coupledTo = li;
    }
  }
  return { handLength, variant, joints, bones, keypointNames: names, keypointBone: Int32Array.from(kpBone), keypointPresent: Uint8Array.from(kpPresent) };
}

/** Whether bone i exists in this variant. */
export function bonePresent(model: HandModel, i: number): boolean {
  return model.bones[i].present;
}

/** Copies leader angles onto coupled (fused) joints (joints × 2, deg): same flexion, same physical deviation. */
export function applyCoupling(model: HandModel, angles: Float64Array): void {
  for (let j = 0; j < model.joints.length; j++) {
    const J = model.joints[j];
    if (J.coupledTo < 0) continue;
    angles[j * 2] = angles[J.coupledTo * 2];
    angles[j * 2 + 1] = J.abduction ? angles[J.coupledTo * 2 + 1] * J.abductionSign * model.joints[J.coupledTo].abductionSign : 0;
  }
}
