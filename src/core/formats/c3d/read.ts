// readC3d: a C3D file (Intel, DEC or MIPS; integer or float storage) → Trial. Follows the header's block pointers,
// bounds every count by the bytes present, and turns tolerable oddities into warnings.
import type { ByteSource } from '../bytesource';
import { toByteSource } from '../bytesource';
import type { ForcePlate, Trial } from '../../model/trial';
import { KinetwinError } from '../../errors';
import { parseHeader } from './header';
import { processorFromByte } from './processor';
import { parseParameters, type C3dParameters } from './parameters';
import { getCount, getNumber, getNumbers, getNumbersContinued, getParam, getString, getStrings, getStringsContinued } from './paramAccess';
import { decodeData, frameBytes, type DataLayout } from './data';
import { readEvents } from './events';
import { readForcePlates } from './plates';
import { splitSubjects } from './subjects';
import { lengthUnitsPerMetre } from './units';

export interface ReadC3dOptions {
  /** Read parameters and header only (no data section): data arrays are empty, `frames` still stated. */
  headerOnly?: boolean;
}

export function readC3d(input: ByteSource | Uint8Array, options: ReadC3dOptions = {}): Trial {
  try {
    return readC3dUnchecked(toByteSource(input), options);
  } catch (e) {
    if (e instanceof KinetwinError) throw e;
    if (e instanceof RangeError) throw new KinetwinError(`truncated or malformed C3D (${e.message})`);
    throw e;
  }
}

function readC3dUnchecked(source: ByteSource, options: ReadC3dOptions): Trial {
  const warnings: string[] = [];
  if (source.size < 512) throw new KinetwinError(`file too small for a C3D header (${source.size} bytes)`);
  const headerBytes = source.read(0, 512).slice();
  if (headerBytes[1] !== 0x50) throw new KinetwinError(`not a C3D file (header key byte is ${headerBytes[1]}, expected 80)`);
  let parameterBlock = headerBytes[0];
  if (parameterBlock === 0) {
    warnings.push('header parameter pointer is 0; assuming block 2');
    parameterBlock = 2;
  }
  const paramStart = (parameterBlock - 1) * 512;
  if (paramStart + 4 > source.size) throw new KinetwinError(`parameter section (block ${parameterBlock}) is beyond the end of the file`);
  const paramHead = source.read(paramStart, 4);
  const blockCount = paramHead[2];
  const header = parseHeader(headerBytes, processorFromByte(paramHead[3]));
  // the section may not run into the data section (when that follows it), nor past 255 blocks or the file
  const dataStartGuess = (header.dataBlock - 1) * 512;
  const paramLimit = dataStartGuess > paramStart ? dataStartGuess : paramStart + 255 * 512;
  const paramLength = Math.min(source.size, paramLimit, paramStart + Math.max(blockCount, 1) * 512 + 255 * 512) - paramStart;
  if (blockCount > 0 && paramStart + blockCount * 512 > source.size) warnings.push('parameter section truncated by the end of the file');
  const params = parseParameters(source.read(paramStart, paramLength).slice(), warnings);
  const processor = params.processor;

  // points
  const statedPoints = getCount(params, 'POINT', 'USED');
  const paramScale = getNumber(params, 'POINT', 'SCALE');
  let pointScale = paramScale ?? header.scale;
  if (paramScale === undefined) warnings.push('POINT:SCALE missing; using the header scale');
  if (!Number.isFinite(pointScale) || pointScale === 0) {
    warnings.push(`POINT:SCALE ${pointScale} is unusable; assuming float storage with scale -1`);
    pointScale = -1;
  }
  if (paramScale !== undefined && Number.isFinite(header.scale) && Math.sign(header.scale) !== Math.sign(paramScale) && header.scale !== 0) {
    warnings.push('header and POINT:SCALE disagree on storage; using POINT:SCALE');
  }
  const storage: 'integer' | 'float' = pointScale < 0 ? 'float' : 'integer';
  let rate = getNumber(params, 'POINT', 'RATE') ?? NaN;
  if (!(rate > 0 && rate < 1e7)) {
    if (!Number.isNaN(rate)) warnings.push(`POINT:RATE ${rate} invalid; using the header rate`);
    else warnings.push('POINT:RATE missing; using the header rate');
    rate = header.frameRate;
  }
  if (!(rate > 0 && rate < 1e7)) throw new KinetwinError('no valid point rate in POINT:RATE or the header');
  let units = getString(params, 'POINT', 'UNITS') ?? '';
  let unitsPerMetre = lengthUnitsPerMetre(units);
  if (unitsPerMetre === undefined) {
    warnings.push(units ? `unknown POINT:UNITS '${units}'; assuming mm` : 'POINT:UNITS missing; assuming mm');
    units = 'mm';
    unitsPerMetre = 1000;
  }

  // analogs
  const statedChannels = getCount(params, 'ANALOG', 'USED');
  const headerChannels = header.analogSamplesPerFrame > 0 ? header.analogPerFrame / header.analogSamplesPerFrame : 0;
  let channels = statedChannels ?? headerChannels;
  if (statedChannels === 0 && header.analogPerFrame > 0 && Number.isInteger(headerChannels) && headerChannels > 0) {
    // the frames hold analog samples even though ANALOG:USED says none: keep them so the frame stride is right
    warnings.push(`ANALOG:USED is 0 but the header stores ${header.analogPerFrame} analog values per frame; reading ${headerChannels} channels`);
    channels = headerChannels;
  }
  if (!Number.isInteger(channels)) channels = 0;
  let subframes = 0;
  const analogRateParam = getNumber(params, 'ANALOG', 'RATE');
  if (channels > 0) {
    if (header.analogPerFrame > 0 && header.analogPerFrame % channels === 0) subframes = header.analogPerFrame / channels;
    else if (analogRateParam && analogRateParam > 0 && analogRateParam / rate <= 65535) subframes = Math.round(analogRateParam / rate);
    if (analogRateParam && analogRateParam > 0 && Math.abs(analogRateParam / rate - subframes) > 1e-3) {
      warnings.push(`ANALOG:RATE/POINT:RATE (${analogRateParam}/${rate}) disagrees with ${subframes} samples per frame in the header`);
    }
    if (subframes <= 0) {
      warnings.push('analog channels stated but no samples per frame; analogs ignored');
      channels = 0;
    }
  }
  const analogRate = subframes > 0 ? rate * subframes : 0;

  // data section
  const pointCount = resolvePointCount(statedPoints, header, storage, channels, subframes, source.size, warnings);
  let dataBlock = header.dataBlock;
  const paramDataStart = getCount(params, 'POINT', 'DATA_START');
  if (paramDataStart !== undefined && paramDataStart !== dataBlock) {
    warnings.push(`POINT:DATA_START (${paramDataStart}) differs from the header (${dataBlock}); using the header`);
  }
  if (!(dataBlock >= 1) || (dataBlock - 1) * 512 > source.size) {
    if (paramDataStart !== undefined && paramDataStart >= 1 && (paramDataStart - 1) * 512 <= source.size) dataBlock = paramDataStart;
    else throw new KinetwinError(`data section start block ${dataBlock} is outside the file`);
  }
  if (dataBlock === parameterBlock) throw new KinetwinError('data section starts at the parameter section');
  const dataOffset = (dataBlock - 1) * 512;
  const { firstFrame, frames: statedFrames } = resolveFrames(params, header.firstFrame, header.lastFrame, warnings);
  const layoutBase = { storage, pointCount, analogChannels: channels, subframes };
  const bytesPerFrame = frameBytes(layoutBase);
  let frames = statedFrames;
  if (bytesPerFrame > 0) {
    const available = Math.floor((source.size - dataOffset) / bytesPerFrame);
    if (available < frames) {
      warnings.push(`data section truncated: ${frames} frames stated, ${available} complete frames present`);
      frames = available;
    } else if (header.lastFrame === 65535 && available > frames && statedFrames === 65535 - firstFrame + 1) {
      warnings.push(`header frame count saturated at 65535; reading the ${available} frames present`);
      frames = available;
    }
  } else if (frames > 1e7) {
    frames = 0;
  }

  const analogFormat = (getString(params, 'ANALOG', 'FORMAT') ?? 'SIGNED').toUpperCase();
  const { offset, factor } = analogScaling(params, channels, warnings);
  const layout: DataLayout = {
    processor,
    ...layoutBase,
    frames: options.headerOnly ? 0 : frames,
    dataOffset,
    pointScale,
    unitsPerMetre,
    analogOffset: offset,
    analogFactor: factor,
    analogUnsigned: storage === 'integer' && analogFormat === 'UNSIGNED',
  };
  const decoded = decodeData(source, layout);

  // labels
  const rawLabels = fitLength(getStringsContinued(params, 'POINT', 'LABELS'), pointCount, (i) => `P${i + 1}`, 'POINT:LABELS', warnings);
  const split = splitSubjects(params, rawLabels);
  warnDuplicates(split.labels, 'point', warnings);
  const pointDescriptions = fitLength(getStringsContinued(params, 'POINT', 'DESCRIPTIONS'), pointCount, () => '', '', []);
  const analogLabels = fitLength(getStringsContinued(params, 'ANALOG', 'LABELS'), channels, (i) => `A${i + 1}`, 'ANALOG:LABELS', warnings);
  warnDuplicates(analogLabels, 'analog', warnings);
  const analogDescriptions = fitLength(getStringsContinued(params, 'ANALOG', 'DESCRIPTIONS'), channels, () => '', '', []);
  const analogUnits = fitLength(getStringsContinued(params, 'ANALOG', 'UNITS'), channels, () => '', '', []).map((u) => u.trim());

  const extra: Record<string, unknown> = {
    c3d: {
      pointScale,
      parameterBlock,
      dataBlock,
      maxInterpolationGap: header.maxInterpolationGap,
      analogFormat,
      analogBits: getNumber(params, 'ANALOG', 'BITS'),
      headerEvents: header.events,
      pointSubjects: split.subjectOfLabel.some((s) => s >= 0) ? split.subjectOfLabel : undefined,
      forcePlateZero: getNumbers(params, 'FORCE_PLATFORM', 'ZERO'),
      cameraRate: getNumber(params, 'TRIAL', 'CAMERA_RATE'),
    },
  };
  if (split.names.length > 0) extra.personal = { names: split.names };
  const rotation = params.groups.get('ROTATION');
  if (rotation) {
    const r: Record<string, unknown> = {};
    for (const p of rotation.params.values()) r[p.name] = p.type === -1 ? p.strings : p.numbers;
    extra.rotation = r;
  }
  const company = getString(params, 'MANUFACTURER', 'COMPANY');
  const software = [getString(params, 'MANUFACTURER', 'SOFTWARE'), getString(params, 'MANUFACTURER', 'VERSION_LABEL')].filter((s) => s).join(' ');

  const forcePlates = readForcePlates(params, unitsPerMetre, channels, warnings);
  const trial: Trial = {
    points:
      pointCount > 0
        ? {
            labels: split.labels,
            descriptions: pointDescriptions,
            rate,
            frames: layout.frames,
            firstFrame,
            originalUnits: units,
            data: decoded.points,
            residuals: decoded.residuals,
            cameraMasks: decoded.cameraMasks,
          }
        : null,
    analogs:
      channels > 0
        ? { labels: analogLabels, descriptions: analogDescriptions, units: analogUnits, rate: analogRate, samples: layout.frames * subframes, channels: decoded.analogs }
        : null,
    forcePlates,
    events: readEvents(params, header.events, warnings),
    metadata: { format: 'c3d', upAxis: upAxis(params, forcePlates), processor, storage, warnings, extra },
  };
  if (company) trial.metadata.vendor = company;
  if (software) trial.metadata.software = software;
  if (options.headerOnly) extra.statedFrames = frames;
  return trial;
}

/** POINT:USED, or the header's count when missing; when they differ, the one whose frames fit the data section. */
function resolvePointCount(
  param: number | undefined,
  header: ReturnType<typeof parseHeader>,
  storage: 'integer' | 'float',
  channels: number,
  subframes: number,
  size: number,
  warnings: string[],
): number {
  if (param === undefined) {
    warnings.push(`POINT:USED missing; using the header count ${header.pointCount}`);
    return header.pointCount;
  }
  if (param === header.pointCount) return param;
  const frames = header.lastFrame >= header.firstFrame ? header.lastFrame - header.firstFrame + 1 : 0;
  const fits = (p: number): boolean => (header.dataBlock - 1) * 512 + frames * frameBytes({ storage, pointCount: p, analogChannels: channels, subframes }) <= size;
  const choice = fits(param) || !fits(header.pointCount) ? param : header.pointCount;
  warnings.push(`POINT:USED (${param}) differs from the header (${header.pointCount}); using ${choice}${choice === param ? '' : ', which fits the data section'}`);
  return choice;
}

/** First frame and frame count: TRIAL:ACTUAL_*_FIELD (32-bit), POINT:LONG_FRAMES, POINT:FRAMES, then the header. */
function resolveFrames(params: C3dParameters, headerFirst: number, headerLast: number, warnings: string[]): { firstFrame: number; frames: number } {
  const start = getNumbers(params, 'TRIAL', 'ACTUAL_START_FIELD');
  const end = getNumbers(params, 'TRIAL', 'ACTUAL_END_FIELD');
  const headerFrames = headerLast >= headerFirst ? headerLast - headerFirst + 1 : 0;
  if (start && end && start.length >= 2 && end.length >= 2) {
    const first = (start[0] & 0xffff) + (start[1] & 0xffff) * 65536;
    const last = (end[0] & 0xffff) + (end[1] & 0xffff) * 65536;
    if (last >= first - 1 && first >= 0) return { firstFrame: first, frames: last - first + 1 };
    warnings.push('TRIAL:ACTUAL_START_FIELD/END_FIELD inconsistent; ignored');
  }
  const long = getNumber(params, 'POINT', 'LONG_FRAMES');
  if (long !== undefined && long > headerFrames && Number.isInteger(long)) return { firstFrame: headerFirst, frames: long };
  const framesParam = getParam(params, 'POINT', 'FRAMES');
  if (framesParam && framesParam.numbers.length > 0) {
    const v = framesParam.type === 4 ? framesParam.numbers[0] : framesParam.numbers[0] & 0xffff;
    if (v > headerFrames && Number.isInteger(v)) return { firstFrame: headerFirst, frames: v };
  }
  return { firstFrame: headerFirst, frames: headerFrames };
}

/** ANALOG:OFFSET per channel and ANALOG:SCALE × ANALOG:GEN_SCALE per channel. */
function analogScaling(params: C3dParameters, channels: number, warnings: string[]): { offset: Float64Array; factor: Float64Array } {
  const offset = new Float64Array(channels);
  const factor = new Float64Array(channels).fill(1);
  if (channels === 0) return { offset, factor };
  const gen = getNumber(params, 'ANALOG', 'GEN_SCALE') ?? 1;
  const scales = getNumbersContinued(params, 'ANALOG', 'SCALE') ?? [];
  const offsets = getNumbersContinued(params, 'ANALOG', 'OFFSET') ?? [];
  const unsignedOffsets = (getString(params, 'ANALOG', 'FORMAT') ?? '').toUpperCase() === 'UNSIGNED';
  if (scales.length < channels) warnings.push(`ANALOG:SCALE has ${scales.length} of ${channels} values; missing ones taken as 1`);
  if (offsets.length < channels) warnings.push(`ANALOG:OFFSET has ${offsets.length} of ${channels} values; missing ones taken as 0`);
  for (let c = 0; c < channels; c++) {
    factor[c] = (c < scales.length ? scales[c] : 1) * gen;
    const o = c < offsets.length ? offsets[c] : 0;
    offset[c] = unsignedOffsets ? o & 0xffff : o;
  }
  return { offset, factor };
}

function fitLength(values: string[] | undefined, n: number, fill: (i: number) => string, name: string, warnings: string[]): string[] {
  const v = (values ?? []).slice(0, n).map((s) => s.trim());
  if (name && n > 0 && v.length < n) warnings.push(`${name} has ${v.length} of ${n} labels; generated the rest`);
  for (let i = v.length; i < n; i++) v.push(fill(i));
  return v;
}

function warnDuplicates(labels: string[], kind: string, warnings: string[]): void {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const l of labels) (seen.has(l) ? dup : seen).add(l);
  if (dup.size > 0) warnings.push(`duplicate ${kind} labels: ${[...dup].slice(0, 10).join(', ')}${dup.size > 10 ? ' …' : ''}`);
}

/** Lab up axis from POINT:Y_SCREEN ('+Z' → z), else the force plates' normal, else Z (the usual C3D lab). */
function upAxis(params: C3dParameters, plates: ForcePlate[]): 'x' | 'y' | 'z' {
  const y = (getStrings(params, 'POINT', 'Y_SCREEN') ?? [])[0]?.trim().toUpperCase() ?? '';
  const axis = y.replace(/^[+-]/, '');
  if (axis === 'X' || axis === 'Y' || axis === 'Z') return axis === 'X' ? 'x' : axis === 'Y' ? 'y' : 'z';
  if (plates.length > 0) {
    const c = plates[0].corners;
    const u = [c[0] - c[6], c[1] - c[7], c[2] - c[8]]; // diagonals span the plate surface
    const v = [c[3] - c[9], c[4] - c[10], c[5] - c[11]];
    const n = [Math.abs(u[1] * v[2] - u[2] * v[1]), Math.abs(u[2] * v[0] - u[0] * v[2]), Math.abs(u[0] * v[1] - u[1] * v[0])];
    if (n[0] > n[1] && n[0] > n[2]) return 'x';
    if (n[1] > n[0] && n[1] > n[2]) return 'y';
  }
  return 'z';
}
