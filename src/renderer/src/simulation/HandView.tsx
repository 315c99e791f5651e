import { Line } from '@react-three/drei';
import { useMemo } from 'react';
import { Matrix4, Quaternion } from 'three';

// One hand sample in the 3D view: keypoints (wrist, then base → tip per digit) as spheres joined by bones, and, for a
// grasp sample, the grasped cylinder or sphere (translucent) with its contact points.
// Hand frame (X radial, Y distal, Z palmar) is shown standing on the grid: world = (x, −z, 0.8 + y), ×5 for visibility.
const SCALE = 5;

export interface HandGraspView {
  object: { type: 'cylinder' | 'sphere'; radiusM: number; lengthM?: number; pose: { positionM: number[]; rotation: number[] } };
  contacts: { digit: number; segment: string; point: number[]; depthM: number }[];
  digitsInContact: number[];
}

const toWorld = (k: number[]): [number, number, number] => [k[0]! * SCALE, -k[2]! * SCALE, 0.8 + k[1]! * SCALE];

/** The object's orientation in the view: hand → world axes (x, −z, y) · object rotation · (three's cylinder Y → object X). */
function objectQuaternion(R: number[]): Quaternion {
  const M = [1, 0, 0, 0, 0, -1, 0, 1, 0]; // world ← hand, row-major
  const Q = [0, 1, 0, -1, 0, 0, 0, 0, 1]; // object ← three's cylinder frame (its Y axis becomes the object's X)
  const mul = (A: number[], B: number[]): number[] => [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => A[r * 3]! * B[c]! + A[r * 3 + 1]! * B[3 + c]! + A[r * 3 + 2]! * B[6 + c]!));
  const W = mul(mul(M, R), Q);
  return new Quaternion().setFromRotationMatrix(new Matrix4().set(W[0]!, W[1]!, W[2]!, 0, W[3]!, W[4]!, W[5]!, 0, W[6]!, W[7]!, W[8]!, 0, 0, 0, 0, 1));
}

function GraspObject({ grasp }: { grasp: HandGraspView }) {
  const { object, contacts } = grasp;
  const quaternion = useMemo(() => objectQuaternion(object.pose.rotation), [object.pose.rotation]);
  const r = object.radiusM * SCALE;
  return (
    <group>
      <mesh position={toWorld(object.pose.positionM)} quaternion={quaternion}>
        {object.type === 'cylinder' ? <cylinderGeometry args={[r, r, (object.lengthM ?? 0) * SCALE, 32]} /> : <sphereGeometry args={[r, 32, 24]} />}
        <meshStandardMaterial color="#5aa9e6" transparent opacity={0.35} depthWrite={false} />
      </mesh>
      {contacts.map((c, i) => (
        <mesh key={i} position={toWorld(c.point)}>
          <sphereGeometry args={[0.004 * SCALE, 10, 8]} />
          <meshStandardMaterial color="#ef476f" />
        </mesh>
      ))}
    </group>
  );
}

export function HandView({ keypoints, grasp }: { keypoints: (number[] | null)[]; grasp?: HandGraspView }) {
  const world = useMemo(() => keypoints.map((k) => (k ? toWorld(k) : null)), [keypoints]);
  const bones = useMemo(() => {
    const out: [number, number, number][][] = [];
    const digits = Math.floor((world.length - 1) / 4);
    for (let d = 0; d < digits; d++) {
      let prev = world[0];
      for (let j = 0; j < 4; j++) {
        const p = world[1 + d * 4 + j];
        if (!p || !prev) break;
        out.push([prev, p]);
        prev = p;
      }
    }
    return out;
  }, [world]);
  return (
    <group>
      {world.map((p, i) => p && (
        <mesh key={i} position={p}>
          <sphereGeometry args={[0.012 * SCALE * 0.6, 12, 10]} />
          <meshStandardMaterial color={i === 0 ? '#ffd166' : '#7ee08a'} />
        </mesh>
      ))}
      {bones.map((b, i) => <Line key={i} points={b} color="#e3e7ef" lineWidth={2} />)}
      {grasp && <GraspObject grasp={grasp} />}
    </group>
  );
}
