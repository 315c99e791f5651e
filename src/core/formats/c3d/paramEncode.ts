// Encoding of an Intel parameter section: groups and parameters as linked records (C3D user guide).
import { KinetwinError } from '../../errors';

export type ParamValue =
  | { kind: 'int16'; values: number[]; dims?: number[] } // dims default [values.length] (or [] for one value)
  | { kind: 'float'; values: number[]; dims?: number[] }
  | { kind: 'byte'; values: number[]; dims?: number[] }
  | { kind: 'strings'; values: string[]; width?: number }; // one string per column, blank padded

export interface ParamGroupSpec {
  name: string;
  description?: string;
  params: Array<{ name: string; value: ParamValue; description?: string }>;
}

/** Parameter section bytes (whole 512-byte blocks) with its 4-byte header. */
export function encodeParameters(groups: ParamGroupSpec[]): Uint8Array {
  const records: Uint8Array[] = [];
  groups.forEach((g, gi) => {
    const id = gi + 1;
    records.push(record(g.name, -id, descriptionBytes(g.description ?? '')));
    for (const p of g.params) records.push(record(p.name, id, concat([valueBytes(p.value), descriptionBytes(p.description ?? '')])));
  });
  const body = concat(records);
  const total = 4 + body.length + 4;
  const blocks = Math.ceil(total / 512);
  if (blocks > 255) throw new KinetwinError(`parameter section needs ${blocks} blocks (at most 255)`);
  const out = new Uint8Array(blocks * 512);
  out[0] = 1;
  out[1] = 0x50;
  out[2] = blocks;
  out[3] = 84; // Intel
  out.set(body, 4);
  // the last record's "next" offset is 0; the following zero bytes end the section too
  return out;
}

function record(name: string, id: number, tail: Uint8Array): Uint8Array {
  const n = name.toUpperCase();
  if (n.length === 0 || n.length > 127) throw new KinetwinError(`parameter name '${name}' must have 1–127 characters`);
  const out = new Uint8Array(2 + n.length + 2 + tail.length);
  out[0] = n.length;
  out[1] = id & 0xff;
  for (let i = 0; i < n.length; i++) out[2 + i] = n.charCodeAt(i) & 0xff;
  const next = 2 + tail.length;
  if (next > 32767) throw new KinetwinError(`parameter ${name} is too large (${tail.length} bytes)`);
  new DataView(out.buffer).setInt16(2 + n.length, next, true);
  out.set(tail, 4 + n.length);
  return out;
}

function descriptionBytes(desc: string): Uint8Array {
  const d = desc.slice(0, 255);
  const out = new Uint8Array(1 + d.length);
  out[0] = d.length;
  for (let i = 0; i < d.length; i++) out[1 + i] = d.charCodeAt(i) & 0xff;
  return out;
}

function valueBytes(v: ParamValue): Uint8Array {
  if (v.kind === 'strings') {
    const width = Math.max(1, v.width ?? v.values.reduce((m, s) => Math.max(m, s.length), 0));
    if (width > 255 || v.values.length > 255) throw new KinetwinError('string parameter exceeds 255 × 255 characters');
    const dims = [width, v.values.length];
    const out = new Uint8Array(2 + dims.length + width * v.values.length);
    out[0] = 0xff; // -1: char
    out[1] = dims.length;
    out.set(dims, 2);
    v.values.forEach((s, i) => {
      for (let c = 0; c < width; c++) out[4 + i * width + c] = c < s.length ? s.charCodeAt(c) & 0xff : 0x20;
    });
    return out;
  }
  const dims = v.dims ?? (v.values.length === 1 ? [] : [v.values.length]);
  if (dims.some((d) => d > 255)) throw new KinetwinError('parameter dimension above 255');
  const size = v.kind === 'byte' ? 1 : v.kind === 'int16' ? 2 : 4;
  const out = new Uint8Array(2 + dims.length + size * v.values.length);
  const view = new DataView(out.buffer);
  out[0] = size;
  out[1] = dims.length;
  out.set(dims, 2);
  const base = 2 + dims.length;
  v.values.forEach((x, i) => {
    if (v.kind === 'byte') out[base + i] = x & 0xff;
    else if (v.kind === 'int16') view.setInt16(base + 2 * i, ((x & 0xffff) << 16) >> 16, true);
    else view.setFloat32(base + 4 * i, x, true);
  });
  return out;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
