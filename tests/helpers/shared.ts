import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in tests/helpers). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Path inside ../shared/data (the real-data corpus that sits beside the repository, in CI too). */
export function sharedData(...parts: string[]): string {
  return resolve(repoRoot, '..', 'shared', 'data', ...parts);
}

/** Bytes of a file inside ../shared/data as a Uint8Array. */
export function readShared(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(sharedData(...parts)));
}

export const hasShared = existsSync(sharedData('README.md'));
