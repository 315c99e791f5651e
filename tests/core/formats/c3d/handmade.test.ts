// Files assembled here byte by byte, for layouts the shared corpus does not cover.
import { describe, expect, it } from 'vitest';
import { readC3d } from '../../../../src/core/formats/c3d/read';
import { encodeHeader } from '../../../../src/core/formats/c3d/header';
import { encodeParameters, type ParamGroupSpec } from '../../../../src/core/formats/c3d/paramEncode';
import { numberToVax, readFloat32, vaxToNumber } from '../../../../src/core/formats/c3d/processor';

/** Intel integer C3D: header + parameters + int16 words. */
function intFile(groups: ParamGroupSpec[], opts: { points: number; analogs: number; first: number; last: number; scale: number }, words: number[]): Uint8Array {
  const params = encodeParameters(groups);
  const dataBlock = 2 + params.length / 512;
  const header = encodeHeader({
    parameterBlock: 2, pointCount: opts.points, analogPerFrame: opts.analogs, firstFrame: opts.first, lastFrame: opts.last,
    maxInterpolationGap: 0, scale: opts.scale, dataBlock, analogSamplesPerFrame: opts.analogs > 0 ? 1 : 0, frameRate: 100, events: [],
  });
  const data = new Uint8Array(Math.ceil((words.length * 2) / 512) * 512);
  const view = new DataView(data.buffer);
  words.forEach((w, i) => view.setInt16(i * 2, w, true));
  const out = new Uint8Array(512 + params.length + data.length);
  out.set(header, 0);
  out.set(params, 512);
  out.set(data, 512 + params.length);
  return out;
}

const str = (values: string[]) => ({ kind: 'strings' as const, values });
const i16 = (values: number[]) => ({ kind: 'int16' as const, values });
const f32 = (values: number[]) => ({ kind: 'float' as const, values });

describe('integer storage', () => {
  it('scales points by POINT:SCALE, splits the residual word, marks negative words invalid', () => {
    const groups: ParamGroupSpec[] = [
      { name: 'POINT', params: [{ name: 'USED', value: i16([2]) }, { name: 'SCALE', value: f32([0.5]) }, { name: 'RATE', value: f32([100]) }, { name: 'UNITS', value: str(['mm']) }, { name: 'LABELS', value: str(['A', 'B']) }] },
    ];
    const t = readC3d(intFile(groups, { points: 2, analogs: 0, first: 1, last: 1, scale: 0.5 }, [100, -200, 300, (3 << 8) | 4, 1, 2, 3, -1]));
    expect(t.metadata.storage).toBe('integer');
    expect(Array.from(t.points!.data.subarray(0, 3))).toEqual([0.05, -0.1, 0.15].map(Math.fround));
    expect(t.points!.cameraMasks[0]).toBe(3);
    expect(t.points!.residuals[0]).toBe(Math.fround(0.002)); // 4 × 0.5 mm
    expect(Array.from(t.points!.data.subarray(3, 6)).every(Number.isNaN)).toBe(true);
    expect(t.points!.residuals[1]).toBe(-1);
  });

  it('applies (raw − OFFSET) × SCALE × GEN_SCALE to unsigned analogs (ANALOG:FORMAT UNSIGNED)', () => {
    const groups: ParamGroupSpec[] = [
      { name: 'POINT', params: [{ name: 'USED', value: i16([0]) }, { name: 'SCALE', value: f32([0.1]) }, { name: 'RATE', value: f32([100]) }] },
      {
        name: 'ANALOG',
        params: [
          { name: 'USED', value: i16([2]) }, { name: 'LABELS', value: str(['EMG', 'FZ']) }, { name: 'FORMAT', value: str(['UNSIGNED']) },
          { name: 'BITS', value: i16([16]) }, { name: 'OFFSET', value: i16([32768, 0]) }, { name: 'SCALE', value: f32([0.01, 1]) },
          { name: 'GEN_SCALE', value: f32([2]) }, { name: 'RATE', value: f32([100]) }, { name: 'UNITS', value: str(['V', 'N']) },
        ],
      },
    ];
    const t = readC3d(intFile(groups, { points: 0, analogs: 2, first: 1, last: 2, scale: 0.1 }, [40000, 65535, 32768, 1]));
    expect(t.analogs!.channels[0][0]).toBeCloseTo((40000 - 32768) * 0.01 * 2, 3);
    expect(t.analogs!.channels[0][1]).toBe(0);
    expect(t.analogs!.channels[1][0]).toBe(65535 * 2); // unsigned, not −1
    expect(t.analogs!.units).toEqual(['V', 'N']);
  });

  it('takes the frame count from POINT:FRAMES stored as a float when the header saturates at 65535', () => {
    const frames = 70000;
    const groups: ParamGroupSpec[] = [
      { name: 'POINT', params: [{ name: 'USED', value: i16([1]) }, { name: 'SCALE', value: f32([1]) }, { name: 'RATE', value: f32([100]) }, { name: 'FRAMES', value: f32([frames]) }, { name: 'LABELS', value: str(['A']) }] },
    ];
    const words: number[] = [];
    for (let f = 0; f < frames; f++) words.push(f % 1000, 0, 0, 0);
    const t = readC3d(intFile(groups, { points: 1, analogs: 0, first: 1, last: 65535, scale: 1 }, words));
    expect(t.points!.frames).toBe(frames);
    expect(t.points!.data[(frames - 1) * 3]).toBe(Math.fround(999 / 1000));
  });

  it('uses the header when POINT:USED, POINT:RATE and POINT:SCALE are missing, with warnings', () => {
    const t = readC3d(intFile([{ name: 'POINT', params: [{ name: 'LABELS', value: str(['A']) }] }], { points: 1, analogs: 0, first: 1, last: 1, scale: 2 }, [1, 2, 3, 0]));
    expect(Array.from(t.points!.data)).toEqual([0.002, 0.004, 0.006].map(Math.fround));
    expect(t.points!.rate).toBe(100);
    for (const w of [/POINT:USED missing/, /POINT:SCALE missing/, /POINT:RATE missing/]) expect(t.metadata.warnings.join('\n')).toMatch(w);
  });
});

describe('VAX F-float (DEC)', () => {
  it('decodes known bit patterns: 1.0 is 80 40 00 00, exponent 0 is zero', () => {
    expect(vaxToNumber(0x80, 0x40, 0, 0)).toBe(1);
    expect(vaxToNumber(0x80, 0xc0, 0, 0)).toBe(-1);
    expect(vaxToNumber(0x20, 0x41, 0, 0)).toBe(2.5);
    expect(vaxToNumber(0, 0, 0x12, 0x34)).toBe(0);
    expect(vaxToNumber(0xff, 0x7f, 0xff, 0xff)).toBeCloseTo(1.7014117e38, -31); // largest VAX F value
  });

  it('round-trips float32 values exactly through numberToVax', () => {
    const b = new Uint8Array(4);
    for (const v of [0.28, -389.71807861328125, 1e-30, 12345.678, 3.4e37].map(Math.fround)) {
      numberToVax(v, b, 0);
      expect(readFloat32(b, 0, 'dec')).toBe(v);
    }
  });
});
