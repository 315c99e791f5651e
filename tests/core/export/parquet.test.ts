import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { tableToParquet, writeParquet } from '../../../src/core/export/parquet';
import { makeTable } from '../../../src/core/metrics/table';

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('writeParquet (read back with hyparquet)', () => {
  it('round-trips required and optional DOUBLE, INT64 and UTF8 columns', async () => {
    const bytes = writeParquet(
      [
        { name: 'x', type: 'double', values: [1.5, -2.25, 1e300, 0] },
        { name: 'y', type: 'double', optional: true, values: [null, 3, NaN, 4] },
        { name: 'n', type: 'int64', values: [0, -1, 2 ** 40, 9007199254740991n * 4n] },
        { name: 'm', type: 'int64', optional: true, values: [7, null, null, -7] },
        { name: 's', type: 'utf8', optional: true, values: ['knee', null, 'Ωmega ✓', ''] },
      ],
      { metadata: { spec: 'abc' } },
    );
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x41, 0x52, 0x31]);
    const file = buffer(bytes);
    const meta = parquetMetadata(file);
    expect(Number(meta.num_rows)).toBe(4);
    expect(meta.key_value_metadata).toEqual([{ key: 'spec', value: 'abc' }]);
    const rows = await parquetReadObjects({ file });
    expect(rows).toEqual([
      { x: 1.5, y: null, n: 0n, m: 7n, s: 'knee' },
      { x: -2.25, y: 3, n: -1n, m: null, s: null },
      { x: 1e300, y: null, n: 2n ** 40n, m: null, s: 'Ωmega ✓' },
      { x: 0, y: 4, n: 9007199254740991n * 4n, m: -7n, s: '' },
    ]);
  });

  it('splits rows into row groups', async () => {
    const n = 2500;
    const bytes = writeParquet([{ name: 'i', type: 'double', values: Array.from({ length: n }, (_, i) => i) }], { rowGroupSize: 1000 });
    const file = buffer(bytes);
    expect(parquetMetadata(file).row_groups).toHaveLength(3);
    const rows = await parquetReadObjects({ file });
    expect(rows.map((r) => r.i)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('writes a Table with missing values as nulls', async () => {
    const t = makeTable([
      { name: 'stature', kind: 'numeric', values: Float64Array.from([1.7, NaN]) },
      { name: 'sex', kind: 'categorical', values: ['female', ''] },
    ]);
    const rows = await parquetReadObjects({ file: buffer(tableToParquet(t)) });
    expect(rows).toEqual([{ stature: 1.7, sex: 'female' }, { stature: null, sex: null }]);
  });

  it('rejects nulls in required columns, ragged columns and non-integers in INT64', () => {
    expect(() => writeParquet([{ name: 'a', type: 'double', values: [null] }])).toThrow(KinetwinError);
    expect(() => writeParquet([{ name: 'a', type: 'double', values: [1] }, { name: 'b', type: 'double', values: [] }])).toThrow(KinetwinError);
    expect(() => writeParquet([{ name: 'a', type: 'int64', values: [1.5] }])).toThrow(KinetwinError);
    expect(() => writeParquet([{ name: 'a', type: 'int64', values: [2n ** 63n] }])).toThrow(KinetwinError);
  });
});
