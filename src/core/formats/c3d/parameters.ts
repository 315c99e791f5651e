// The C3D parameter section (C3D user guide, "The parameter section"): a 4-byte header, then group and parameter
// records linked by signed 16-bit "offset to next record" words. Parsing is bounded by the section's block count
// and the bytes present; every size is checked against the remaining bytes before anything is allocated.
import type { Processor } from './processor';
import { processorFromByte, readFloat32, readInt16 } from './processor';
import { KinetwinError } from '../../errors';

/** Data type byte: -1 char, 1 byte, 2 int16, 4 float32. */
export type C3dParamType = -1 | 1 | 2 | 4;

export interface C3dParameter {
  name: string; // upper case
  type: C3dParamType;
  dims: number[]; // C3D order (first dimension varies fastest); [] for a scalar
  numbers: number[]; // type 1/2/4 values in storage order (int16 as signed; see `asUnsigned`)
  strings: string[]; // type -1: one string per column of dims[0] characters, trailing blanks trimmed
  description: string;
  locked: boolean;
}

export interface C3dGroup {
  name: string;
  id: number; // positive group number
  description: string;
  params: Map<string, C3dParameter>;
}

export interface C3dParameters {
  processor: Processor;
  blockCount: number; // blocks stated in the section header
  groups: Map<string, C3dGroup>; // by upper-case name
}

const MAX_ELEMENTS = 1 << 24; // no real parameter comes near this; guards hostile dimension products

/** Parses the parameter section. `bytes` starts at the section; `warnings` collects tolerated oddities. */
export function parseParameters(bytes: Uint8Array, warnings: string[]): C3dParameters {
  if (bytes.length < 4) throw new KinetwinError('parameter section truncated');
  const processor = processorFromByte(bytes[3]);
  const blockCount = bytes[2];
  const end = bytes.length; // hard bound: bytes available before the data section
  const statedEnd = blockCount > 0 ? Math.min(end, blockCount * 512) : end; // no record starts past the stated blocks
  if (blockCount === 0) warnings.push('parameter section states 0 blocks; parsing up to the data section');
  let overran = false;
  const byId = new Map<number, C3dGroup>();
  const pending: Array<{ groupId: number; param: C3dParameter }> = [];
  let pos = 4;
  while (pos + 2 <= statedEnd) {
    const nameLenRaw = (bytes[pos] << 24) >> 24;
    const id = (bytes[pos + 1] << 24) >> 24;
    const nameLen = Math.abs(nameLenRaw);
    if (nameLen === 0 || id === 0) break;
    const nameStart = pos + 2;
    const nextWordPos = nameStart + nameLen;
    if (nextWordPos + 2 > end) {
      warnings.push('parameter section ends inside a record');
      break;
    }
    const name = ascii(bytes, nameStart, nameLen).toUpperCase();
    const offset = readInt16(bytes, nextWordPos, processor);
    const recordEnd = offset > 0 ? Math.min(nextWordPos + offset, end) : end;
    if (recordEnd > statedEnd && offset > 0 && !overran) {
      overran = true;
      warnings.push(`parameter ${name} extends past the ${blockCount} block(s) the section states`);
    }
    const p = nextWordPos + 2;
    if (id < 0) {
      const descLen = p < recordEnd ? bytes[p] : 0;
      const description = p + 1 + descLen <= recordEnd ? ascii(bytes, p + 1, descLen) : '';
      const gid = -id;
      const existing = byId.get(gid);
      if (existing) warnings.push(`duplicate parameter group ${gid} (${name}); keeping the first`);
      else byId.set(gid, { name, id: gid, description, params: new Map() });
    } else {
      const param = parseParameterBody(bytes, p, recordEnd, name, processor, nameLenRaw < 0);
      if (param) pending.push({ groupId: id, param });
      else warnings.push(`parameter ${name} is truncated or malformed; skipped`);
    }
    if (offset <= 0) break; // 0 marks the last record; a backward link would loop
    pos = nextWordPos + offset;
  }
  const groups = new Map<string, C3dGroup>();
  for (const g of byId.values()) {
    if (groups.has(g.name)) warnings.push(`duplicate parameter group name ${g.name}; keeping the first`);
    else groups.set(g.name, g);
  }
  for (const { groupId, param } of pending) {
    let group = byId.get(groupId);
    if (!group) {
      warnings.push(`parameter ${param.name} belongs to undeclared group ${groupId}`);
      group = { name: `GROUP${groupId}`, id: groupId, description: '', params: new Map() };
      byId.set(groupId, group);
      groups.set(group.name, group);
    }
    if (group.params.has(param.name)) warnings.push(`duplicate parameter ${group.name}:${param.name}; keeping the first`);
    else group.params.set(param.name, param);
  }
  return { processor, blockCount, groups };
}

function parseParameterBody(
  bytes: Uint8Array,
  start: number,
  end: number,
  name: string,
  processor: Processor,
  locked: boolean,
): C3dParameter | null {
  let p = start;
  if (p + 2 > end) return null;
  const type = (bytes[p] << 24) >> 24;
  if (type !== -1 && type !== 1 && type !== 2 && type !== 4) return null;
  const dimCount = bytes[p + 1];
  p += 2;
  if (p + dimCount > end) return null;
  const dims: number[] = [];
  let count = 1;
  for (let i = 0; i < dimCount; i++) {
    dims.push(bytes[p + i]);
    count *= bytes[p + i];
  }
  p += dimCount;
  const size = Math.abs(type);
  if (count > MAX_ELEMENTS || p + count * size > end) return null;
  const numbers: number[] = [];
  const strings: string[] = [];
  if (type === -1) {
    const width = dimCount === 0 ? 1 : dims[0];
    const columns = width === 0 ? 0 : count / width;
    for (let i = 0; i < columns; i++) strings.push(ascii(bytes, p + i * width, width).replace(/[\0 ]+$/, ''));
  } else {
    for (let i = 0; i < count; i++) {
      const o = p + i * size;
      numbers.push(type === 1 ? bytes[o] : type === 2 ? readInt16(bytes, o, processor) : readFloat32(bytes, o, processor));
    }
  }
  p += count * size;
  const descLen = p < end ? bytes[p] : 0;
  const description = p + 1 + descLen <= end ? ascii(bytes, p + 1, descLen).replace(/[\0 ]+$/, '') : '';
  return { name, type: type as C3dParamType, dims, numbers, strings, description, locked };
}

/** Latin-1 decoding of `length` bytes (C3D strings are 8-bit, usually ASCII). */
export function ascii(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(bytes[start + i]);
  return s;
}
