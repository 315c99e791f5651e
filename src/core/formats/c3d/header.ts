// The 512-byte C3D header block (C3D user guide, "The header section"): 16-bit words, 1-based in the guide.
import type { Processor } from './processor';
import { readFloat32, readInt16, readUint16 } from './processor';

export interface C3dHeaderEvent {
  time: number; // s
  display: boolean; // display flag byte 0 = on
  label: string; // up to 4 characters
}

export interface C3dHeader {
  parameterBlock: number; // 1-based block of the parameter section (byte 1)
  pointCount: number; // word 2
  analogPerFrame: number; // word 3: analog channels × samples per frame
  firstFrame: number; // word 4 (1-based, unsigned)
  lastFrame: number; // word 5 (unsigned)
  maxInterpolationGap: number; // word 6
  scale: number; // words 7–8: POINT:SCALE (negative = float storage)
  dataBlock: number; // word 9: 1-based block of the data section
  analogSamplesPerFrame: number; // word 10
  frameRate: number; // words 11–12, Hz
  events: C3dHeaderEvent[];
}

/** Reads the header block (`bytes` holds at least 512 bytes of it). */
export function parseHeader(bytes: Uint8Array, processor: Processor): C3dHeader {
  const eventCount = Math.min(18, Math.max(0, readInt16(bytes, 300, processor)));
  const events: C3dHeaderEvent[] = [];
  for (let i = 0; i < eventCount; i++) {
    let label = '';
    for (let c = 0; c < 4; c++) label += String.fromCharCode(bytes[396 + i * 4 + c]);
    events.push({
      time: readFloat32(bytes, 304 + i * 4, processor),
      display: bytes[376 + i] === 0,
      label: label.replace(/[\0 ]+$/, ''),
    });
  }
  return {
    parameterBlock: bytes[0],
    pointCount: readUint16(bytes, 2, processor),
    analogPerFrame: readUint16(bytes, 4, processor),
    firstFrame: readUint16(bytes, 6, processor),
    lastFrame: readUint16(bytes, 8, processor),
    maxInterpolationGap: readUint16(bytes, 10, processor),
    scale: readFloat32(bytes, 12, processor),
    dataBlock: readUint16(bytes, 16, processor),
    analogSamplesPerFrame: readUint16(bytes, 18, processor),
    frameRate: readFloat32(bytes, 20, processor),
    events,
  };
}

/** Encodes an Intel header block (512 bytes). Counts above 65535 are clamped; parameters hold the true values. */
export function encodeHeader(h: C3dHeader): Uint8Array {
  const out = new Uint8Array(512);
  const view = new DataView(out.buffer);
  const u16 = (word: number, v: number): void => view.setUint16((word - 1) * 2, Math.min(65535, Math.max(0, v)), true);
  out[0] = h.parameterBlock;
  out[1] = 0x50;
  u16(2, h.pointCount);
  u16(3, h.analogPerFrame);
  u16(4, h.firstFrame);
  u16(5, h.lastFrame);
  u16(6, h.maxInterpolationGap);
  view.setFloat32(12, h.scale, true);
  u16(9, h.dataBlock);
  u16(10, h.analogSamplesPerFrame);
  view.setFloat32(20, h.frameRate, true);
  const events = h.events.slice(0, 18);
  u16(148, 12345); // key: label/range section convention
  u16(150, 12345); // key: 4-character event labels
  u16(151, events.length);
  events.forEach((e, i) => {
    view.setFloat32(304 + i * 4, e.time, true);
    out[376 + i] = e.display ? 0 : 1;
    for (let c = 0; c < 4; c++) out[396 + i * 4 + c] = c < e.label.length ? e.label.charCodeAt(c) & 0xff : 0x20;
  });
  return out;
}
