// writeC3d: Trial → C3D bytes (Intel, float storage). Points are written in the trial's original units, choosing
// for each value the float32 whose reading (value / unitsPerMetre, rounded to float32) gives back the stored metres
// exactly, so readC3d(writeC3d(t)) reproduces points, residuals, camera masks, analogs, plates and events.
import type { Trial } from '../../model/trial';
import { KinetwinError } from '../../errors';
import { encodeHeader } from './header';
import { encodeParameters, type ParamGroupSpec, type ParamValue } from './paramEncode';
import { residualTable } from './data';
import { lengthUnitsPerMetre } from './units';

/** Header and parameters up front, then frames encoded on demand (for streaming large files). */
export interface C3dEncoder {
  head: Uint8Array; // header block + parameter section
  frames: number;
  frameBytes: number;
  size: number; // total file bytes (data padded to whole blocks)
  /** Encodes frames [frame0, frame0 + count) into `out` (count × frameBytes bytes, 4-byte aligned). */
  encodeFrames(frame0: number, count: number, out: Uint8Array): void;
}

export function writeC3d(trial: Trial): Uint8Array {
  const enc = c3dEncoder(trial);
  const out = new Uint8Array(enc.size);
  out.set(enc.head, 0);
  if (enc.frames > 0 && enc.frameBytes > 0) enc.encodeFrames(0, enc.frames, out.subarray(enc.head.length, enc.head.length + enc.frames * enc.frameBytes));
  return out;
}

export function c3dEncoder(trial: Trial): C3dEncoder {
  const points = trial.points;
  const analogs = trial.analogs;
  const P = points ? points.labels.length : 0;
  const F = points ? points.frames : analogs ? analogs.samples : 0;
  const rate = points ? points.rate : analogs ? analogs.rate : 0;
  const C = analogs ? analogs.channels.length : 0;
  let S = 0;
  if (analogs && C > 0) {
    S = F > 0 ? analogs.samples / F : Math.round(analogs.rate / rate);
    if (!Number.isInteger(S) || S < 1) throw new KinetwinError(`analog samples (${analogs.samples}) are not a whole multiple of ${F} frames`);
    if (analogs.channels.some((ch) => ch.length < analogs.samples)) throw new KinetwinError('an analog channel is shorter than `samples`');
  }
  if (!(rate > 0)) throw new KinetwinError('a C3D needs a positive point (or analog) rate');
  if (points && (points.data.length < F * P * 3 || points.residuals.length < F * P || points.cameraMasks.length < F * P)) {
    throw new KinetwinError('point arrays are shorter than frames × points');
  }
  const units = points?.originalUnits || 'mm';
  const unitsPerMetre = lengthUnitsPerMetre(units) ?? 1000;
  const scale = -pointScaleFor(trial, unitsPerMetre);
  const firstFrame = points ? points.firstFrame : 1;
  const frameBytes = (P * 4 + C * S) * 4;

  const groups = parameterGroups(trial, { P, F, C, S, rate, units, unitsPerMetre, scale, firstFrame });
  let params = encodeParameters(groups(2 + 1));
  const dataBlock = 2 + params.length / 512;
  params = encodeParameters(groups(dataBlock));
  if (2 + params.length / 512 !== dataBlock) throw new KinetwinError('parameter section size changed while encoding');
  const header = encodeHeader({
    parameterBlock: 2,
    pointCount: P,
    analogPerFrame: C * S,
    firstFrame,
    lastFrame: F > 0 ? firstFrame + F - 1 : firstFrame - 1,
    maxInterpolationGap: 0,
    scale,
    dataBlock,
    analogSamplesPerFrame: S,
    frameRate: rate,
    events: trial.events.slice(0, 18).map((e) => ({ time: e.time, display: true, label: e.label.slice(0, 4) })),
  });
  const head = new Uint8Array(512 + params.length);
  head.set(header, 0);
  head.set(params, 512);
  const dataBytes = F * frameBytes;
  const size = head.length + Math.ceil(dataBytes / 512) * 512;
  const rTable = residualTable(scale, unitsPerMetre);
  return {
    head,
    frames: F,
    frameBytes,
    size,
    encodeFrames(frame0: number, count: number, out: Uint8Array): void {
      if (out.byteOffset % 4 !== 0) throw new KinetwinError('encodeFrames needs a 4-byte aligned buffer');
      const values = new Float32Array(out.buffer, out.byteOffset, (count * frameBytes) / 4);
      encodeFrameValues(trial, frame0, count, P, C, S, unitsPerMetre, scale, rTable, values);
    },
  };
}

function encodeFrameValues(
  trial: Trial,
  frame0: number,
  count: number,
  P: number,
  C: number,
  S: number,
  unitsPerMetre: number,
  scale: number,
  rTable: Float32Array,
  values: Float32Array,
): void {
  const stride = P * 4 + C * S;
  const pts = trial.points;
  const absScale = Math.abs(scale);
  for (let f = 0; f < count; f++) {
    const vb = f * stride;
    const frame = frame0 + f;
    if (pts) {
      for (let p = 0; p < P; p++) {
        const o = frame * P + p;
        const x = pts.data[o * 3];
        const y = pts.data[o * 3 + 1];
        const z = pts.data[o * 3 + 2];
        const v = vb + p * 4;
        if (x !== x || y !== y || z !== z) {
          values[v] = 0;
          values[v + 1] = 0;
          values[v + 2] = 0;
          values[v + 3] = -1;
          continue;
        }
        values[v] = fileValue(x, unitsPerMetre);
        values[v + 1] = fileValue(y, unitsPerMetre);
        values[v + 2] = fileValue(z, unitsPerMetre);
        values[v + 3] = pts.cameraMasks[o] * 256 + residualByte(pts.residuals[o], unitsPerMetre, absScale, rTable);
      }
    }
    if (trial.analogs) {
      const ab = vb + P * 4;
      for (let s = 0; s < S; s++) {
        const sample = frame * S + s;
        for (let c = 0; c < C; c++) values[ab + s * C + c] = trial.analogs.channels[c][sample];
      }
    }
  }
}

const bits = new Float32Array(1);
const bitsInt = new Int32Array(bits.buffer);

/** float32 y (file units) with fround(y / unitsPerMetre) === x when one exists, else the nearest. */
function fileValue(x: number, unitsPerMetre: number): number {
  if (unitsPerMetre === 1) return x;
  const y = Math.fround(x * unitsPerMetre);
  if (Math.fround(y / unitsPerMetre) === x) return y;
  bits[0] = y;
  const base = bitsInt[0];
  for (const step of [1, -1, 2, -2]) {
    bitsInt[0] = base + (y >= 0 ? step : -step);
    const candidate = bits[0];
    if (Math.fround(candidate / unitsPerMetre) === x) return candidate;
  }
  return y;
}

/** Residual byte whose reading gives back `r` (metres); 0 for negative (unknown) residuals. */
function residualByte(r: number, unitsPerMetre: number, absScale: number, table: Float32Array): number {
  if (!(r > 0)) return 0;
  const b = Math.min(255, Math.max(0, Math.round((r * unitsPerMetre) / absScale)));
  if (table[b] === Math.fround(r)) return b;
  if (b > 0 && table[b - 1] === Math.fround(r)) return b - 1;
  if (b < 255 && table[b + 1] === Math.fround(r)) return b + 1;
  return b;
}

/** |POINT:SCALE|: the file's own when the trial came from a C3D, else one that spans the largest residual. */
function pointScaleFor(trial: Trial, unitsPerMetre: number): number {
  const c3d = trial.metadata.extra?.c3d as { pointScale?: unknown } | undefined;
  const stated = typeof c3d?.pointScale === 'number' ? Math.abs(c3d.pointScale) : NaN;
  if (Number.isFinite(stated) && stated > 0) return Math.fround(stated);
  let max = 0;
  const res = trial.points?.residuals;
  if (res) for (let i = 0; i < res.length; i++) if (res[i] > max) max = res[i];
  return max > 0 ? Math.fround((max * unitsPerMetre) / 255) : 1;
}

interface Sizes {
  P: number;
  F: number;
  C: number;
  S: number;
  rate: number;
  units: string;
  unitsPerMetre: number;
  scale: number;
  firstFrame: number;
}

function parameterGroups(trial: Trial, z: Sizes): (dataBlock: number) => ParamGroupSpec[] {
  return (dataBlock) => {
    const points = trial.points;
    const analogs = trial.analogs;
    const lastFrame = z.firstFrame + z.F - 1;
    const pointParams: ParamGroupSpec['params'] = [
      { name: 'USED', value: int16([z.P]) },
      { name: 'SCALE', value: float([z.scale]) },
      { name: 'RATE', value: float([z.rate]) },
      { name: 'DATA_START', value: int16([dataBlock]) },
      { name: 'FRAMES', value: z.F <= 65535 ? int16([z.F]) : float([z.F]) },
      { name: 'UNITS', value: strings([z.units]) },
      ...continued('LABELS', points?.labels ?? [], strings),
      ...continued('DESCRIPTIONS', points?.descriptions ?? [], strings),
      { name: 'X_SCREEN', value: strings([trial.metadata.upAxis === 'x' ? '+Y' : '+X']) },
      { name: 'Y_SCREEN', value: strings([`+${trial.metadata.upAxis.toUpperCase()}`]) },
    ];
    if (z.F > 65535) pointParams.push({ name: 'LONG_FRAMES', value: float([z.F]) });
    const groups: ParamGroupSpec[] = [{ name: 'POINT', params: pointParams }];
    groups.push({
      name: 'ANALOG',
      params: [
        { name: 'USED', value: int16([z.C]) },
        ...continued('LABELS', analogs?.labels ?? [], strings),
        ...continued('DESCRIPTIONS', analogs?.descriptions ?? [], strings),
        { name: 'GEN_SCALE', value: float([1]) },
        ...continued('SCALE', new Array<number>(z.C).fill(1), float),
        ...continued('OFFSET', new Array<number>(z.C).fill(0), int16),
        ...continued('UNITS', analogs?.units ?? [], strings),
        { name: 'RATE', value: float([z.S > 0 ? z.rate * z.S : z.rate]) },
        { name: 'FORMAT', value: strings(['SIGNED']) },
        { name: 'BITS', value: int16([16]) },
      ],
    });
    groups.push(forcePlateGroup(trial, z.unitsPerMetre));
    const events = trial.events;
    if (events.length > 255) throw new KinetwinError(`${events.length} events; a C3D EVENT group holds at most 255`);
    const times: number[] = [];
    for (const e of events) {
      const minutes = Math.floor(e.time / 60);
      times.push(minutes, e.time - minutes * 60);
    }
    groups.push({
      name: 'EVENT',
      params: [
        { name: 'USED', value: int16([events.length]) },
        { name: 'LABELS', value: strings(events.map((e) => e.label)) },
        { name: 'CONTEXTS', value: strings(events.map((e) => e.context)) },
        { name: 'DESCRIPTIONS', value: strings(events.map((e) => e.description ?? '')) },
        { name: 'TIMES', value: float(times, [2, events.length]) },
      ],
    });
    const trialParams: ParamGroupSpec['params'] = [];
    if (z.firstFrame >= 0 && lastFrame >= 0) {
      trialParams.push({ name: 'ACTUAL_START_FIELD', value: int16([z.firstFrame & 0xffff, Math.floor(z.firstFrame / 65536)]) });
      trialParams.push({ name: 'ACTUAL_END_FIELD', value: int16([lastFrame & 0xffff, Math.floor(lastFrame / 65536)]) });
    }
    groups.push({ name: 'TRIAL', params: trialParams });
    groups.push({ name: 'MANUFACTURER', params: [{ name: 'COMPANY', value: strings(['Kinetwin']) }, { name: 'SOFTWARE', value: strings(['Kinetwin']) }] });
    return groups;
  };
}

function forcePlateGroup(trial: Trial, unitsPerMetre: number): ParamGroupSpec {
  const plates = trial.forcePlates;
  const n = plates.length;
  if (n > 255) throw new KinetwinError('more than 255 force plates');
  const rows = plates.some((p) => p.type === 3) ? 8 : 6;
  const channel: number[] = [];
  const corners: number[] = [];
  const origin: number[] = [];
  const hasCal = plates.some((p) => p.calMatrix !== null);
  const cal: number[] = [];
  for (const p of plates) {
    for (let k = 0; k < rows; k++) channel.push(k < p.channels.length ? p.channels[k] + 1 : 0);
    for (let k = 0; k < 12; k++) corners.push(p.corners[k] * unitsPerMetre);
    for (let k = 0; k < 3; k++) origin.push(p.origin[k] * unitsPerMetre);
    if (hasCal) for (let c = 0; c < 6; c++) for (let r = 0; r < 6; r++) cal.push(p.calMatrix ? p.calMatrix[r * 6 + c] : 0);
  }
  const params: ParamGroupSpec['params'] = [
    { name: 'USED', value: int16([n]) },
    { name: 'TYPE', value: int16(plates.map((p) => p.type), [n]) },
    { name: 'ZERO', value: int16([1, 0]) },
    { name: 'CORNERS', value: float(corners, [3, 4, n]) },
    { name: 'ORIGIN', value: float(origin, [3, n]) },
    { name: 'CHANNEL', value: int16(channel, [rows, n]) },
  ];
  if (hasCal) params.push({ name: 'CAL_MATRIX', value: float(cal, [6, 6, n]) });
  return { name: 'FORCE_PLATFORM', params };
}

function continued<T>(name: string, values: T[], make: (v: T[]) => ParamValue): ParamGroupSpec['params'] {
  const out: ParamGroupSpec['params'] = [];
  for (let i = 0, k = 1; i < values.length || i === 0; i += 255, k++) {
    out.push({ name: k === 1 ? name : `${name}${k}`, value: make(values.slice(i, i + 255)) });
    if (values.length === 0) break;
  }
  return out;
}

const int16 = (values: number[], dims?: number[]): ParamValue => ({ kind: 'int16', values, dims: dims ?? [values.length] });
const float = (values: number[], dims?: number[]): ParamValue => ({ kind: 'float', values, dims: dims ?? (values.length === 1 ? [] : [values.length]) });
const strings = (values: string[]): ParamValue => ({ kind: 'strings', values });
