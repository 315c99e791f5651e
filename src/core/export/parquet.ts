// Parquet writer (Apache Parquet format 2.x spec): PLAIN encoding, uncompressed, V1 data pages, one page per
// column chunk, optional row groups. Columns: DOUBLE, INT64 and BYTE_ARRAY/UTF8, required or optional.
import { KinetwinError } from '../errors';
import type { Table } from '../metrics/table';
import { ByteWriter, CompactWriter, T } from './thrift-compact';

export type ParquetColumn =
  | { name: string; type: 'double'; optional?: boolean; values: ArrayLike<number | null> } // optional: null and NaN → null
  | { name: string; type: 'int64'; optional?: boolean; values: ArrayLike<number | bigint | null> } // safe integers or bigint
  | { name: string; type: 'utf8'; optional?: boolean; values: ArrayLike<string | null> };

export interface ParquetOptions {
  rowGroupSize?: number; // rows per row group, default 1,000,000
  metadata?: Record<string, string>; // file key/value metadata (e.g. { kinetwin_spec_hash: '…' })
  createdBy?: string;
}

const PHYSICAL = { double: 5, int64: 2, utf8: 6 } as const; // Type enum: DOUBLE, INT64, BYTE_ARRAY
const PLAIN = 0;
const RLE = 3;
const MAGIC = new Uint8Array([0x50, 0x41, 0x52, 0x31]); // "PAR1"
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function isNull(col: ParquetColumn, v: unknown): boolean {
  return v === null || v === undefined || (col.type === 'double' && col.optional === true && Number.isNaN(v as number));
}

/** Definition levels (0 = null, 1 = present) as an RLE/bit-packed hybrid of bit width 1, with 4-byte length prefix. */
function encodeDefinitionLevels(present: Uint8Array, out: ByteWriter): void {
  const body = new ByteWriter();
  let i = 0;
  while (i < present.length) {
    let j = i + 1;
    while (j < present.length && present[j] === present[i]) j++;
    body.varint((j - i) * 2); // RLE run header: count << 1
    body.byte(present[i]);
    i = j;
  }
  out.u32le(body.length);
  out.bytes(body.toBytes());
}

/** PLAIN-encode rows [start, end) of a column (non-null values only). */
function encodeValues(col: ParquetColumn, start: number, end: number, present: Uint8Array, out: ByteWriter): void {
  const scratch = new DataView(new ArrayBuffer(8));
  const b8 = new Uint8Array(scratch.buffer);
  const enc = new TextEncoder();
  for (let r = start; r < end; r++) {
    if (!present[r - start]) continue;
    const v = col.values[r];
    if (col.type === 'double') {
      scratch.setFloat64(0, v as number, true);
      out.bytes(b8);
    } else if (col.type === 'int64') {
      let big: bigint;
      if (typeof v === 'bigint') big = v;
      else if (Number.isSafeInteger(v)) big = BigInt(v as number);
      else throw new KinetwinError(`column "${col.name}" row ${r}: ${String(v)} is not an integer`);
      if (big < INT64_MIN || big > INT64_MAX) throw new KinetwinError(`column "${col.name}" row ${r}: out of INT64 range`);
      scratch.setBigInt64(0, big, true);
      out.bytes(b8);
    } else {
      if (typeof v !== 'string') throw new KinetwinError(`column "${col.name}" row ${r}: expected a string`);
      const s = enc.encode(v);
      out.u32le(s.length);
      out.bytes(s);
    }
  }
}

interface ChunkMeta {
  offset: number;
  size: number;
  numValues: number;
}

/** Serialise columns (all the same length) to a Parquet file. */
export function writeParquet(columns: ParquetColumn[], options: ParquetOptions = {}): Uint8Array {
  if (columns.length === 0) throw new KinetwinError('parquet: no columns');
  const rows = columns[0].values.length;
  const names = new Set<string>();
  for (const c of columns) {
    if (c.values.length !== rows) throw new KinetwinError(`parquet: column "${c.name}" has ${c.values.length} rows, expected ${rows}`);
    if (!c.name) throw new KinetwinError('parquet: empty column name');
    if (names.has(c.name)) throw new KinetwinError(`parquet: duplicate column "${c.name}"`);
    if (!(c.type in PHYSICAL)) throw new KinetwinError(`parquet: unsupported type ${(c as { type: string }).type}`);
    names.add(c.name);
  }
  const groupSize = options.rowGroupSize ?? 1_000_000;
  if (!Number.isInteger(groupSize) || groupSize < 1) throw new KinetwinError(`parquet: rowGroupSize must be a positive integer`);
  const file = new ByteWriter();
  file.bytes(MAGIC);
  const groups: { rows: number; chunks: ChunkMeta[] }[] = [];
  for (let start = 0; start < rows; start += groupSize) {
    const end = Math.min(rows, start + groupSize);
    const chunks: ChunkMeta[] = [];
    for (const col of columns) {
      const n = end - start;
      const present = new Uint8Array(n);
      for (let r = start; r < end; r++) {
        const nul = isNull(col, col.values[r]);
        if (nul && !col.optional) throw new KinetwinError(`parquet: required column "${col.name}" has a null at row ${r}`);
        present[r - start] = nul ? 0 : 1;
      }
      const page = new ByteWriter();
      if (col.optional) encodeDefinitionLevels(present, page);
      encodeValues(col, start, end, present, page);
      const header = new CompactWriter();
      header.i32(1, 0); // type: DATA_PAGE
      header.i32(2, page.length); // uncompressed_page_size
      header.i32(3, page.length); // compressed_page_size
      header.beginStruct(5); // data_page_header
      header.i32(1, n).i32(2, PLAIN).i32(3, RLE).i32(4, RLE);
      header.endStruct();
      const headerBytes = header.end();
      const offset = file.length;
      file.bytes(headerBytes);
      file.bytes(page.toBytes());
      chunks.push({ offset, size: headerBytes.length + page.length, numValues: n });
    }
    groups.push({ rows: end - start, chunks });
  }
  const meta = new CompactWriter();
  meta.i32(1, 1); // version
  meta.beginList(2, T.STRUCT, columns.length + 1); // schema
  meta.beginElemStruct().string(4, 'schema').i32(5, columns.length).endStruct();
  for (const col of columns) {
    meta.beginElemStruct();
    meta.i32(1, PHYSICAL[col.type]);
    meta.i32(3, col.optional ? 1 : 0); // repetition: OPTIONAL / REQUIRED
    meta.string(4, col.name);
    if (col.type === 'utf8') {
      meta.i32(6, 0); // converted_type UTF8
      meta.beginStruct(10).beginStruct(1).endStruct().endStruct(); // logicalType STRING
    }
    meta.endStruct();
  }
  meta.i64(3, rows);
  meta.beginList(4, T.STRUCT, groups.length);
  for (const g of groups) {
    meta.beginElemStruct();
    meta.beginList(1, T.STRUCT, g.chunks.length);
    g.chunks.forEach((ch, k) => {
      const col = columns[k];
      meta.beginElemStruct();
      meta.i64(2, ch.offset); // file_offset
      meta.beginStruct(3); // meta_data
      meta.i32(1, PHYSICAL[col.type]);
      meta.beginList(2, T.I32, col.optional ? 2 : 1).elemI32(PLAIN);
      if (col.optional) meta.elemI32(RLE);
      meta.beginList(3, T.BINARY, 1).elemString(col.name);
      meta.i32(4, 0); // codec UNCOMPRESSED
      meta.i64(5, ch.numValues);
      meta.i64(6, ch.size);
      meta.i64(7, ch.size);
      meta.i64(9, ch.offset); // data_page_offset
      meta.endStruct();
      meta.endStruct();
    });
    meta.i64(2, g.chunks.reduce((a, c) => a + c.size, 0));
    meta.i64(3, g.rows);
    meta.endStruct();
  }
  const kv = Object.entries(options.metadata ?? {});
  if (kv.length > 0) {
    meta.beginList(5, T.STRUCT, kv.length);
    for (const [k, v] of kv) meta.beginElemStruct().string(1, k).string(2, v).endStruct();
  }
  meta.string(6, options.createdBy ?? 'kinetwin');
  const footer = meta.end();
  file.bytes(footer);
  file.u32le(footer.length);
  file.bytes(MAGIC);
  return file.toBytes();
}

/** A Table as Parquet: numeric columns → optional DOUBLE (NaN → null), categorical → optional UTF8 ('' → null). */
export function tableToParquet(table: Table, options: ParquetOptions = {}): Uint8Array {
  return writeParquet(
    table.columns.map((c): ParquetColumn =>
      c.kind === 'numeric'
        ? { name: c.name, type: 'double', optional: true, values: c.values }
        : { name: c.name, type: 'utf8', optional: true, values: c.values.map((v) => (v === '' ? null : v)) },
    ),
    options,
  );
}
