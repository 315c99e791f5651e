import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { InstancedMesh, Matrix4 } from 'three';
import { useStore } from 'zustand';
import { currentTime, playbackStore } from '../store/playback';

const scratch = new Matrix4();
const HIDDEN = new Matrix4().makeScale(0, 0, 0);

// Markers of the loaded trial as instanced spheres, positioned from the typed array each frame.
export function Markers() {
  const trial = useStore(playbackStore, (s) => s.trial);
  const mesh = useRef<InstancedMesh>(null);
  const count = trial?.labels.length ?? 0;
  const key = useMemo(() => `${trial?.id ?? 0}-${count}`, [trial, count]);
  useFrame(() => {
    const s = playbackStore.getState();
    const t = s.trial;
    const m = mesh.current;
    if (!t || !m || t.frames === 0) return;
    const frame = Math.min(t.frames - 1, Math.round(currentTime(s) * t.rate));
    const base = frame * count * 3;
    for (let i = 0; i < count; i++) {
      const x = t.positions[base + i * 3]!;
      const y = t.positions[base + i * 3 + 1]!;
      const z = t.positions[base + i * 3 + 2]!;
      m.setMatrixAt(i, Number.isNaN(x) ? HIDDEN : scratch.makeTranslation(x, y, z));
    }
    m.instanceMatrix.needsUpdate = true;
  });
  if (!trial || count === 0) return null;
  return (
    <instancedMesh key={key} ref={mesh} args={[undefined, undefined, count]} frustumCulled={false}>
      <sphereGeometry args={[0.012, 10, 8]} />
      <meshStandardMaterial color="#ffb347" emissive="#5a3a00" />
    </instancedMesh>
  );
}
