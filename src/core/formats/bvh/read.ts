// Biovision BVH → skeleton (joints, offsets, channel orders) + motion (frames × channels).
// HIERARCHY: ROOT/JOINT name { OFFSET x y z  CHANNELS n …  children  End Site { OFFSET x y z } }; several ROOTs
// are allowed. MOTION: `Frames: n`, `Frame Time: dt`, then n rows of channel values (positions in file units,
// rotations in degrees). BVH carries no unit: files are usually centimetres, so cm is assumed unless the
// caller says otherwise or the rest pose is implausible for cm (extent < 5 → metres; > 500 → millimetres).

import { KinetwinError } from '../../errors';
import { toText } from '../delimited/text';
import { lengthScale } from '../units';

export type BvhChannel = 'Xposition' | 'Yposition' | 'Zposition' | 'Xrotation' | 'Yrotation' | 'Zrotation';
const CHANNELS = new Set<string>(['Xposition', 'Yposition', 'Zposition', 'Xrotation', 'Yrotation', 'Zrotation']);

export interface BvhJoint {
  name: string; // End Sites are named '<parent>_End'
  parent: number; // index into joints, -1 for a root
  offset: Float64Array; // 3, file units, in the parent's frame
  channels: BvhChannel[]; // in file order (rotation order = the order rotations are listed)
  channelStart: number; // index of the joint's first channel in a motion row
  endSite: boolean;
}

export interface BvhMotion {
  joints: BvhJoint[]; // depth-first file order: every parent precedes its children
  frames: number;
  frameTime: number; // s
  rate: number; // Hz, 1 / frameTime
  channelCount: number;
  motion: Float64Array; // frames × channelCount, positions in file units, rotations in degrees
  originalUnits: string; // 'cm' unless stated or inferred otherwise
  scale: number; // metres per file unit
  warnings: string[];
}

export interface ReadBvhOptions {
  units?: 'mm' | 'cm' | 'm' | 'in'; // the file's length unit; default cm (inferred when implausible)
}

/** Tokens of the hierarchy with their line numbers, for error messages. */
function tokenize(text: string): { tokens: string[]; lines: number[] } {
  const tokens: string[] = [];
  const lines: number[] = [];
  const re = /[^\s]+/g;
  let line = 1;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    tokens.push(m[0]);
    lines.push(line);
  }
  return { tokens, lines };
}

/** Parse a BVH file (text or UTF-8 bytes). */
export function readBvh(input: string | Uint8Array, options: ReadBvhOptions = {}): BvhMotion {
  const text = toText(input);
  const motionAt = text.search(/^[ \t]*MOTION\b/m); // [ \t]*, not \s*: linear on hostile whitespace
  if (!/^\s*HIERARCHY\b/.test(text)) throw new KinetwinError('not a BVH file: it must start with HIERARCHY');
  if (motionAt < 0) throw new KinetwinError('BVH file is truncated: no MOTION section');
  const { tokens, lines } = tokenize(text.slice(0, motionAt));
  const warnings: string[] = [];
  const joints: BvhJoint[] = [];
  let pos = 1; // after HIERARCHY
  let channelCount = 0;

  const where = () => `line ${lines[Math.min(pos, lines.length - 1)] ?? 1}`;
  const next = (): string => {
    if (pos >= tokens.length) throw new KinetwinError('BVH hierarchy is truncated');
    return tokens[pos++];
  };
  const expect = (word: string) => {
    const t = next();
    if (t !== word) throw new KinetwinError(`BVH ${where()}: expected '${word}', found '${t}'`);
  };
  const number = (): number => {
    const t = next();
    const v = Number(t);
    if (t === '' || !Number.isFinite(v)) throw new KinetwinError(`BVH ${where()}: '${t}' is not a number`);
    return v;
  };
  const offset = (): Float64Array => { expect('OFFSET'); return new Float64Array([number(), number(), number()]); };

  const parseJoint = (name: string, parent: number, depth: number): void => {
    if (depth > 256) throw new KinetwinError('BVH hierarchy nests deeper than 256 joints');
    expect('{');
    const index = joints.length;
    const joint: BvhJoint = { name, parent, offset: offset(), channels: [], channelStart: channelCount, endSite: false };
    joints.push(joint);
    expect('CHANNELS');
    const n = number();
    if (!Number.isInteger(n) || n < 0 || n > 6) throw new KinetwinError(`BVH ${where()}: joint '${name}' declares ${n} channels (0–6 allowed)`);
    for (let i = 0; i < n; i++) {
      const c = next();
      if (!CHANNELS.has(c)) throw new KinetwinError(`BVH ${where()}: unknown channel '${c}' on joint '${name}'`);
      joint.channels.push(c as BvhChannel);
    }
    channelCount += n;
    for (;;) {
      const t = next();
      if (t === '}') return;
      if (t === 'JOINT') { parseJoint(next(), index, depth + 1); continue; }
      if (t === 'End') {
        expect('Site');
        expect('{');
        joints.push({ name: `${name}_End`, parent: index, offset: offset(), channels: [], channelStart: channelCount, endSite: true });
        expect('}');
        continue;
      }
      throw new KinetwinError(`BVH ${where()}: unexpected '${t}' in joint '${name}'`);
    }
  };

  while (pos < tokens.length) {
    const t = next();
    if (t !== 'ROOT') throw new KinetwinError(`BVH ${where()}: expected ROOT, found '${t}'`);
    parseJoint(next(), -1, 0);
  }
  if (joints.length === 0) throw new KinetwinError('BVH hierarchy has no ROOT');

  // MOTION section
  const motionText = text.slice(motionAt).replace(/^[ \t]*MOTION\b/, '');
  const header = /^\s*Frames:\s*(\S+)\s*Frame\s+Time:\s*(\S+)/i.exec(motionText);
  if (!header) throw new KinetwinError("BVH MOTION section lacks 'Frames:' and 'Frame Time:'");
  const declared = Number(header[1]);
  const frameTime = Number(header[2]);
  if (!Number.isInteger(declared) || declared < 0) throw new KinetwinError(`BVH 'Frames: ${header[1]}' is not a frame count`);
  if (!Number.isFinite(frameTime) || frameTime <= 0) throw new KinetwinError(`BVH 'Frame Time: ${header[2]}' is not a positive time`);
  const values = motionText.slice(header[0].length).trim();
  const cells = values === '' ? [] : values.split(/\s+/);
  if (channelCount === 0 && declared > 0) throw new KinetwinError('BVH hierarchy declares no channels but MOTION has frames');
  let frames = channelCount === 0 ? 0 : Math.floor(cells.length / channelCount);
  if (frames < declared) warnings.push(`BVH declares ${declared} frames but holds ${frames} complete frames; reading ${frames}`);
  if (frames > declared) { warnings.push(`BVH holds more values than its ${declared} frames; extra values ignored`); frames = declared; }
  else if (cells.length % Math.max(channelCount, 1) !== 0) warnings.push('BVH motion ends with a partial frame; it is ignored');
  const motion = new Float64Array(frames * channelCount); // frames × channels
  for (let i = 0; i < motion.length; i++) {
    const v = Number(cells[i]);
    if (!Number.isFinite(v)) throw new KinetwinError(`BVH motion value ${i + 1} ('${cells[i]}', frame ${Math.floor(i / channelCount) + 1}) is not a number`);
    motion[i] = v;
  }

  let units: string = options.units ?? 'cm';
  if (options.units === undefined) {
    const extent = restExtent(joints);
    if (extent > 0 && extent < 5) { units = 'm'; warnings.push(`BVH rest pose spans ${extent.toPrecision(3)} units: read as metres`); }
    else if (extent > 500) { units = 'mm'; warnings.push(`BVH rest pose spans ${extent.toPrecision(3)} units: read as millimetres`); }
  }
  return { joints, frames, frameTime, rate: 1 / frameTime, channelCount, motion, originalUnits: units, scale: lengthScale(units) as number, warnings };
}

/** Largest axis-aligned extent of the rest pose (offsets only), file units. */
function restExtent(joints: BvhJoint[]): number {
  const p = new Float64Array(joints.length * 3);
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  joints.forEach((j, i) => {
    for (let a = 0; a < 3; a++) {
      p[i * 3 + a] = (j.parent >= 0 ? p[j.parent * 3 + a] : 0) + j.offset[a];
      lo[a] = Math.min(lo[a], p[i * 3 + a]);
      hi[a] = Math.max(hi[a], p[i * 3 + a]);
    }
  });
  return Math.max(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]);
}
