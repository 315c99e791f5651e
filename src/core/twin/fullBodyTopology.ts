// The full-body model's tree, joints and coordinates (no geometry): pelvis root with 6 DOF; lumbar, neck,
// hips and shoulders with 3; knees 1; ankles (talocrural + subtalar) 2; elbows (flexion, pronation) 2; wrists 2
// (optionally: knees 3 — flexion, ab/adduction, rotation; shoulder girdles 2 — sternoclavicular elevation and
// protraction). Rotations follow ISB's Z-X-Y Cardan sequence of the distal segment relative to the proximal one
// (Grood & Suntay 1983; Wu et al. 2002, 2005): flexion about the proximal Z, ab/adduction about the floating
// X, axial rotation about the distal Y. Signs: flexion, dorsiflexion, adduction, inversion, internal
// rotation, pronation, ulnar deviation, extension (trunk, neck) and right bending positive — left-side axes are
// mirrored so a name means the same movement on both sides. The shoulder uses Z-X-Y too (OpenSim gait
// models' convention): ISB's Y-X-Y is gimbal-locked with the arm hanging, the pose IK starts from.
import type { CoordinateDef } from './model';
import type { Vec3 } from './mat3';

export type Side = 'r' | 'l';

export interface JointSpec {
  segment: string;
  parent: string | null;
  joint: string;
  coordinates: CoordinateDef[]; // application order
  outputOrder?: number[];
}

const DEG = Math.PI / 180;
const MARGIN_DEG = 10; // allowance beyond normal active range for soft-tissue artefact and passive range

const X: Vec3 = [1, 0, 0], Y: Vec3 = [0, 1, 0], Z: Vec3 = [0, 0, 1];
const NX: Vec3 = [-1, 0, 0], NY: Vec3 = [0, -1, 0], NZ: Vec3 = [0, 0, -1];

// Range-of-motion limit from normal active values (degrees, AAOS: Greene & Heckman 1994, "The Clinical
// Measurement of Joint Motion") widened by MARGIN_DEG on each side.
function rot(name: string, axis: Vec3, minDeg: number, maxDeg: number): CoordinateDef {
  return { name, kind: 'rotation', axis, min: (minDeg - MARGIN_DEG) * DEG, max: (maxDeg + MARGIN_DEG) * DEG };
}

function free(name: string, axis: Vec3, kind: 'rotation' | 'translation'): CoordinateDef {
  return { name, kind, axis, min: -Infinity, max: Infinity };
}

function leg(side: Side, kneeDof: 1 | 3): JointSpec[] {
  const m = side === 'r' ? 1 : -1;
  const mx: Vec3 = m > 0 ? X : NX, my: Vec3 = m > 0 ? Y : NY;
  return [
    { segment: `thigh_${side}`, parent: 'pelvis', joint: `hip_${side}`, coordinates: [
      rot(`hip_flexion_${side}`, Z, -30, 120), // extension 30, flexion 120
      rot(`hip_adduction_${side}`, mx, -45, 30), // abduction 45, adduction 30
      rot(`hip_rotation_${side}`, my, -45, 45), // external 45, internal 45
    ] },
    { segment: `shank_${side}`, parent: `thigh_${side}`, joint: `knee_${side}`, coordinates: [
      rot(`knee_flexion_${side}`, NZ, 0, 135), // extension 0 (10° hyperextension margin), flexion 135
      // optional Grood & Suntay ab/adduction and tibial rotation (passive laxity ±10°, rotation ±30° flexed)
      ...(kneeDof === 3 ? [rot(`knee_adduction_${side}`, mx, -10, 10), rot(`knee_rotation_${side}`, my, -30, 30)] : []),
    ] },
    { segment: `foot_${side}`, parent: `shank_${side}`, joint: `ankle_${side}`, coordinates: [
      rot(`ankle_dorsiflexion_${side}`, Z, -50, 20), // plantarflexion 50, dorsiflexion 20
      rot(`ankle_inversion_${side}`, mx, -15, 35), // eversion 15, inversion 35
    ] },
  ];
}

function arm(side: Side, shoulderGirdle: boolean): JointSpec[] {
  const m = side === 'r' ? 1 : -1;
  const mx: Vec3 = m > 0 ? X : NX, my: Vec3 = m > 0 ? Y : NY, up: Vec3 = m > 0 ? NX : X; // up: raises the lateral end
  const girdle: JointSpec[] = [
    // Shoulder girdle (clavicle and scapula as one body) turning about the sternoclavicular joint: it carries the
    // acromion and the glenohumeral centre, which move several centimetres between a static trial with the arms
    // raised and walking (scapular elevation and retraction). Ranges of the SC joint after Ludewig et al. (2009)
    // J Bone Joint Surg Am 91:378 (elevation ≈ 15°, retraction ≈ 30° over arm elevation), zero at the static pose.
    { segment: `clavicle_${side}`, parent: 'torso', joint: `sternoclavicular_${side}`, coordinates: [
      rot(`clavicle_elevation_${side}`, up, -30, 30), // depression 30, elevation 30
      rot(`clavicle_protraction_${side}`, my, -30, 30), // retraction 30, protraction 30
    ] },
  ];
  return [
    ...(shoulderGirdle ? girdle : []),
    { segment: `upperarm_${side}`, parent: shoulderGirdle ? `clavicle_${side}` : 'torso', joint: `shoulder_${side}`, coordinates: [
      rot(`shoulder_flexion_${side}`, Z, -60, 180), // extension 60, flexion 180
      rot(`shoulder_adduction_${side}`, mx, -180, 30), // abduction 180, adduction 30
      rot(`shoulder_rotation_${side}`, my, -90, 70), // external 90, internal 70
    ] },
    { segment: `forearm_${side}`, parent: `upperarm_${side}`, joint: `elbow_${side}`, coordinates: [
      rot(`elbow_flexion_${side}`, Z, 0, 150),
      rot(`pronation_${side}`, my, 0, 160), // 0 = anatomical position (supinated); neutral ≈ 80, full pronation 160
    ] },
    { segment: `hand_${side}`, parent: `forearm_${side}`, joint: `wrist_${side}`, coordinates: [
      rot(`wrist_flexion_${side}`, Z, -70, 80), // extension 70, flexion 80
      rot(`wrist_deviation_${side}`, mx, -20, 30), // radial 20, ulnar 30
    ] },
  ];
}

/**
 * The full-body joint tree in topological order; knees as hinges (1 DOF) or with 3 DOF; with `shoulderGirdle` a
 * 2-DOF clavicle between the torso and each upper arm (the acromion markers then ride on it, not on the torso).
 */
export function fullBodyJoints(kneeDof: 1 | 3 = 1, shoulderGirdle = false): JointSpec[] {
  return [
  { segment: 'pelvis', parent: null, joint: 'ground_pelvis', coordinates: [
    free('pelvis_tx', X, 'translation'), free('pelvis_ty', Y, 'translation'), free('pelvis_tz', Z, 'translation'),
    free('pelvis_tilt', Z, 'rotation'), free('pelvis_list', X, 'rotation'), free('pelvis_rotation', Y, 'rotation'),
  ], outputOrder: [3, 4, 5, 0, 1, 2] },
  ...leg('r', kneeDof), ...leg('l', kneeDof),
  { segment: 'torso', parent: 'pelvis', joint: 'lumbar', coordinates: [
    rot('lumbar_extension', NZ, -80, 25), // thoracolumbar flexion 80, extension 25
    rot('lumbar_bending', X, -35, 35),
    rot('lumbar_rotation', Y, -45, 45),
  ] },
  { segment: 'head', parent: 'torso', joint: 'neck', coordinates: [
    rot('neck_extension', NZ, -45, 45), // cervical flexion 45, extension 45
    rot('neck_bending', X, -45, 45),
    rot('neck_rotation', Y, -80, 80),
  ] },
  ...arm('r', shoulderGirdle), ...arm('l', shoulderGirdle),
  ];
}

export const FULL_BODY_JOINTS: JointSpec[] = fullBodyJoints(1);
