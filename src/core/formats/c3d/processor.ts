// C3D processor types (parameter section byte 4, C3D user guide ch. 2): byte order and float format.
import { KinetwinError } from '../../errors';

export type Processor = 'intel' | 'dec' | 'mips';

/** Processor from the parameter-section header byte (83 + 1 Intel, 83 + 2 DEC, 83 + 3 MIPS/SGI). */
export function processorFromByte(byte: number): Processor {
  if (byte === 84) return 'intel';
  if (byte === 85) return 'dec';
  if (byte === 86) return 'mips';
  throw new KinetwinError(`unknown C3D processor type byte ${byte} (expected 84 Intel, 85 DEC or 86 MIPS)`);
}

export function processorByte(processor: Processor): number {
  return processor === 'intel' ? 84 : processor === 'dec' ? 85 : 86;
}

/** Signed 16-bit integer at `offset` (DEC and Intel little-endian, MIPS big-endian). */
export function readInt16(bytes: Uint8Array, offset: number, processor: Processor): number {
  const v = processor === 'mips' ? (bytes[offset] << 8) | bytes[offset + 1] : bytes[offset] | (bytes[offset + 1] << 8);
  return (v << 16) >> 16;
}

/** Unsigned 16-bit integer at `offset`. */
export function readUint16(bytes: Uint8Array, offset: number, processor: Processor): number {
  return processor === 'mips' ? (bytes[offset] << 8) | bytes[offset + 1] : bytes[offset] | (bytes[offset + 1] << 8);
}

const scratch = new DataView(new ArrayBuffer(4));

/** 32-bit float at `offset`: IEEE little-endian (Intel), IEEE big-endian (MIPS) or VAX F-float (DEC). */
export function readFloat32(bytes: Uint8Array, offset: number, processor: Processor): number {
  if (processor === 'dec') {
    return vaxToNumber(bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]);
  }
  if (processor === 'mips') {
    scratch.setUint8(0, bytes[offset]);
    scratch.setUint8(1, bytes[offset + 1]);
    scratch.setUint8(2, bytes[offset + 2]);
    scratch.setUint8(3, bytes[offset + 3]);
  } else {
    scratch.setUint8(0, bytes[offset + 3]);
    scratch.setUint8(1, bytes[offset + 2]);
    scratch.setUint8(2, bytes[offset + 1]);
    scratch.setUint8(3, bytes[offset]);
  }
  return scratch.getFloat32(0, false);
}

// VAX F-float (DEC Alpha/VAX): two little-endian 16-bit words, the first holding sign, 8-bit exponent (bias 128)
// and the high mantissa bits; value = (-1)^s × 0.1f₂ × 2^(e−128) = (1 + f/2²³) × 2^(e−129). Exponent 0 is zero
// (or, with the sign set, a reserved operand → NaN). Conversion is exact in double precision.
/** VAX F-float stored as bytes b0..b3 (file order) to a number. */
export function vaxToNumber(b0: number, b1: number, b2: number, b3: number): number {
  const hi = b0 | (b1 << 8); // sign(1) exponent(8) mantissa-high(7)
  const exponent = (hi >> 7) & 0xff;
  if (exponent === 0) return (hi & 0x8000) !== 0 ? NaN : 0;
  const mantissa = ((hi & 0x7f) * 65536 + (b2 | (b3 << 8))) / 8388608; // f / 2^23
  const value = (1 + mantissa) * Math.pow(2, exponent - 129);
  return (hi & 0x8000) !== 0 ? -value : value;
}

/** Encodes a number as VAX F-float bytes into `out` at `offset` (used by tests to build DEC files). */
export function numberToVax(value: number, out: Uint8Array, offset: number): void {
  scratch.setFloat32(0, value * 4, true); // IEEE bias 127 with hidden 1.f equals VAX bias 128 with 0.1f, times 4
  out[offset] = scratch.getUint8(2);
  out[offset + 1] = scratch.getUint8(3);
  out[offset + 2] = scratch.getUint8(0);
  out[offset + 3] = scratch.getUint8(1);
}
