// Loads the labelled fixtures under tests/fixtures/llm.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NoteLabel } from '../../../src/core/llm/evaluate';
import { repoRoot } from '../../helpers/shared';

export const fixtureDir = join(repoRoot, 'tests', 'fixtures', 'llm');

export interface HeaderFixture {
  file: string;
  vendor: string;
  text: string;
  columns: Array<{ header: string; field: string | null; unit: string | null }>;
}

export function headerFixtures(set = 'headers'): HeaderFixture[] {
  const labels = JSON.parse(readFileSync(join(fixtureDir, `${set}.json`), 'utf8')) as Record<string, Omit<HeaderFixture, 'file' | 'text'>>;
  return Object.entries(labels).map(([file, l]) => ({ file, ...l, text: readFileSync(join(fixtureDir, set, file), 'utf8') }));
}

export function noteFixtures(set = 'notes'): Array<{ id: string; text: string; expected: NoteLabel }> {
  return JSON.parse(readFileSync(join(fixtureDir, `${set}.json`), 'utf8'));
}
