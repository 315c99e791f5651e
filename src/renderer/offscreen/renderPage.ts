// The offscreen render page's script (renderer layer: it runs in the browser): bundled by esbuild (see src/backend/render/chromium.ts) and run inside headless Chromium. It draws
// capsule bodies with three.js (instanced spheres + open cylinders) and reads back, per scene, the lit image
// (default framebuffer, no MSAA: it cost 4× on SwiftShader) and one
// float render target holding linear depth (R, metres along the optical axis) and the segment id (G) — flat, no
// lighting, no antialiasing. Rendering is synchronous (renderer.render + readPixels), never through rAF.
import * as THREE from 'three';
import type { RenderScene } from '../../core/render/scene';

// Per frame, the page returns width × height × (3 RGB bytes, top-down, sRGB) + (1 byte segment id, 0 background),
// then the float32 little-endian depths (metres) of the body pixels only (id ≠ 0, in raster order; depth is 0
// exactly where the id is 0) as 4 byte planes — all bytes 0, then all bytes 1, … (the high bytes barely change, so
// deflate shrinks them). Frames back to back; at most 8 bytes per pixel.
export const MAX_BYTES_PER_PIXEL = 8;

// Instanced: `instanceMatrix` comes from three's prefix for InstancedMesh; `segmentId` is our per-instance attribute.
const ID_VERTEX = `attribute float segmentId; varying float vViewZ; varying float vId;
void main() { vec4 mv = modelViewMatrix * instanceMatrix * vec4(position, 1.0); vViewZ = -mv.z; vId = segmentId; gl_Position = projectionMatrix * mv; }`;
const ID_FRAGMENT = `varying float vViewZ; varying float vId;
void main() { gl_FragColor = vec4(vViewZ, vId, 0.0, 1.0); }`;

const MAX_CAPSULES = 64;

/** One instanced mesh per primitive (sphere, open cylinder): two draw calls per pass, whatever the capsule count. */
interface Primitive { mesh: THREE.InstancedMesh; ids: THREE.InstancedBufferAttribute }

class CapsuleRenderer {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera();
  private readonly ambient = new THREE.AmbientLight();
  private readonly sun = new THREE.DirectionalLight();
  private readonly target: THREE.WebGLRenderTarget;
  private readonly lit = new THREE.MeshLambertMaterial();
  private readonly idMaterial = new THREE.ShaderMaterial({ vertexShader: ID_VERTEX, fragmentShader: ID_FRAGMENT });
  private readonly spheres = primitive(new THREE.SphereGeometry(1, 16, 10), 2 * MAX_CAPSULES, this.lit);
  private readonly cylinders = primitive(new THREE.CylinderGeometry(1, 1, 1, 16, 1, true), MAX_CAPSULES, this.lit);
  private readonly m4 = new THREE.Matrix4();
  private readonly pos = new THREE.Vector3();
  private readonly quat = new THREE.Quaternion();
  private readonly scl = new THREE.Vector3();
  private readonly col = new THREE.Color();
  private readonly black = new THREE.Color(0, 0, 0);
  private readonly rgba: Uint8Array;
  private readonly compact: Float32Array;
  private readonly compactBytes: Uint8Array;
  private readonly floats: Float32Array;
  private readonly up = new THREE.Vector3(0, 1, 0);
  private readonly dir = new THREE.Vector3();

  constructor(readonly width: number, readonly height: number) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: false, preserveDrawingBuffer: true, alpha: false });
    this.renderer.setPixelRatio(1);
    this.renderer.setSize(width, height, false);
    this.target = new THREE.WebGLRenderTarget(width, height, {
      type: THREE.FloatType, format: THREE.RGBAFormat, minFilter: THREE.NearestFilter, magFilter: THREE.NearestFilter, depthBuffer: true,
    });
    this.scene.add(this.ambient, this.sun, this.sun.target, this.spheres.mesh, this.cylinders.mesh);
    this.camera.matrixAutoUpdate = false;
    this.rgba = new Uint8Array(width * height * 4);
    this.floats = new Float32Array(width * height * 4);
    this.compact = new Float32Array(width * height);
    this.compactBytes = new Uint8Array(this.compact.buffer);
  }

  private setScene(s: RenderScene): void {
    const { K, R, t } = s.camera;
    const W = this.width, H = this.height, n = s.near, f = s.far;
    // OpenCV K → OpenGL projection (camera looks down −z, y up; pixel v grows downward).
    this.camera.projectionMatrix.set(
      (2 * K[0]) / W, 0, 1 - (2 * K[2]) / W, 0,
      0, (2 * K[4]) / H, (2 * K[5]) / H - 1, 0,
      0, 0, -(f + n) / (f - n), (-2 * f * n) / (f - n),
      0, 0, -1, 0,
    );
    this.camera.projectionMatrixInverse.copy(this.camera.projectionMatrix).invert();
    // Camera → world: GL axes are OpenCV's x, −y, −z; centre C = −Rᵀt.
    const C = [-(R[0] * t[0] + R[3] * t[1] + R[6] * t[2]), -(R[1] * t[0] + R[4] * t[1] + R[7] * t[2]), -(R[2] * t[0] + R[5] * t[1] + R[8] * t[2])];
    this.camera.matrix.set(R[0], -R[3], -R[6], C[0], R[1], -R[4], -R[7], C[1], R[2], -R[5], -R[8], C[2], 0, 0, 0, 1);
    this.camera.updateMatrixWorld(true);
    const L = s.lighting;
    this.ambient.color.setRGB(L.ambient[0], L.ambient[1], L.ambient[2]);
    this.ambient.intensity = Math.PI; // three's Lambert BRDF divides by π
    this.sun.color.setRGB(L.directional[0], L.directional[1], L.directional[2]);
    this.sun.intensity = Math.PI;
    this.sun.position.set(L.direction[0], L.direction[1], L.direction[2]);
    this.sun.target.position.set(0, 0, 0);
    this.sun.updateMatrixWorld(true);
    this.sun.target.updateMatrixWorld(true);
    if (s.capsules.length > MAX_CAPSULES) throw new Error(`at most ${MAX_CAPSULES} capsules per scene`);
    const sp = this.spheres, cy = this.cylinders;
    s.capsules.forEach((c, k) => {
      this.col.setRGB(c.color[0], c.color[1], c.color[2]);
      this.quat.identity();
      this.scl.setScalar(c.radius);
      for (const [e, end] of [[0, c.a], [1, c.b]] as const) {
        this.m4.compose(this.pos.set(end[0], end[1], end[2]), this.quat, this.scl);
        sp.mesh.setMatrixAt(2 * k + e, this.m4);
        sp.mesh.setColorAt(2 * k + e, this.col);
        sp.ids.setX(2 * k + e, c.segment);
      }
      this.dir.set(c.b[0] - c.a[0], c.b[1] - c.a[1], c.b[2] - c.a[2]);
      const len = this.dir.length();
      if (len > 1e-9) this.quat.setFromUnitVectors(this.up, this.dir.multiplyScalar(1 / len));
      this.pos.set((c.a[0] + c.b[0]) / 2, (c.a[1] + c.b[1]) / 2, (c.a[2] + c.b[2]) / 2);
      this.m4.compose(this.pos, this.quat, this.scl.set(c.radius, Math.max(len, 1e-6), c.radius));
      cy.mesh.setMatrixAt(k, this.m4);
      cy.mesh.setColorAt(k, this.col);
      cy.ids.setX(k, c.segment);
    });
    sp.mesh.count = 2 * s.capsules.length;
    cy.mesh.count = s.capsules.length;
    for (const p of [sp, cy]) {
      p.mesh.instanceMatrix.needsUpdate = true;
      p.mesh.instanceColor!.needsUpdate = true;
      p.ids.needsUpdate = true;
    }
    this.scene.background = new THREE.Color().setRGB(s.background[0], s.background[1], s.background[2]);
  }

  private useMaterial(which: 'lit' | 'id'): void {
    const m = which === 'lit' ? this.lit : this.idMaterial;
    this.spheres.mesh.material = m;
    this.cylinders.mesh.material = m;
  }

  /** Draws scene s, writes its RGB, ids and body depth planes (top-down) into out at byte offset o; returns the bytes written. */
  render(s: RenderScene, out: Uint8Array, o: number): number {
    if (s.camera.width !== this.width || s.camera.height !== this.height) throw new Error(`scene is ${s.camera.width}×${s.camera.height}, renderer ${this.width}×${this.height}`);
    this.setScene(s);
    const W = this.width, H = this.height, gl = this.renderer.getContext();
    // 1. lit RGBA into the canvas
    let t = performance.now();
    this.useMaterial('lit');
    this.renderer.setRenderTarget(null);
    this.renderer.render(this.scene, this.camera);
    gl.readPixels(0, 0, W, H, gl.RGBA, gl.UNSIGNED_BYTE, this.rgba);
    t = lap('lit', t);
    const C = this.rgba;
    for (let y = 0; y < H; y++) {
      for (let x = 0, src = 4 * (H - 1 - y) * W, dst = o + 3 * y * W; x < W; x++) {
        out[dst + 3 * x] = C[src + 4 * x];
        out[dst + 3 * x + 1] = C[src + 4 * x + 1];
        out[dst + 3 * x + 2] = C[src + 4 * x + 2];
      }
    }
    // 2. depth + id into the float target (cleared to zero by the black background)
    this.useMaterial('id');
    const bg = this.scene.background;
    this.scene.background = this.black;
    this.renderer.setRenderTarget(this.target);
    this.renderer.render(this.scene, this.camera);
    this.renderer.readRenderTargetPixels(this.target, 0, 0, W, H, this.floats);
    this.renderer.setRenderTarget(null);
    this.scene.background = bg;
    t = lap('idDepth', t);
    const F = this.floats, N = W * H, maskAt = o + 3 * N, depthAt = maskAt + N, D = this.compact, DB = this.compactBytes;
    let count = 0;
    for (let y = 0; y < H; y++) {
      const src = (H - 1 - y) * W, dst = y * W;
      for (let x = 0; x < W; x++) {
        const id = Math.round(F[4 * (src + x) + 1]);
        out[maskAt + dst + x] = id;
        if (id !== 0) D[count++] = F[4 * (src + x)];
      }
    }
    for (let k = 0; k < count; k++) {
      out[depthAt + k] = DB[4 * k];
      out[depthAt + count + k] = DB[4 * k + 1];
      out[depthAt + 2 * count + k] = DB[4 * k + 2];
      out[depthAt + 3 * count + k] = DB[4 * k + 3];
    }
    lap('copy', t);
    return 4 * N + 4 * count;
  }
}

function primitive(geometry: THREE.BufferGeometry, capacity: number, material: THREE.Material): Primitive {
  const ids = new THREE.InstancedBufferAttribute(new Float32Array(capacity), 1);
  geometry.setAttribute('segmentId', ids);
  const mesh = new THREE.InstancedMesh(geometry, material, capacity);
  mesh.setColorAt(0, new THREE.Color()); // allocates instanceColor
  mesh.frustumCulled = false;
  return { mesh, ids };
}

// Milliseconds spent per stage since the page loaded (for the benchmark's breakdown).
const timings: Record<string, number> = {};
function lap(stage: string, since: number): number {
  const now = performance.now();
  timings[stage] = (timings[stage] ?? 0) + now - since;
  return now;
}

const renderers = new Map<string, CapsuleRenderer>();

/**
 * Renders a batch of scenes and returns all frames, back to back, deflated and base64-encoded; one renderer
 * (canvas + target) per image size, kept between calls.
 */
async function renderBatch(scenes: RenderScene[]): Promise<string> {
  const out = new Uint8Array(scenes.reduce((n, s) => n + s.camera.width * s.camera.height * MAX_BYTES_PER_PIXEL, 0));
  let o = 0;
  for (const s of scenes) {
    const key = `${s.camera.width}x${s.camera.height}`;
    let r = renderers.get(key);
    if (!r) { r = new CapsuleRenderer(s.camera.width, s.camera.height); renderers.set(key, r); }
    o += r.render(s, out, o);
  }
  const t = performance.now();
  // zlib (RFC 1950) in the browser's native code: backgrounds and flat ids shrink ~10×, which is what makes the
  // CDP round trip (base64 in a JSON string) affordable.
  const zipped = new Uint8Array(await new Response(new Blob([out.subarray(0, o)]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer());
  let s = '';
  for (let i = 0; i < zipped.length; i += 0x8000) s += String.fromCharCode.apply(null, zipped.subarray(i, i + 0x8000) as unknown as number[]);
  const encoded = btoa(s);
  lap('pack', t);
  return encoded;
}

Object.assign(globalThis, { kinetwinRender: renderBatch, kinetwinTimings: () => ({ ...timings }) });
