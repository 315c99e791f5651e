import { readFileSync } from 'node:fs';
import { sharedData } from '../../helpers/shared';

// Reads a jump_forceplate text file (one column per plate, optional header row of names) as channels, N.
export function readJumpFile(name: string): Float64Array[] {
  const lines = readFileSync(sharedData('jump_forceplate', name), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const rows = lines.map((l) => l.trim().split(/\s+/));
  const body = rows.filter((r) => r.every((c) => Number.isFinite(Number(c))));
  return Array.from({ length: body[0].length }, (_, c) => Float64Array.from(body, (r) => Number(r[c])));
}

export const JUMP_FILES = ['Single-CMJ-Fz.txt', 'Dual-CMJ-Fz.txt', 'Single-DJ-Fz.txt'];
