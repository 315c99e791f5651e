// Live simulation frames for views: per recorded step, every segment's pose (centre of mass, m, and orientation
// quaternion x, y, z, w; lab frame, Y up) and the ground contact force on it (N), packed into Float32Array batches
// that a worker can transfer without copying.
import type { BodyModel, SegmentShape } from './body/bodyModel.js';

export const FLOATS_PER_SEGMENT = 10; // position 3, quaternion 4, contact force 3

export interface SegmentInfo {
  name: string;
  parent: number; // −1 for the root
  shape: SegmentShape;
}

/** What a view needs to draw the body: names, tree and collision shapes (m). */
export function segmentInfo(model: BodyModel): SegmentInfo[] {
  return model.segments.map((s) => ({ name: s.name, parent: s.parent, shape: s.shape }));
}

/** Copies one step into `out` at frame `frame`: state is segments × 13 (readState), contactForce segments × 3. */
export function packSegmentFrame(state: Float64Array, contactForce: Float64Array, out: Float32Array, frame: number): void {
  const n = contactForce.length / 3;
  let o = frame * n * FLOATS_PER_SEGMENT;
  for (let s = 0; s < n; s++) {
    for (let k = 0; k < 7; k++) out[o++] = state[s * 13 + k];
    for (let k = 0; k < 3; k++) out[o++] = contactForce[s * 3 + k];
  }
}

export interface FrameBatcher {
  /** Adds a step; every `every`-th call is packed; a full batch is handed to `flush`. */
  push(state: Float64Array, contactForce: Float64Array): void;
  /** Hands over the frames packed so far (if any). */
  end(): void;
}

/** Packs every `every`-th step, `batch` frames per Float32Array handed to `flush(frames, count)`. */
export function createFrameBatcher(segments: number, every: number, batch: number, flush: (frames: Float32Array, count: number) => void): FrameBatcher {
  const size = segments * FLOATS_PER_SEGMENT;
  let buf = new Float32Array(batch * size);
  let count = 0, calls = 0;
  const handOver = () => {
    if (count === 0) return;
    flush(count === batch ? buf : buf.slice(0, count * size), count);
    buf = new Float32Array(batch * size);
    count = 0;
  };
  return {
    push(state, contactForce) {
      if (calls++ % every !== 0) return;
      packSegmentFrame(state, contactForce, buf, count++);
      if (count === batch) handOver();
    },
    end: handOver,
  };
}
