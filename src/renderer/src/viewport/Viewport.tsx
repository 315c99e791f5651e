import { Grid, OrbitControls, GizmoHelper, GizmoViewport } from '@react-three/drei';
import { Canvas } from '@react-three/fiber';
import type { ReactNode } from 'react';

// The shared 3D viewport: Z-up lab frame (as C3D labs), metres, a 0.1 m / 1 m ground grid, orbit controls.
export function Viewport({ children }: { children?: ReactNode }) {
  return (
    <div className="viewport" data-testid="viewport">
      <Canvas
        camera={{ position: [3.2, -4.2, 2.2], up: [0, 0, 1], fov: 45, near: 0.01, far: 200 }}
        gl={{ antialias: true, preserveDrawingBuffer: true }}
        onCreated={({ camera }) => camera.lookAt(0, 0, 0.9)}
      >
        <color attach="background" args={['#12151b']} />
        <hemisphereLight args={['#dfe8ff', '#2a2f3a', 1.1]} />
        <directionalLight position={[4, -3, 6]} intensity={1.4} />
        <Grid
          rotation={[Math.PI / 2, 0, 0]}
          args={[20, 20]}
          cellSize={0.1}
          sectionSize={1}
          cellColor="#2c3442"
          sectionColor="#4b5a73"
          fadeDistance={25}
          infiniteGrid
        />
        <axesHelper args={[0.5]} />
        {children}
        <OrbitControls makeDefault target={[0, 0, 0.9]} />
        <GizmoHelper alignment="bottom-right" margin={[64, 64]}>
          <GizmoViewport labelColor="white" axisHeadScale={0.9} />
        </GizmoHelper>
      </Canvas>
    </div>
  );
}
