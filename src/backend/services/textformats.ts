// File-level services for the non-C3D formats: open any recording (format sniffed from name + first bytes),
// convert between formats (C3D → TRC / GRF MOT, TRC/MOT → C3D, BVH → TRC, IMU/CSV → STO), training-load
// monitoring and header mapping. Plain async functions returning JSON-serialisable results.
import { open, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { inFile, KinetwinError } from '../../core/errors';
import type { Trial } from '../../core/model/trial';
import { sniffFormat, type SniffedFormat } from '../../core/formats/sniff';
import { readTrc } from '../../core/formats/trc/read';
import { readBvhTrial } from '../../core/formats/bvh/toTrial';
import { readImu } from '../../core/formats/imu/read';
import { readForceText } from '../../core/formats/forcetext/read';
import { readDelimited } from '../../core/formats/delimited/read';
import { readMot } from '../../core/formats/mot/read';
import { writeMot } from '../../core/formats/mot/write';
import { mapHeaders, type HeaderMapping } from '../../core/formats/headermap';
import { readTrainingLog } from '../../core/formats/traininglog/read';
import { loadMonitoring, type AthleteLoad } from '../../core/formats/traininglog/loadMonitoring';
import { readImuQuaternionSto } from '../../core/formats/imu/quaternionSto';
import { motTableToTrial } from '../../core/convert/motToTrial';
import { delimitedToTrial } from '../../core/convert/delimitedToTrial';
import { trialToTrc } from '../../core/convert/trc';
import { trialToGrfMot } from '../../core/convert/trialToGrfMot';
import { trialAnalogsToMot } from '../../core/convert/trialToMot';
import { convertAxes, type AxisConvention } from '../../core/convert/axes';
import { readC3dFile, writeC3dFile } from './c3dfile';

const MAX_TEXT_BYTES = 512 * 1024 * 1024;

export interface OpenOptions {
  onProgress?: (done: number, total: number) => void; // bytes read so far, file size
  rate?: number; // Hz, for files that do not store it (force text, Xsens without timestamps, CSV without time)
  bvhUnits?: 'mm' | 'cm' | 'm' | 'in';
}

export type ConvertTarget = 'trc' | 'mot' | 'grf' | 'sto' | 'c3d';

export interface ConvertOptions extends OpenOptions {
  to?: ConvertTarget; // default from the output extension (.mot with plates → GRF)
  units?: 'mm' | 'm'; // TRC output units
  axes?: AxisConvention; // express the output with this up axis (rotating from the trial's own)
}

export interface ConvertResult {
  input: string;
  output: string;
  from: SniffedFormat;
  to: ConvertTarget;
  upAxis: string;
  frames: number;
  points: number;
  analogChannels: number;
  rate: number;
  bytes: number;
  warnings: string[];
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new KinetwinError('not a file', path);
    if (info.size > MAX_TEXT_BYTES) throw new KinetwinError(`file is ${info.size} bytes, above the ${MAX_TEXT_BYTES}-byte limit`, path);
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if (err instanceof KinetwinError) throw err;
    const code = (err as { code?: string }).code;
    throw new KinetwinError(code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(err)})`, path);
  }
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
    if (!(await handle.stat()).isFile()) throw new KinetwinError('not a file', path);
    const buf = new Uint8Array(length);
    const { bytesRead } = await handle.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } catch (err) {
    if (err instanceof KinetwinError) throw err;
    const code = (err as { code?: string }).code;
    throw new KinetwinError(code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(err)})`, path);
  } finally {
    await handle?.close();
  }
}

/** Detect the format of a file from its name and first 64 KiB. */
export async function sniffFile(path: string): Promise<{ format: SniffedFormat; confidence: number }> {
  const bytes = await readBytes(path);
  return sniffFormat(basename(path), bytes.subarray(0, 65536));
}

/** Read any supported recording into a Trial (C3D through the C3D service). */
export async function openTrialFile(path: string, options: OpenOptions = {}): Promise<{ trial: Trial; format: SniffedFormat }> {
  // sniff from the first 64 KiB only: a C3D is then streamed by its reader, never held twice in memory
  const head = await readHead(path, 65536);
  const { format: sniffed } = sniffFormat(basename(path), head);
  if (sniffed === 'c3d') {
    try {
      return { trial: await readC3dFile(path, { onProgress: options.onProgress }), format: sniffed };
    } catch (err) {
      throw inFile(path, err);
    }
  }
  const bytes = await readBytes(path);
  const format = sniffed;
  try {
    switch (format) {
      case 'trc': return { trial: readTrc(bytes), format };
      case 'mot':
      case 'sto': {
        const table = readMot(bytes);
        const quats = (table.header.DataType ?? '').toLowerCase() === 'quaternion';
        return { trial: quats ? readImuQuaternionSto(bytes, { rate: options.rate }) : motTableToTrial(table), format };
      }
      case 'bvh': return { trial: readBvhTrial(bytes, { units: options.bvhUnits }), format };
      case 'imu-apdm':
      case 'imu-xsens': return { trial: readImu(bytes, { rate: options.rate }), format };
      case 'force-text': return { trial: readForceText(bytes, { rate: options.rate }), format };
      case 'csv': return { trial: delimitedToTrial(readDelimited(bytes), { rate: options.rate }), format };
      case 'training-log': throw new KinetwinError('a training log is not a recording: use `kinetwin analyze load`');
      case 'dicom': throw new KinetwinError('DICOM images are not recordings');
      default: throw new KinetwinError('unrecognised file format');
    }
  } catch (err) {
    throw inFile(path, err);
  }
}

function targetOf(output: string, trial: Trial, to?: ConvertTarget): ConvertTarget {
  if (to !== undefined) return to;
  const ext = extname(output).toLowerCase().slice(1);
  if (ext === 'trc' || ext === 'c3d' || ext === 'sto') return ext;
  if (ext === 'mot') return trial.forcePlates.length > 0 ? 'grf' : 'mot';
  throw new KinetwinError(`cannot tell the output format from '${basename(output)}': use .trc, .mot, .sto or .c3d, or --to`, output);
}

/** Convert `input` to `output` (format from --to or the output extension). */
export async function convertFile(input: string, output: string, options: ConvertOptions = {}): Promise<ConvertResult> {
  const { trial: source, format } = await openTrialFile(input, options);
  let trial = source;
  if (options.axes !== undefined) {
    const from: AxisConvention | null = trial.metadata.upAxis === 'z' ? 'z-up' : trial.metadata.upAxis === 'y' ? 'y-up' : null;
    if (from === null) throw new KinetwinError(`cannot convert axes of an ${trial.metadata.upAxis}-up trial`, input);
    if (from !== options.axes) trial = convertAxes(trial, from, options.axes);
  }
  const to = targetOf(output, trial, options.to);
  let bytes = 0;
  try {
    if (to === 'c3d') {
      bytes = (await writeC3dFile(trial, output)).bytes;
    } else {
      const text = to === 'trc' ? trialToTrc(trial, { units: options.units, fileName: basename(output) })
        : to === 'grf' ? trialToGrfMot(trial, { name: basename(output) })
        : writeMot(trialAnalogsToMot(trial, basename(output)), { version: to === 'sto' ? 3 : 1 });
      await writeFile(output, text);
      bytes = Buffer.byteLength(text);
    }
  } catch (err) {
    throw inFile(output, err);
  }
  return {
    input, output, from: format, to, upAxis: trial.metadata.upAxis,
    frames: trial.points?.frames ?? trial.analogs?.samples ?? 0,
    points: trial.points?.labels.length ?? 0,
    analogChannels: trial.analogs?.labels.length ?? 0,
    rate: trial.points?.rate ?? trial.analogs?.rate ?? 0,
    bytes, warnings: trial.metadata.warnings,
  };
}

const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);

export interface LoadReport {
  file: string;
  sessions: Array<{ line: number; date: string | null; athlete: string; sessionType: string; minutes: number | null; srpe: number | null; load: number | null; sleepHours: number | null; nutrition: string; injury: boolean | null; injuryNote: string }>;
  mapping: HeaderMapping[];
  athletes: AthleteLoad[];
  warnings: string[];
}

/** Training log → sessions, header mapping and load monitoring per athlete (NaN written as null). */
export async function analyzeLoadFile(path: string): Promise<LoadReport> {
  const bytes = await readBytes(path);
  try {
    const log = readTrainingLog(bytes);
    return {
      file: path,
      sessions: log.rows.map((r) => ({
        line: r.line, date: r.date, athlete: r.athlete, sessionType: r.sessionType, minutes: finite(r.minutes), srpe: finite(r.srpe),
        load: finite(r.load), sleepHours: finite(r.sleepHours), nutrition: r.nutrition, injury: r.injury, injuryNote: r.injuryNote,
      })),
      mapping: log.mapping,
      athletes: loadMonitoring(log.rows),
      warnings: log.warnings,
    };
  } catch (err) {
    throw inFile(path, err);
  }
}

/** Header mapping of a delimited file's header row (the first row with recognised fields, else the first row). */
export async function mapHeadersFile(path: string): Promise<{ file: string; delimiter: string; mapping: HeaderMapping[] }> {
  const bytes = await readBytes(path);
  try {
    const table = readDelimited(bytes);
    return { file: path, delimiter: table.delimiter, mapping: mapHeaders(table.headers) };
  } catch (err) {
    if (!(err instanceof KinetwinError)) throw err;
    try {
      const log = readTrainingLog(bytes); // non-numeric tables (training logs) still have headers
      return { file: path, delimiter: '', mapping: log.mapping };
    } catch (second) {
      throw inFile(path, second);
    }
  }
}
