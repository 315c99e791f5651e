import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { commands } from '../../src/cli/commands/index';
import { tempDir } from '../helpers/tmp';

describe('kinetwin CLI', () => {
  it('--help lists every command', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const c of commands) expect(stdout).toContain(c.name);
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['serve', 'audit', 'info']));
  });

  it('an unknown command prints a usage line and exits 2', async () => {
    const { code, stderr } = await cli(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"\nusage: kinetwin/);
  });

  it('an unknown flag prints the command usage and exits 2', async () => {
    const { code, stderr } = await cli(['audit', '--frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toBe('kinetwin audit: unknown option --frobnicate\nusage: kinetwin audit [DATASET_DIR|ID] [--verify] [--limit N] [--json]\n');
  });

  it('an unwritable --db path gives `error: <path>: …` and exit 1', async () => {
    const blocker = join(tempDir(), 'not-a-directory');
    writeFileSync(blocker, 'x');
    const target = join(blocker, 'k.db');
    const { code, stderr } = await cli(['info', '--db', target]);
    expect(code).toBe(1);
    expect(stderr.startsWith(`error: ${target}: cannot create the database`)).toBe(true);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('audit --verify --json reports an intact chain on a fresh database', async () => {
    const db = join(tempDir(), 'k.db');
    await cli(['settings', 'llm.redact', 'false', '--db', db]);
    const { code, stdout } = await cli(['audit', '--verify', '--json', '--db', db]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ok: true, rows: 1, firstBadId: null, problem: null });
  });

  it('every reporting command accepts --json', async () => {
    const db = join(tempDir(), 'k.db');
    for (const name of ['info', 'trials', 'subjects', 'audit', 'settings']) {
      const { code, stdout } = await cli([name, '--json', '--db', db]);
      expect(code, name).toBe(0);
      expect(() => JSON.parse(stdout), name).not.toThrow();
    }
  });
});
