// A random-access source of bytes, so that core parsers never touch the file system (arrow-js style):
// the backend passes a file-backed source (src/backend/services/c3dfile.ts), tests and the renderer pass bytes.

/** Random access to `size` bytes. `read` returns exactly `length` bytes starting at `offset`; the returned
 * view may be a reusable buffer owned by the source, valid only until the next `read` call. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Uint8Array;
}

/** Wraps bytes already in memory (no copy: `read` returns subarrays). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.byteLength,
    read(offset: number, length: number): Uint8Array {
      if (offset < 0 || length < 0 || offset + length > bytes.byteLength) {
        throw new RangeError(`read ${offset}+${length} outside ${bytes.byteLength} bytes`);
      }
      return bytes.subarray(offset, offset + length);
    },
  };
}

/** A ByteSource as given, or one wrapping a Uint8Array. */
export function toByteSource(source: ByteSource | Uint8Array): ByteSource {
  return source instanceof Uint8Array ? bytesSource(source) : source;
}
