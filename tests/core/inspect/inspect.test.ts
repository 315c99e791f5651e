import { describe, expect, it } from 'vitest';
import { inspectTrial } from '../../../src/core/inspect/inspect';
import { float32Json } from '../../../src/core/inspect/shortest';
import { readC3d } from '../../../src/core/formats/c3d/read';
import { KinetwinError } from '../../../src/core/errors';
import { readShared } from '../../helpers/shared';
import type { Trial } from '../../../src/core/model/trial';

describe('inspectTrial', () => {
  const bytes = readShared('c3d_org', 'sample08', 'TESTAPI.c3d');
  const trial = readC3d(bytes);
  interface FrameJson { index: number; points: Array<number[] | null>; analogs: number[][]; forcePlates: Array<{ force: number[]; moment: number[]; cop: number[] | null }> }
  interface InspectJson {
    points: Record<string, unknown>;
    analogs: Record<string, unknown>;
    forcePlates: Array<{ type: number; corners: number[][]; origin: number[] }>;
    events: Array<{ label: string }>;
    frames: FrameJson[];
    [key: string]: unknown;
  }
  const json = inspectTrial(trial, { frames: [0, 225, 449] }) as unknown as InspectJson;

  it('has exactly the documented top-level shape for a C3D', () => {
    expect(Object.keys(json)).toEqual(['format', 'processor', 'storage', 'points', 'analogs', 'forcePlates', 'events', 'warnings', 'frames']);
    expect(json.format).toBe('c3d');
    expect(json.processor).toBe('intel');
    expect(json.storage).toBe('integer');
    expect(json.points).toMatchObject({ count: 26, rate: 50, frames: 450, firstFrame: 1, units: 'mm' });
    expect(Object.keys(json.points)).toEqual(['count', 'rate', 'frames', 'firstFrame', 'units', 'labels']);
    expect(json.analogs).toMatchObject({ count: 16, rate: 200 });
    expect(Object.keys(json.analogs)).toEqual(['count', 'rate', 'labels', 'units']);
    expect(json.forcePlates.map((p) => p.type)).toEqual([2, 2]);
    expect(json.forcePlates[0].corners).toHaveLength(4);
    expect(json.events.map((e) => e.label)).toEqual(['RIC', 'RHS', 'RTO']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json); // plain JSON
  });

  it('gives frame values in the file units, decoded independently from the raw int16 words', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const dataStart = (view.getUint16(16, true) - 1) * 512;
    const scale = view.getFloat32(12, true);
    const frameBytes = (26 * 4 + 16 * 4) * 2;
    for (const [k, index] of [0, 225, 449].entries()) {
      const f = json.frames[k];
      expect(f.index).toBe(index);
      expect(f.points).toHaveLength(26);
      expect(f.analogs).toHaveLength(16);
      expect(f.analogs[0]).toHaveLength(4); // 200 Hz analog / 50 Hz points
      expect(f.forcePlates).toHaveLength(2);
      for (let p = 0; p < 26; p++) {
        const o = dataStart + index * frameBytes + p * 8;
        if (view.getInt16(o + 6, true) < 0) {
          expect(f.points[p]).toBeNull();
          continue;
        }
        for (let a = 0; a < 3; a++) expect(f.points[p]![a]).toBeCloseTo(view.getInt16(o + a * 2, true) * scale, 3);
      }
    }
  });

  it('reports force plate force in N for the first subframe of each frame', () => {
    const f = json.frames[1];
    expect(f.forcePlates[0].force).toHaveLength(3);
    const fz = Math.max(...json.frames.map((fr) => Math.max(...fr.forcePlates.map((p) => Math.abs(p.force[2])))));
    expect(fz).toBeLessThan(2000);
  });

  it('rejects frames outside the data', () => {
    expect(() => inspectTrial(trial, { frames: [450] })).toThrow(KinetwinError);
    expect(() => inspectTrial(trial, { frames: [-1] })).toThrow(KinetwinError);
  });

  it('omits what does not apply to a non-C3D trial', () => {
    const t: Trial = { ...trial, analogs: null, forcePlates: [], events: [], metadata: { format: 'trc', upAxis: 'y', warnings: [] } };
    expect(Object.keys(inspectTrial(t))).toEqual(['format', 'points', 'warnings']);
  });
});

describe('float32Json', () => {
  it('prints the shortest decimal that reads back as the same float32, null for NaN', () => {
    expect(float32Json(Math.fround(389.71807861328125))).toBe(389.71808);
    expect(float32Json(Math.fround(0.1))).toBe(0.1);
    expect(float32Json(NaN)).toBeNull();
    for (const v of [1e-30, 123456.789, -0.0003]) expect(Math.fround(float32Json(v)!)).toBe(Math.fround(v));
  });
});
