// The file-backed ByteSource and the backend C3D services (src/backend/services/c3dfile.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectC3dFile, openFileByteSource, readC3dFile, writeC3dFile } from '../../../../src/backend/services/c3dfile';
import { readC3d } from '../../../../src/core/formats/c3d/read';
import { writeC3d } from '../../../../src/core/formats/c3d/write';
import { sharedData, readShared } from '../../../helpers/shared';

const dir = mkdtempSync(join(tmpdir(), 'kinetwin-c3dfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openFileByteSource', () => {
  it('reads exact ranges and rejects reads past the end', () => {
    const path = sharedData('c3d_org', 'sample02', 'pc_real.c3d');
    const bytes = readShared('c3d_org', 'sample02', 'pc_real.c3d');
    const src = openFileByteSource(path);
    try {
      expect(src.size).toBe(bytes.length);
      expect(Array.from(src.read(1000, 300))).toEqual(Array.from(bytes.subarray(1000, 1300)));
      expect(Array.from(src.read(0, 4))).toEqual(Array.from(bytes.subarray(0, 4)));
      expect(() => src.read(bytes.length - 2, 4)).toThrow(RangeError);
    } finally {
      src.close();
    }
  });

  it('streams a C3D to the same Trial as reading its bytes', async () => {
    const path = sharedData('opensim_core', 'c3d', 'walking2.c3d');
    const streamed = await readC3dFile(path);
    const whole = readC3d(readShared('opensim_core', 'c3d', 'walking2.c3d'));
    const a = new Uint8Array(streamed.points!.data.buffer);
    const b = new Uint8Array(whole.points!.data.buffer);
    expect(a.length).toBe(b.length);
    expect(a.every((v, i) => v === b[i])).toBe(true); // bit-identical, NaN included
    expect(streamed.analogs!.channels[3].every((v, i) => v === whole.analogs!.channels[3][i])).toBe(true);
  });
});

describe('writeC3dFile / inspectC3dFile', () => {
  it('writes the same bytes as writeC3d, in chunks', async () => {
    const t = readC3d(readShared('c3d_org', 'sample26', 'Capture0002.c3d'));
    const path = join(dir, 'capture.c3d');
    const r = await writeC3dFile(t, path);
    const expected = writeC3d(t);
    expect(r.bytes).toBe(expected.length);
    expect(new Uint8Array(readFileSync(path))).toEqual(expected);
    const j = await inspectC3dFile(path, { frames: [0] });
    expect(j).toMatchObject({ format: 'c3d', processor: 'intel', storage: 'float', points: { count: 18, frames: 661 } });
  });
});
