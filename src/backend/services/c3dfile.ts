// File-backed C3D services: a ByteSource over a file descriptor with one reusable chunk buffer (so a 200 MB C3D is
// decoded without holding the file in memory), and plain async functions for the CLI/API adapters.
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import type { ByteSource } from '../../core/formats/bytesource';
import type { Trial } from '../../core/model/trial';
import { readC3d, type ReadC3dOptions } from '../../core/formats/c3d/read';
import { c3dEncoder } from '../../core/formats/c3d/write';
import { inspectTrial } from '../../core/inspect/inspect';
import { KinetwinError, inFile } from '../../core/errors';
import { sniffFormat } from '../../core/formats/sniff';
import { basename } from 'node:path';

export interface FileByteSource extends ByteSource {
  close(): void;
}

/** Opens `path` read-only; `read` returns a view of a reusable buffer, valid until the next `read`. */
export function openFileByteSource(path: string): FileByteSource {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  let buffer = new Uint8Array(0);
  let closed = false;
  return {
    size,
    read(offset: number, length: number): Uint8Array {
      if (closed) throw new Error(`${path} is closed`);
      if (offset < 0 || length < 0 || offset + length > size) throw new RangeError(`read ${offset}+${length} outside ${size} bytes`);
      if (buffer.length < length) buffer = new Uint8Array(new ArrayBuffer(Math.max(length, 65536)));
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buffer, done, length - done, offset + done);
        if (n === 0) throw new RangeError(`unexpected end of ${path} at ${offset + done}`);
        done += n;
      }
      return buffer.subarray(0, length);
    },
    close(): void {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
}

/** Reports how far a reader has got through a byte source (the furthest byte read), at most every 1%. */
export function withReadProgress(source: FileByteSource, onProgress: (done: number, total: number) => void): FileByteSource {
  let furthest = 0;
  let reported = -1;
  return {
    size: source.size,
    close: () => source.close(),
    read(offset: number, length: number): Uint8Array {
      const bytes = source.read(offset, length);
      furthest = Math.max(furthest, offset + length);
      const pct = Math.floor((100 * furthest) / Math.max(1, source.size));
      if (pct > reported) {
        reported = pct;
        onProgress(furthest, source.size);
      }
      return bytes;
    },
  };
}

/** Reads a C3D file into a Trial, streaming the data section. */
export async function readC3dFile(path: string, options: ReadC3dOptions & { onProgress?: (done: number, total: number) => void } = {}): Promise<Trial> {
  let source: FileByteSource | null = null;
  try {
    source = openFileByteSource(path);
    if (options.onProgress) source = withReadProgress(source, options.onProgress);
    return readC3d(source, options);
  } catch (err) {
    throw inFile(path, err);
  } finally {
    source?.close();
  }
}

/** JSON summary of a C3D file (see src/core/inspect/inspect.ts), with chosen frames' values. */
export async function inspectC3dFile(path: string, options: { frames?: number[] } = {}): Promise<Record<string, unknown>> {
  const trial = await readC3dFile(path);
  try {
    return inspectTrial(trial, options);
  } catch (err) {
    throw inFile(path, err);
  }
}

/** JSON summary of any recording: C3D streamed here, other formats through `openOther` (e.g. openTrialFile). */
export async function inspectFile(
  path: string,
  options: { frames?: number[] },
  openOther: (path: string) => Promise<{ trial: Trial }>,
): Promise<Record<string, unknown>> {
  let head: Uint8Array;
  let source: FileByteSource | null = null;
  try {
    source = openFileByteSource(path);
    head = source.read(0, Math.min(source.size, 65536)).slice();
  } catch (err) {
    throw inFile(path, err);
  } finally {
    source?.close();
  }
  if (sniffFormat(basename(path), head).format === 'c3d') return inspectC3dFile(path, options);
  const { trial } = await openOther(path);
  try {
    return inspectTrial(trial, options);
  } catch (err) {
    throw inFile(path, err);
  }
}

/** Writes `trial` as an Intel float C3D, encoding the data section in chunks of ~4 MiB. */
export async function writeC3dFile(trial: Trial, path: string): Promise<{ path: string; bytes: number; frames: number }> {
  let fd = -1;
  try {
    const enc = c3dEncoder(trial);
    fd = openSync(path, 'w');
    writeAll(fd, enc.head);
    const chunkFrames = enc.frameBytes > 0 ? Math.max(1, Math.floor((4 << 20) / enc.frameBytes)) : 0;
    const chunk = new Uint8Array(new ArrayBuffer(Math.max(512, chunkFrames * enc.frameBytes)));
    let written = enc.head.length;
    for (let f = 0; f < enc.frames && chunkFrames > 0; f += chunkFrames) {
      const n = Math.min(chunkFrames, enc.frames - f);
      const part = chunk.subarray(0, n * enc.frameBytes);
      enc.encodeFrames(f, n, part);
      writeAll(fd, part);
      written += part.length;
    }
    if (written < enc.size) writeAll(fd, new Uint8Array(enc.size - written));
    return { path, bytes: enc.size, frames: enc.frames };
  } catch (e) {
    throw e instanceof KinetwinError ? inFile(path, e) : new KinetwinError(`cannot write: ${(e as Error).message}`, path);
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}
