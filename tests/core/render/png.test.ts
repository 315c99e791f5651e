import { inflateSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from '../../../src/core/render/png';

const deflate = (raw: Uint8Array) => deflateSync(raw);

/** Minimal reader for the encoder's output (filter 0 only): header fields and the raw sample bytes. */
function readPng(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let o = 8;
  const chunks: { type: string; data: Uint8Array }[] = [];
  while (o < png.length) {
    const len = view.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    expect(view.getUint32(o + 8 + len)).toBe(crc32(png, o + 4, o + 8 + len));
    chunks.push({ type, data: png.subarray(o + 8, o + 8 + len) });
    o += 12 + len;
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const h = new DataView(chunks[0].data.buffer, chunks[0].data.byteOffset, 13);
  return { width: h.getUint32(0), height: h.getUint32(4), depth: chunks[0].data[8], colorType: chunks[0].data[9], raw: new Uint8Array(inflateSync(chunks[1].data)) };
}

describe('encodePng', () => {
  it('crc32 matches the published CRC of the IEND chunk type (0xAE426082)', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('round-trips an 8-bit RGB image row by row with filter 0', () => {
    const px = Uint8Array.from({ length: 3 * 2 * 3 }, (_, i) => (i * 37) & 255);
    const p = readPng(encodePng(3, 2, 'rgb8', px, deflate));
    expect([p.width, p.height, p.depth, p.colorType]).toEqual([3, 2, 8, 2]);
    expect(Array.from(p.raw)).toEqual([0, ...px.subarray(0, 9), 0, ...px.subarray(9)]);
  });

  it('writes 16-bit grey samples big-endian', () => {
    const p = readPng(encodePng(2, 1, 'grey16', Uint16Array.of(0x1234, 65535), deflate));
    expect([p.depth, p.colorType]).toEqual([16, 0]);
    expect(Array.from(p.raw)).toEqual([0, 0x12, 0x34, 0xff, 0xff]);
  });

  it('rejects a sample count that does not match the size', () => {
    expect(() => encodePng(4, 4, 'grey8', new Uint8Array(15), deflate)).toThrow(/needs 16 samples/);
    expect(() => encodePng(0, 4, 'grey8', new Uint8Array(0), deflate)).toThrow(/PNG size/);
  });
});
