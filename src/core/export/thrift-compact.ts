// Minimal Thrift compact-protocol writer (Apache Thrift "compact protocol" spec) for Parquet footers and page
// headers: structs, i32/i64 (zigzag varints), binary/strings, lists of those. Integers must be safe integers.
import { KinetwinError } from '../errors';

export const T = { TRUE: 1, FALSE: 2, BYTE: 3, I16: 4, I32: 5, I64: 6, DOUBLE: 7, BINARY: 8, LIST: 9, SET: 10, MAP: 11, STRUCT: 12 } as const;

/** A growable byte buffer. */
export class ByteWriter {
  private buf = new Uint8Array(1024);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.length++] = b & 0xff;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** Unsigned LEB128 varint of a non-negative safe integer. */
  varint(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new KinetwinError(`varint out of range: ${n}`);
    while (n >= 0x80) {
      this.byte((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.byte(n);
  }

  u32le(n: number): void {
    this.ensure(4);
    const o = this.length;
    this.buf[o] = n & 0xff;
    this.buf[o + 1] = (n >>> 8) & 0xff;
    this.buf[o + 2] = (n >>> 16) & 0xff;
    this.buf[o + 3] = (n >>> 24) & 0xff;
    this.length += 4;
  }

  toBytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Zigzag mapping of a signed safe integer to unsigned (0, −1, 1, −2 … → 0, 1, 2, 3 …). */
export function zigzag(n: number): number {
  if (!Number.isSafeInteger(n)) throw new KinetwinError(`integer out of range: ${n}`);
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

/** Thrift compact struct/field writer. Call beginStruct/endStruct around fields. */
export class CompactWriter {
  readonly out = new ByteWriter();
  private lastField: number[] = [0];

  private fieldHeader(id: number, type: number): void {
    const last = this.lastField[this.lastField.length - 1];
    const delta = id - last;
    if (delta > 0 && delta <= 15) this.out.byte((delta << 4) | type);
    else {
      this.out.byte(type);
      this.out.varint(zigzag(id));
    }
    this.lastField[this.lastField.length - 1] = id;
  }

  i32(id: number, v: number): this {
    this.fieldHeader(id, T.I32);
    this.out.varint(zigzag(v));
    return this;
  }

  i64(id: number, v: number): this {
    this.fieldHeader(id, T.I64);
    this.out.varint(zigzag(v));
    return this;
  }

  bool(id: number, v: boolean): this {
    this.fieldHeader(id, v ? T.TRUE : T.FALSE);
    return this;
  }

  binary(id: number, v: Uint8Array): this {
    this.fieldHeader(id, T.BINARY);
    this.out.varint(v.length);
    this.out.bytes(v);
    return this;
  }

  string(id: number, v: string): this {
    return this.binary(id, new TextEncoder().encode(v));
  }

  beginStruct(id: number): this {
    this.fieldHeader(id, T.STRUCT);
    this.lastField.push(0);
    return this;
  }

  endStruct(): this {
    this.out.byte(0);
    this.lastField.pop();
    return this;
  }

  /** List field header; then write `size` elements with the element helpers below. */
  beginList(id: number, elemType: number, size: number): this {
    this.fieldHeader(id, T.LIST);
    if (size < 15) this.out.byte((size << 4) | elemType);
    else {
      this.out.byte(0xf0 | elemType);
      this.out.varint(size);
    }
    return this;
  }

  elemI32(v: number): this {
    this.out.varint(zigzag(v));
    return this;
  }

  elemString(v: string): this {
    const b = new TextEncoder().encode(v);
    this.out.varint(b.length);
    this.out.bytes(b);
    return this;
  }

  /** A struct as a list element (no field header). */
  beginElemStruct(): this {
    this.lastField.push(0);
    return this;
  }

  /** Close the outermost (top-level) struct. */
  end(): Uint8Array {
    this.out.byte(0);
    return this.out.toBytes();
  }
}
