import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import type { Group, Mesh } from 'three';
import { useStore } from 'zustand';
import { currentTime, playbackStore } from '../store/playback';

// The simulated landing in the 3D view: the whole-body centre of mass and the vertical ground reaction force as
// an arrow from the ground (1 body weight = 0.25 m), both following the playback clock.
export function LandingView({ grfChannel, comChannel }: { grfChannel: number; comChannel: number }) {
  const trial = useStore(playbackStore, (s) => s.trial);
  const arrow = useRef<Group>(null);
  const com = useRef<Mesh>(null);
  useFrame(() => {
    const s = playbackStore.getState();
    const a = s.trial?.analogs;
    if (!a || !arrow.current || !com.current) return;
    const i = Math.min(a.channels[grfChannel]!.length - 1, Math.round(currentTime(s) * a.rate));
    const grf = Math.max(0, a.channels[grfChannel]![i] ?? 0);
    arrow.current.scale.set(1, 1, Math.max(0.001, grf * 0.25));
    com.current.position.z = a.channels[comChannel]![i] ?? 1;
  });
  if (!trial?.analogs) return null;
  return (
    <group>
      <group ref={arrow}>
        <mesh position={[0, 0, 0.5]} rotation={[Math.PI / 2, 0, 0]}>
          <cylinderGeometry args={[0.015, 0.015, 1, 12]} />
          <meshStandardMaterial color="#ff6b6b" />
        </mesh>
      </group>
      <mesh ref={com} position={[0, 0, 1]}>
        <sphereGeometry args={[0.05, 16, 12]} />
        <meshStandardMaterial color="#5aa9ff" />
      </mesh>
    </group>
  );
}
