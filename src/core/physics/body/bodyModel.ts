// The articulated full body the simulator builds: 15 rigid segments and 14 joints, in a neutral standing pose
// with every segment frame aligned with the lab (ISB: X anterior, Y superior along the segment, Z right).
// Masses, CoM and inertia from de Leva (1996) scaled by stature and body mass; breadths and heights that de Leva
// does not give use Winter (2009, Biomechanics and Motor Control of Human Movement, Fig. 4.1) fractions of stature.
// Maps 1:1 to a twin model: one segment per twin segment, each joint with ISB Z-X-Y limits.
import { KinetwinError } from '../../errors.js';
import { DE_LEVA, LOWER_TRUNK_MASS, REFERENCE_HEIGHT, segmentInertia, type DeLevaRow, type DeLevaSegment } from '../../twin/deLeva.js';

/** Sex of the physics body ('f' | 'm'); the twin's table is keyed 'female' | 'male'. */
export type Sex = 'f' | 'm';

/** The twin's de Leva row (one table for twin and physics) for a segment and sex. */
function deLeva(sex: Sex, segment: DeLevaSegment): DeLevaRow {
  return DE_LEVA[sex === 'm' ? 'male' : 'female'][segment];
}

export type Vec3 = [number, number, number];

export type SegmentShape =
  | { kind: 'capsule'; radius: number; length: number } // m; length = cylinder part + 2·radius, along Y
  | { kind: 'box'; halfExtents: Vec3 } // m, along X, Y, Z
  | { kind: 'sphere'; radius: number }; // m

export interface BodySegment {
  name: string;
  parent: number; // parent segment index, −1 for the root (pelvis)
  mass: number; // kg
  inertia: Vec3; // kg·m², principal moments about the CoM along segment X, Y, Z
  inertiaProducts?: Vec3; // kg·m², off-diagonal tensor entries (xy, xz, yz) about the CoM in the segment frame (lumped segments; the simulator uses only `inertia`)
  com: Vec3; // m, lab frame, neutral standing pose (the shape is centred here)
  length: number; // m, proximal → distal endpoint
  shape: SegmentShape;
}

/** Limits in degrees, ISB clinical sense: flexion (about Z), adduction (about X), internal rotation (about Y). */
export interface JointLimitsDeg {
  flexion: [number, number];
  adduction: [number, number];
  rotation: [number, number];
}

export interface BodyJoint {
  name: string;
  parent: number; // proximal segment index
  child: number; // distal segment index
  position: Vec3; // m, lab frame, neutral pose
  side: 'left' | 'right' | 'mid'; // left joints mirror the adduction and rotation signs
  flexionSign: 1 | -1; // clinical flexion = sign × rotation about +Z (−1 for knee, lumbar and neck: +Z tips their distal end backwards)
  limitsDeg: JointLimitsDeg;
}

export interface BodyModel {
  stature: number; // m
  mass: number; // kg
  sex: Sex;
  segments: BodySegment[];
  joints: BodyJoint[];
}

export interface Anthropometrics {
  stature: number; // m, 0.5–2.5
  mass: number; // kg, > 0
  sex?: Sex; // default 'm'
}

const DENSITY = 1050; // kg/m³, mean body-segment density (Dempster 1955), used only to size limb capsules

/** Throws a KinetwinError for impossible anthropometrics. */
export function checkAnthropometrics(a: Anthropometrics): Sex {
  if (!Number.isFinite(a.mass) || a.mass <= 0) throw new KinetwinError(`body mass must be a positive number of kg, got ${a.mass}`);
  if (a.mass > 500) throw new KinetwinError(`body mass ${a.mass} kg is not a human body mass (max 500 kg)`);
  if (!Number.isFinite(a.stature) || a.stature < 0.5 || a.stature > 2.5) throw new KinetwinError(`stature must be between 0.5 and 2.5 m, got ${a.stature}`);
  const sex = a.sex ?? 'm';
  if (sex !== 'f' && sex !== 'm') throw new KinetwinError(`sex must be 'f' or 'm', got ${String(sex)}`);
  return sex;
}

/** Principal moments [Ix, Iy, Iz] of a segment along Y (foot: along X) from de Leva radii of gyration, I = m (r · L)². */
function deLevaInertia(mass: number, length: number, seg: DeLevaSegment, sex: Sex): Vec3 {
  const foot = seg === 'foot';
  return segmentInertia(deLeva(sex, seg), 1, [0, 0, 0], foot ? [length, 0, 0] : [0, -length, 0], foot ? 0 : 1, mass).inertia;
}

/** Principal moments of a uniform box of full sizes a (X), b (Y), c (Z): m(b²+c²)/12 etc. */
function boxInertia(mass: number, a: number, b: number, c: number): Vec3 {
  return [(mass * (b * b + c * c)) / 12, (mass * (a * a + c * c)) / 12, (mass * (a * a + b * b)) / 12];
}

/** Capsule radius giving the segment's volume m / ρ over its length (cylinder approximation), capped at L/3. */
function limbRadius(mass: number, length: number): number {
  return Math.min(Math.sqrt(mass / DENSITY / (Math.PI * length)), length / 3);
}

const LIMITS: Record<string, JointLimitsDeg> = {
  lumbar: { flexion: [-30, 60], adduction: [-30, 30], rotation: [-30, 30] },
  neck: { flexion: [-60, 70], adduction: [-40, 40], rotation: [-70, 70] },
  shoulder: { flexion: [-60, 170], adduction: [-85, 30], rotation: [-80, 80] },
  elbow: { flexion: [0, 145], adduction: [-5, 5], rotation: [-80, 80] },
  wrist: { flexion: [-70, 80], adduction: [-20, 35], rotation: [-5, 5] },
  hip: { flexion: [-20, 120], adduction: [-45, 30], rotation: [-40, 40] },
  knee: { flexion: [0, 140], adduction: [-5, 5], rotation: [-30, 30] },
  ankle: { flexion: [-50, 30], adduction: [-25, 25], rotation: [-20, 20] },
};

/** Builds the 15-segment body for a subject (stature m, mass kg, sex), segment lengths scaled by stature. */
export function buildBodyModel(a: Anthropometrics): BodyModel {
  const sex = checkAnthropometrics(a);
  const H = a.stature;
  const M = a.mass;
  const k = H / REFERENCE_HEIGHT[sex === 'm' ? 'male' : 'female'];
  const len = (s: DeLevaSegment): number => deLeva(sex, s).lengthM * k;
  const mass = (s: DeLevaSegment): number => deLeva(sex, s).mass * M;
  const com = (s: DeLevaSegment): number => deLeva(sex, s).com;
  const segments: BodySegment[] = [];
  const joints: BodyJoint[] = [];

  // Heights (Y) of the landmarks, feet on the ground y = 0.
  const ankleY = 0.039 * H; // Winter: ankle height 0.039 H
  const kneeY = ankleY + len('shank');
  const hipY = kneeY + len('thigh');
  const hipZ = 0.05 * H; // hip joint centres ±0.05 H (inter-HJC distance ≈ 0.1 H)
  const trunkLen = len('trunk');
  const lowerFrac = sex === 'm' ? 145.7 / 531.9 : 181.5 / 529.3; // de Leva lower-trunk length share
  const lumbarY = hipY + trunkLen * lowerFrac;
  const supraY = hipY + trunkLen; // suprasternale
  const shoulderY = supraY - 0.02 * H;
  const shoulderZ = 0.11 * H;

  // Pelvis (lower trunk) and torso (middle + upper trunk): boxes; inertia of the uniform box.
  const pelvisMass = LOWER_TRUNK_MASS[sex === 'm' ? 'male' : 'female'] * M;
  const torsoMass = mass('trunk') - pelvisMass;
  const pelvisSize: Vec3 = [0.1 * H, lumbarY - hipY + 0.06 * H, 0.18 * H];
  const pelvisCom: Vec3 = [0, (hipY + lumbarY) / 2 - 0.02 * H, 0];
  segments.push({ name: 'pelvis', parent: -1, mass: pelvisMass, inertia: boxInertia(pelvisMass, ...pelvisSize), com: pelvisCom, length: lumbarY - hipY,
    shape: { kind: 'box', halfExtents: [pelvisSize[0] / 2, pelvisSize[1] / 2, pelvisSize[2] / 2] } });
  const torsoSize: Vec3 = [0.11 * H, supraY - lumbarY, 0.17 * H];
  segments.push({ name: 'torso', parent: 0, mass: torsoMass, inertia: boxInertia(torsoMass, ...torsoSize), com: [0, (lumbarY + supraY) / 2, 0], length: supraY - lumbarY,
    shape: { kind: 'box', halfExtents: [torsoSize[0] / 2, torsoSize[1] / 2, torsoSize[2] / 2] } });
  joints.push({ name: 'lumbar', parent: 0, child: 1, position: [0, lumbarY, 0], side: 'mid', flexionSign: -1, limitsDeg: LIMITS.lumbar });

  // Head (with neck): from suprasternale to the vertex; de Leva CoM measured from the vertex.
  const headLen = len('head');
  const headMass = mass('head');
  segments.push({ name: 'head', parent: 1, mass: headMass, inertia: deLevaInertia(headMass, headLen, 'head', sex), com: [0, H - com('head') * headLen, 0], length: H - supraY,
    shape: { kind: 'sphere', radius: 0.45 * headLen } });
  joints.push({ name: 'neck', parent: 1, child: 2, position: [0, supraY, 0], side: 'mid', flexionSign: -1, limitsDeg: LIMITS.neck });

  for (const side of ['right', 'left'] as const) {
    const z = side === 'right' ? 1 : -1;
    // Arm chain hanging along −Y from the shoulder.
    let parent = 1;
    let top = shoulderY;
    const armJoints = ['shoulder', 'elbow', 'wrist'] as const;
    (['upperarm', 'forearm', 'hand'] as const).forEach((s, i) => {
      const L = len(s);
      const m = mass(s);
      const r = s === 'hand' ? 0.25 * L : limbRadius(m, L);
      segments.push({ name: `${s === 'upperarm' ? 'upperArm' : s}_${side[0]}`, parent, mass: m, inertia: deLevaInertia(m, L, s, sex), com: [0, top - com(s) * L, z * shoulderZ], length: L,
        shape: { kind: 'capsule', radius: r, length: Math.max(L, 2 * r) } });
      joints.push({ name: `${armJoints[i]}_${side[0]}`, parent, child: segments.length - 1, position: [0, top, z * shoulderZ], side, flexionSign: 1, limitsDeg: LIMITS[armJoints[i]] });
      parent = segments.length - 1;
      top -= L;
    });
    // Leg chain: thigh, shank along −Y; foot a box on the ground, heel 0.2 foot-lengths behind the ankle.
    parent = 0;
    top = hipY;
    (['thigh', 'shank'] as const).forEach((s, i) => {
      const L = len(s);
      const m = mass(s);
      const r = limbRadius(m, L);
      segments.push({ name: `${s}_${side[0]}`, parent, mass: m, inertia: deLevaInertia(m, L, s, sex), com: [0, top - com(s) * L, z * hipZ], length: L,
        shape: { kind: 'capsule', radius: r, length: L } });
      const jn = i === 0 ? 'hip' : 'knee';
      joints.push({ name: `${jn}_${side[0]}`, parent, child: segments.length - 1, position: [0, top, z * hipZ], side, flexionSign: i === 0 ? 1 : -1, limitsDeg: LIMITS[jn] });
      parent = segments.length - 1;
      top -= L;
    });
    const footLen = len('foot');
    const footMass = mass('foot');
    const heelX = -0.2 * footLen;
    const footWidth = 0.055 * H;
    segments.push({ name: `foot_${side[0]}`, parent, mass: footMass, inertia: deLevaInertia(footMass, footLen, 'foot', sex),
      com: [heelX + com('foot') * footLen, ankleY / 2, z * hipZ], length: footLen,
      shape: { kind: 'box', halfExtents: [footLen / 2, ankleY / 2, footWidth / 2] } });
    joints.push({ name: `ankle_${side[0]}`, parent, child: segments.length - 1, position: [0, ankleY, z * hipZ], side, flexionSign: 1, limitsDeg: LIMITS.ankle });
  }
  return { stature: H, mass: M, sex, segments, joints };
}

/** Index of a segment by name; throws a KinetwinError when absent. */
export function segmentIndex(model: BodyModel, name: string): number {
  const i = model.segments.findIndex((s) => s.name === name);
  if (i < 0) throw new KinetwinError(`body model has no segment '${name}'`);
  return i;
}

/** Index of a joint by name; throws a KinetwinError when absent. */
export function jointIndex(model: BodyModel, name: string): number {
  const i = model.joints.findIndex((j) => j.name === name);
  if (i < 0) throw new KinetwinError(`body model has no joint '${name}'`);
  return i;
}
