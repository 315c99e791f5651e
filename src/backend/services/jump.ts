// Jump and landing analysis of a force-plate text file (one vertical-force column per plate, N):
// reads the file, hands the channels to the pure core analysis, names the file in every error.
import { readFile, stat } from 'node:fs/promises';
import { inFile, KinetwinError } from '../../core/errors';
import { readForceText } from '../../core/formats/forcetext/read';
import { readC3d } from '../../core/formats/c3d/read';
import { sniffFormat } from '../../core/formats/sniff';
import { forcePlateOutputs } from '../../core/forceplate/outputs';
import { analyzeJump } from '../../core/jump/analyzeJump';
import type { JumpOptions, JumpReport } from '../../core/jump/types';

export interface JumpFileOptions extends JumpOptions {
  rate?: number; // Hz; the text files do not store it (default 1000 Hz, with a warning)
}

export interface JumpFileReport extends JumpReport {
  file: string;
  plates: string[]; // column labels as in the file (forces[0] = left, forces[1] = right for asymmetry)
  rateAssumed: boolean; // true when no rate was given and 1000 Hz was used
}

const MAX_BYTES = 256 * 1024 * 1024; // a 10-minute 2-plate recording at 1 kHz is ~10 MB

export async function analyzeJumpFile(path: string, options: JumpFileOptions = {}): Promise<JumpFileReport> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new KinetwinError('not a file');
    if (info.size > MAX_BYTES) throw new KinetwinError(`file is ${info.size} bytes, larger than the ${MAX_BYTES}-byte limit for a force text file`);
    const bytes = new Uint8Array(await readFile(path));
    if (sniffFormat(path, bytes.subarray(0, 1024)).format === 'c3d') return analyzeJumpC3d(path, bytes, options);
    const trial = readForceText(bytes, options.rate === undefined ? {} : { rate: options.rate });
    const analogs = trial.analogs;
    if (!analogs || analogs.channels.length === 0) throw new KinetwinError('no force channel in the file');
    const forces = analogs.channels.map((c) => Float64Array.from(c));
    const { rate: _rate, ...jumpOptions } = options;
    void _rate;
    const report = analyzeJump(forces, analogs.rate, jumpOptions);
    const rateAssumed = options.rate === undefined;
    if (rateAssumed) report.warnings.unshift(`sampling rate not stored in the file: ${analogs.rate} Hz assumed (give --rate)`);
    return { file: path, plates: analogs.descriptions.slice(), rateAssumed, ...report };
  } catch (err) {
    if (err instanceof KinetwinError) throw inFile(path, err);
    if (isNodeError(err) && (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR'))
      throw new KinetwinError(err.code === 'ENOENT' ? 'no such file' : `cannot read (${err.code})`, path);
    throw err;
  }
}

/** A C3D's force plates (e.g. a cohort export): each plate's vertical ground reaction (lab up axis), at the analog rate. */
function analyzeJumpC3d(path: string, bytes: Uint8Array, options: JumpFileOptions): JumpFileReport {
  const trial = readC3d(bytes);
  if (trial.forcePlates.length === 0) throw new KinetwinError('no force plate in the C3D file');
  const up = trial.metadata.upAxis === 'x' ? 0 : trial.metadata.upAxis === 'y' ? 1 : 2;
  const outputs = trial.forcePlates.map((_, i) => forcePlateOutputs(trial, i));
  const forces = outputs.map((o) => Float64Array.from({ length: o.samples }, (_, k) => o.force[k * 3 + up]));
  const { rate: _rate, ...jumpOptions } = options;
  void _rate;
  const report = analyzeJump(forces, outputs[0].rate, jumpOptions);
  return { file: path, plates: outputs.map((_, i) => `plate ${i + 1}`), rateAssumed: false, ...report };
}

function isNodeError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && 'code' in err;
}
