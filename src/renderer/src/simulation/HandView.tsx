import { Line } from '@react-three/drei';
import { useMemo } from 'react';

// One hand sample in the 3D view: keypoints (wrist, then base → tip per digit) as spheres joined by bones.
// Hand frame (X radial, Y distal, Z palmar) is shown standing on the grid: world = (x, −z, 0.8 + y), ×5 for visibility.
const SCALE = 5;

export function HandView({ keypoints }: { keypoints: (number[] | null)[] }) {
  const world = useMemo(() => keypoints.map((k) => (k ? ([k[0]! * SCALE, -k[2]! * SCALE, 0.8 + k[1]! * SCALE] as [number, number, number]) : null)), [keypoints]);
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
    </group>
  );
}
