// Decoding of the C3D data section (C3D user guide, "The 3D point and analog data section"). Each frame holds
// P × (x, y, z, residual word) then S subframes × C analog values, as int16 or float32. The section is read in
// chunks of whole frames through a ByteSource; the hot loops allocate nothing per frame or sample.
import type { ByteSource } from '../bytesource';
import type { Processor } from './processor';
import { vaxToNumber } from './processor';

export interface DataLayout {
  processor: Processor;
  storage: 'integer' | 'float';
  pointCount: number; // P
  analogChannels: number; // C
  subframes: number; // S analog samples per channel per frame
  frames: number; // F frames to decode
  dataOffset: number; // bytes from the start of the file
  pointScale: number; // POINT:SCALE as stored (negative for float storage)
  unitsPerMetre: number; // file units per metre (mm → 1000)
  analogOffset: Float64Array; // C, raw units (ANALOG:OFFSET)
  analogFactor: Float64Array; // C, ANALOG:SCALE × ANALOG:GEN_SCALE
  analogUnsigned: boolean; // ANALOG:FORMAT = UNSIGNED (integer storage only)
}

export interface DecodedData {
  points: Float32Array; // F × P × 3, metres, NaN where invalid
  residuals: Float32Array; // F × P, metres, -1 where invalid
  cameraMasks: Uint8Array; // F × P
  analogs: Float32Array[]; // C × (F × S), scaled to the channel's units
}

const CHUNK_BYTES = 1 << 22; // 4 MiB of whole frames per read

/** Bytes one frame occupies. */
export function frameBytes(layout: Pick<DataLayout, 'storage' | 'pointCount' | 'analogChannels' | 'subframes'>): number {
  const size = layout.storage === 'float' ? 4 : 2;
  return (layout.pointCount * 4 + layout.analogChannels * layout.subframes) * size;
}

/** Residual in metres for each residual byte: fround(fround(byte × |scale|) / unitsPerMetre). */
export function residualTable(pointScale: number, unitsPerMetre: number): Float32Array {
  const table = new Float32Array(256);
  const scale = Math.abs(pointScale);
  for (let b = 0; b < 256; b++) table[b] = Math.fround(Math.fround(b * scale) / unitsPerMetre);
  return table;
}

/** Decodes `layout.frames` frames from `source` into freshly allocated arrays. */
export function decodeData(source: ByteSource, layout: DataLayout): DecodedData {
  const { pointCount: P, analogChannels: C, subframes: S, frames: F } = layout;
  const out: DecodedData = {
    points: new Float32Array(F * P * 3),
    residuals: new Float32Array(F * P),
    cameraMasks: new Uint8Array(F * P),
    analogs: Array.from({ length: C }, () => new Float32Array(F * S)),
  };
  const bytesPerFrame = frameBytes(layout);
  if (bytesPerFrame === 0 || F === 0) return out;
  const chunkFrames = Math.max(1, Math.floor(CHUNK_BYTES / bytesPerFrame));
  const valuesPerChunk = chunkFrames * (bytesPerFrame / (layout.storage === 'float' ? 4 : 2));
  const isFloat = layout.storage === 'float';
  const scratchBytes = new Uint8Array(chunkFrames * bytesPerFrame);
  const scratchF32 = new Float32Array(scratchBytes.buffer);
  const scratchI16 = new Int16Array(scratchBytes.buffer);
  const rTable = residualTable(layout.pointScale, layout.unitsPerMetre);
  const pTable = isFloat ? null : integerPointTable(layout.pointScale, layout.unitsPerMetre);
  for (let frame0 = 0; frame0 < F; frame0 += chunkFrames) {
    const n = Math.min(chunkFrames, F - frame0);
    const bytes = source.read(layout.dataOffset + frame0 * bytesPerFrame, n * bytesPerFrame);
    if (isFloat) {
      const values = floatValues(bytes, layout.processor, scratchBytes, scratchF32, valuesPerChunk);
      distributeFloat(values, layout, frame0, n, rTable, out);
    } else {
      const values = intValues(bytes, layout.processor, scratchBytes, scratchI16);
      distributeInt(values, layout, frame0, n, rTable, pTable as Float32Array, out);
    }
  }
  return out;
}

/** int16 → metres for every int16 value: fround(fround(i × scale) / unitsPerMetre). */
function integerPointTable(pointScale: number, unitsPerMetre: number): Float32Array {
  const table = new Float32Array(65536);
  for (let u = 0; u < 65536; u++) {
    const i = (u << 16) >> 16;
    table[u] = Math.fround(Math.fround(i * pointScale) / unitsPerMetre);
  }
  return table;
}

/** The chunk as float32 values (a view when the bytes are aligned Intel floats, else converted into scratch). */
function floatValues(bytes: Uint8Array, processor: Processor, scratch: Uint8Array, f32: Float32Array, max: number): Float32Array {
  const n = bytes.length >> 2;
  if (processor === 'intel') {
    if ((bytes.byteOffset & 3) === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, n);
    scratch.set(bytes);
    return n === max ? f32 : f32.subarray(0, n);
  }
  if (processor === 'mips') {
    for (let i = 0; i < bytes.length; i += 4) {
      scratch[i] = bytes[i + 3];
      scratch[i + 1] = bytes[i + 2];
      scratch[i + 2] = bytes[i + 1];
      scratch[i + 3] = bytes[i];
    }
  } else {
    // DEC: swap the two 16-bit words so the bits read as IEEE, then divide by 4 (exponent bias 128, 0.1f mantissa)
    for (let i = 0; i < bytes.length; i += 4) {
      scratch[i] = bytes[i + 2];
      scratch[i + 1] = bytes[i + 3];
      scratch[i + 2] = bytes[i];
      scratch[i + 3] = bytes[i + 1];
    }
    for (let k = 0; k < n; k++) {
      const i = k << 2;
      const exponent = ((bytes[i + 1] & 0x7f) << 1) | (bytes[i] >> 7);
      if (exponent === 0 || exponent === 255) {
        f32[k] = vaxToNumber(bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]);
      } else {
        f32[k] = f32[k] * 0.25;
      }
    }
  }
  return n === max ? f32 : f32.subarray(0, n);
}

/** The chunk as int16 values (a view when aligned little-endian, else copied/swapped into scratch). */
function intValues(bytes: Uint8Array, processor: Processor, scratch: Uint8Array, i16: Int16Array): Int16Array {
  const n = bytes.length >> 1;
  if (processor !== 'mips') {
    if ((bytes.byteOffset & 1) === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, n);
    scratch.set(bytes);
  } else {
    for (let i = 0; i < bytes.length; i += 2) {
      scratch[i] = bytes[i + 1];
      scratch[i + 1] = bytes[i];
    }
  }
  return i16.subarray(0, n);
}

function distributeFloat(values: Float32Array, layout: DataLayout, frame0: number, n: number, rTable: Float32Array, out: DecodedData): void {
  const P = layout.pointCount;
  const C = layout.analogChannels;
  const S = layout.subframes;
  const stride = P * 4 + C * S;
  const unit = layout.unitsPerMetre;
  const pts = out.points;
  const res = out.residuals;
  const masks = out.cameraMasks;
  for (let f = 0; f < n; f++) {
    const vb = f * stride;
    const ob = (frame0 + f) * P;
    for (let p = 0; p < P; p++) {
      const v = vb + p * 4;
      const o = ob + p;
      const w = values[v + 3];
      const x = values[v];
      const y = values[v + 1];
      const z = values[v + 2];
      if (w < 0 || x !== x || y !== y || z !== z) {
        // negative residual word (or a NaN coordinate, as some float writers store) marks an invalid point
        pts[o * 3] = NaN;
        pts[o * 3 + 1] = NaN;
        pts[o * 3 + 2] = NaN;
        res[o] = -1;
        masks[o] = 0;
      } else {
        pts[o * 3] = x / unit;
        pts[o * 3 + 1] = y / unit;
        pts[o * 3 + 2] = z / unit;
        const word = w >= 4294967296 ? 0 : w >>> 0;
        res[o] = rTable[word & 255];
        masks[o] = (word >>> 8) & 255;
      }
    }
  }
  if (C > 0) distributeAnalogFloat(values, layout, frame0, n, out.analogs);
}

function distributeAnalogFloat(values: Float32Array, layout: DataLayout, frame0: number, n: number, analogs: Float32Array[]): void {
  const P = layout.pointCount;
  const C = layout.analogChannels;
  const S = layout.subframes;
  const stride = P * 4 + C * S;
  for (let c = 0; c < C; c++) {
    const channel = analogs[c];
    const offset = layout.analogOffset[c];
    const factor = layout.analogFactor[c];
    for (let f = 0; f < n; f++) {
      const vb = f * stride + P * 4 + c;
      const ob = (frame0 + f) * S;
      for (let s = 0; s < S; s++) channel[ob + s] = (values[vb + s * C] - offset) * factor;
    }
  }
}

function distributeInt(
  values: Int16Array,
  layout: DataLayout,
  frame0: number,
  n: number,
  rTable: Float32Array,
  pTable: Float32Array,
  out: DecodedData,
): void {
  const P = layout.pointCount;
  const C = layout.analogChannels;
  const S = layout.subframes;
  const stride = P * 4 + C * S;
  const pts = out.points;
  const res = out.residuals;
  const masks = out.cameraMasks;
  for (let f = 0; f < n; f++) {
    const vb = f * stride;
    const ob = (frame0 + f) * P;
    for (let p = 0; p < P; p++) {
      const v = vb + p * 4;
      const o = ob + p;
      const w = values[v + 3];
      if (w < 0) {
        pts[o * 3] = NaN;
        pts[o * 3 + 1] = NaN;
        pts[o * 3 + 2] = NaN;
        res[o] = -1;
        masks[o] = 0;
      } else {
        pts[o * 3] = pTable[values[v] & 0xffff];
        pts[o * 3 + 1] = pTable[values[v + 1] & 0xffff];
        pts[o * 3 + 2] = pTable[values[v + 2] & 0xffff];
        res[o] = rTable[w & 255];
        masks[o] = (w >> 8) & 255;
      }
    }
  }
  const unsigned = layout.analogUnsigned;
  for (let c = 0; c < C; c++) {
    const channel = out.analogs[c];
    const offset = layout.analogOffset[c];
    const factor = layout.analogFactor[c];
    for (let f = 0; f < n; f++) {
      const vb = f * stride + P * 4 + c;
      const ob = (frame0 + f) * S;
      for (let s = 0; s < S; s++) {
        const raw = unsigned ? values[vb + s * C] & 0xffff : values[vb + s * C];
        channel[ob + s] = (raw - offset) * factor;
      }
    }
  }
}
