// Minimal PNG encoder (W3C PNG 2nd ed.): 8-bit grey/RGB/RGBA and 16-bit grey, filter type 0 (None) per row.
// The zlib deflate comes from the caller (node:zlib deflateSync in the backend) so core stays platform-free.
import { KinetwinError } from '../errors';

export type PngKind = 'grey8' | 'grey16' | 'rgb8' | 'rgba8';
const CHANNELS: Record<PngKind, number> = { grey8: 1, grey16: 1, rgb8: 3, rgba8: 4 };
const COLOR_TYPE: Record<PngKind, number> = { grey8: 0, grey16: 0, rgb8: 2, rgba8: 6 };

let crcTable: Uint32Array | null = null;
function table(): Uint32Array {
  if (crcTable) return crcTable;
  crcTable = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable[n] = c >>> 0;
  }
  return crcTable;
}

/** CRC-32 (ISO 3309, as PNG uses) of bytes[from, to). */
export function crc32(bytes: Uint8Array, from = 0, to = bytes.length): number {
  const T = table();
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = T[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/**
 * Encodes a top-down image. `pixels`: width × height × channels samples (Uint8Array for 8-bit kinds,
 * Uint16Array for grey16, written big-endian). `deflate` must produce a zlib stream (RFC 1950).
 */
export function encodePng(width: number, height: number, kind: PngKind, pixels: Uint8Array | Uint16Array, deflate: (raw: Uint8Array) => Uint8Array): Uint8Array {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 && width <= 65535 && height <= 65535)) {
    throw new KinetwinError(`PNG size must be 1–65535 px, got ${width}×${height}`);
  }
  const ch = CHANNELS[kind];
  const bytesPerSample = kind === 'grey16' ? 2 : 1;
  if (pixels.length !== width * height * ch) throw new KinetwinError(`PNG ${kind} ${width}×${height} needs ${width * height * ch} samples, got ${pixels.length}`);
  const stride = width * ch * bytesPerSample;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1) + 1; // byte 0 of each row: filter type 0
    if (bytesPerSample === 1) raw.set((pixels as Uint8Array).subarray(y * stride, (y + 1) * stride), o);
    else for (let x = 0, s = y * width; x < width; x++) {
      const v = pixels[s + x];
      raw[o + 2 * x] = v >>> 8;
      raw[o + 2 * x + 1] = v & 0xff;
    }
  }
  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  ihdr[8] = bytesPerSample * 8;
  ihdr[9] = COLOR_TYPE[kind];
  const parts = [Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10), chunk('IHDR', ihdr), chunk('IDAT', deflate(raw)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
