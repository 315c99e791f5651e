import { describe, expect, it } from 'vitest';
import { createFrameBatcher, FLOATS_PER_SEGMENT, packSegmentFrame, segmentInfo } from '../../../src/core/physics/stream';
import { buildBodyModel } from '../../../src/core/physics/body/bodyModel';

function step(segments: number, k: number): { state: Float64Array; force: Float64Array } {
  const state = new Float64Array(segments * 13).map((_, i) => k * 1000 + i);
  const force = new Float64Array(segments * 3).map((_, i) => -(k * 1000 + i));
  return { state, force };
}

describe('live simulation frames', () => {
  it('packs position, quaternion and contact force per segment', () => {
    const { state, force } = step(2, 1);
    const out = new Float32Array(2 * 2 * FLOATS_PER_SEGMENT);
    packSegmentFrame(state, force, out, 1);
    expect(Array.from(out.subarray(20, 30))).toEqual([1000, 1001, 1002, 1003, 1004, 1005, 1006, -1000, -1001, -1002]);
    expect(Array.from(out.subarray(30, 40))).toEqual([1013, 1014, 1015, 1016, 1017, 1018, 1019, -1003, -1004, -1005]);
    expect(Array.from(out.subarray(0, 20)).every((v) => v === 0)).toBe(true);
  });

  it('decimates and batches without losing or repeating frames', () => {
    const got: number[] = [];
    const b = createFrameBatcher(2, 3, 4, (frames, count) => {
      expect(frames.length).toBe(count * 2 * FLOATS_PER_SEGMENT);
      for (let f = 0; f < count; f++) got.push(frames[f * 20] / 1000);
    });
    for (let k = 0; k < 20; k++) { const { state, force } = step(2, k); b.push(state, force); }
    b.end();
    expect(got).toEqual([0, 3, 6, 9, 12, 15, 18]);
  });

  it('describes the body for a view', () => {
    const info = segmentInfo(buildBodyModel({ stature: 1.75, mass: 70 }));
    expect(info.length).toBe(15);
    expect(info[0].parent).toBe(-1);
    expect(info.every((s) => ['capsule', 'box', 'sphere'].includes(s.shape.kind))).toBe(true);
  });
});
