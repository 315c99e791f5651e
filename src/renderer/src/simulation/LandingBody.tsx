import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import type { Group } from 'three';
import { useStore } from 'zustand';
import { FLOATS_PER_SEGMENT, type SegmentInfo } from '../../../core/physics/stream';
import { currentTime, playbackStore } from '../store/playback';
import { liveLanding } from './liveLanding';

// The simulated body of a landing, segment by segment, posed from the frames the landing worker streamed, with a
// ground-reaction arrow under every segment in contact (1 body weight = 0.25 m). The physics lab frame is Y up;
// the rotation of the outer group puts it into the viewport's Z-up frame.
const ARROW_M_PER_BW = 0.25;

function SegmentMesh({ info }: { info: SegmentInfo }) {
  const s = info.shape;
  const color = info.name.startsWith('foot') ? '#f2b134' : '#8fb8de';
  return (
    <mesh castShadow>
      {s.kind === 'capsule' && <capsuleGeometry args={[s.radius, Math.max(0.001, s.length - 2 * s.radius), 6, 12]} />}
      {s.kind === 'box' && <boxGeometry args={[s.halfExtents[0] * 2, s.halfExtents[1] * 2, s.halfExtents[2] * 2]} />}
      {s.kind === 'sphere' && <sphereGeometry args={[s.radius, 16, 12]} />}
      <meshStandardMaterial color={color} roughness={0.7} />
    </mesh>
  );
}

export function LandingBody() {
  const segments = useStore(liveLanding, (s) => s.segments);
  const bodies = useRef<(Group | null)[]>([]);
  const arrows = useRef<(Group | null)[]>([]);
  useFrame(() => {
    const live = liveLanding.getState();
    if (live.count === 0) return;
    const n = live.segments.length;
    const f = Math.min(live.count - 1, Math.round(currentTime(playbackStore.getState()) * live.frameRate));
    const base = f * n * FLOATS_PER_SEGMENT;
    for (let i = 0; i < n; i++) {
      const o = base + i * FLOATS_PER_SEGMENT;
      const d = live.frames;
      const g = bodies.current[i];
      if (g) {
        g.position.set(d[o]!, d[o + 1]!, d[o + 2]!);
        g.quaternion.set(d[o + 3]!, d[o + 4]!, d[o + 5]!, d[o + 6]!);
      }
      const a = arrows.current[i];
      if (a) {
        const fy = d[o + 8]! / live.bodyWeightN;
        a.visible = fy > 0.01;
        a.position.set(d[o]!, 0, d[o + 2]!);
        a.scale.set(1, Math.max(0.001, fy * ARROW_M_PER_BW), 1);
      }
    }
  });
  if (segments.length === 0) return null;
  return (
    <group rotation={[Math.PI / 2, 0, 0]} name="landing-body">
      {segments.map((info, i) => (
        <group key={info.name} ref={(g) => { bodies.current[i] = g; }}>
          <SegmentMesh info={info} />
        </group>
      ))}
      {segments.map((info, i) => (
        <group key={`${info.name}-grf`} ref={(g) => { arrows.current[i] = g; }} visible={false}>
          <mesh position={[0, 0.5, 0]}>
            <cylinderGeometry args={[0.012, 0.012, 1, 10]} />
            <meshStandardMaterial color="#ff6b6b" />
          </mesh>
        </group>
      ))}
    </group>
  );
}
