import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import type { Group } from 'three';
import { BufferAttribute, BufferGeometry } from 'three';
import { useStore } from 'zustand';
import { currentTime, playbackStore } from '../store/playback';
import { twinStore } from './twinStore';

// The twin's bones as line segments (joint centre → distal end of each segment) and joint centres as points,
// written into preallocated buffers each frame from the playback time (no React state per frame).
export function Skeleton() {
  const twin = useStore(twinStore, (s) => s.twin);
  const ns = twin?.segments.length ?? 0;
  const { bones, joints } = useMemo(() => {
    const b = new BufferGeometry(), j = new BufferGeometry();
    b.setAttribute('position', new BufferAttribute(new Float32Array(Math.max(1, ns) * 6), 3));
    j.setAttribute('position', new BufferAttribute(new Float32Array(Math.max(1, ns) * 3), 3));
    return { bones: b, joints: j };
  }, [twin, ns]);
  const group = useRef<Group>(null);
  useFrame(() => {
    const t = twinStore.getState().twin, p = playbackStore.getState();
    // drawn only over the trial it was solved on (the Library may have loaded another one since)
    if (group.current) group.current.visible = !!t && p.trial?.id === t.dynamicTrialId;
    if (!t || t.frames === 0 || p.trial?.id !== t.dynamicTrialId) return;
    const f = Math.min(t.frames - 1, Math.max(0, Math.round(currentTime(p) * t.rate)));
    const bp = bones.getAttribute('position') as BufferAttribute, jp = joints.getAttribute('position') as BufferAttribute;
    const b = bp.array as Float32Array, j = jp.array as Float32Array;
    for (let s = 0; s < ns; s++) {
      const o = (f * ns + s) * 3;
      for (let k = 0; k < 3; k++) {
        // NaN (frame without a solution) collapses to the origin hidden below the floor
        const a = t.joints[o + k]!, e = t.ends[o + k]!;
        b[s * 6 + k] = Number.isFinite(a) ? a : 0;
        b[s * 6 + 3 + k] = Number.isFinite(e) ? e : 0;
        j[s * 3 + k] = Number.isFinite(a) ? a : 0;
      }
    }
    bp.needsUpdate = true;
    jp.needsUpdate = true;
    bones.computeBoundingSphere();
  });
  if (!twin) return null;
  return (
    <group ref={group}>
      <lineSegments geometry={bones} frustumCulled={false}>
        <lineBasicMaterial color="#5fd3ff" linewidth={2} />
      </lineSegments>
      <points geometry={joints} frustumCulled={false}>
        <pointsMaterial color="#ffffff" size={0.035} sizeAttenuation />
      </points>
    </group>
  );
}
