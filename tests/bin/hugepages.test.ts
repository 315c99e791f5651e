import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hugePageEnv, thpMode } from '../../bin/hugepages.js';
import { tempDir } from '../helpers/tmp';

describe('hugePageEnv', () => {
  it('adds the glibc tunable on Linux when THP is madvise or always', () => {
    expect(hugePageEnv({ PATH: '/bin' }, 'linux', 'madvise')).toEqual({ PATH: '/bin', GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
    expect(hugePageEnv({}, 'linux', 'always')?.GLIBC_TUNABLES).toBe('glibc.malloc.hugetlb=1');
  });
  it('appends to existing tunables and never twice', () => {
    expect(hugePageEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 'linux', 'madvise')?.GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
    expect(hugePageEnv({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, 'linux', 'madvise')).toBeNull();
  });
  it('leaves the process alone off Linux, without THP, or when switched off', () => {
    expect(hugePageEnv({}, 'darwin', 'madvise')).toBeNull();
    expect(hugePageEnv({}, 'linux', 'never')).toBeNull();
    expect(hugePageEnv({}, 'linux', null)).toBeNull();
    expect(hugePageEnv({ KINETWIN_HUGEPAGES: '0' }, 'linux', 'madvise')).toBeNull();
  });
  it('reads the bracketed THP mode', () => {
    expect(thpMode(() => 'always [madvise] never\n')).toBe('madvise');
    expect(thpMode(() => { throw new Error('ENOENT'); })).toBeNull();
  });
});

describe('bin/kinetwin.js', () => {
  const bin = join(__dirname, '..', '..', 'bin', 'kinetwin.js');
  const info = (env: Record<string, string>) => {
    const db = join(tempDir(), 'k.db');
    const r = spawnSync(process.execPath, [bin, 'info', '--json', '--db', db], { env: { ...process.env, GLIBC_TUNABLES: '', ...env }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { memory: { hugePages: boolean } };
  };
  it('runs the CLI with huge pages where the system offers them, and passes the exit status through', () => {
    const expected = process.platform === 'linux' && ['madvise', 'always'].includes(thpMode() ?? '');
    expect(info({}).memory.hugePages).toBe(expected);
    expect(info({ KINETWIN_HUGEPAGES: '0' }).memory.hugePages).toBe(false);
    const bad = spawnSync(process.execPath, [bin, 'no-such-command'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown command|usage/i);
  });
});
