import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeJumpFile } from '../../../src/backend/services/jump';
import { cli } from '../../helpers/cli';
import { KinetwinError } from '../../../src/core/errors';
import { sharedData } from '../../helpers/shared';


const file = (name: string) => sharedData('jump_forceplate', name);

describe('analyzeJumpFile', () => {
  it('reads a two-plate text file and reports the plates, the rate used and the asymmetry', async () => {
    const r = await analyzeJumpFile(file('Dual-CMJ-Fz.txt'), { rate: 1000 });
    expect(r.plates).toEqual(['FP1', 'FP2']);
    expect(r.rateAssumed).toBe(false);
    expect(r.type).toBe('cmj');
    expect(r.jumpHeight).toBeCloseTo(0.32, 2);
    expect(r.asymmetry?.phases.length).toBe(4);
  });

  it('assumes 1000 Hz with a warning when no rate is given', async () => {
    const r = await analyzeJumpFile(file('Single-DJ-Fz.txt'));
    expect(r.rateAssumed).toBe(true);
    expect(r.warnings[0]).toMatch(/1000 Hz assumed/);
    expect(r.type).toBe('dj');
  });

  it('names the file in a KinetwinError', async () => {
    await expect(analyzeJumpFile('/nonexistent/jump.txt')).rejects.toMatchObject({ name: 'KinetwinError', file: '/nonexistent/jump.txt', message: 'no such file' });
    await expect(analyzeJumpFile(file('Single-CMJ-Fz.txt'), { rate: Number.NaN })).rejects.toBeInstanceOf(KinetwinError);
  });
});

describe('kinetwin analyze jump', () => {
  it('--json prints the report with the documented fields', async () => {
    const { code, stdout } = await cli(['analyze', 'jump', file('Single-CMJ-Fz.txt'), '--rate', '1000', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    for (const k of ['type', 'bodyMassKg', 'jumpHeight', 'jumpHeightFlight', 'flightTime', 'takeoffVelocity', 'contactTime', 'rsi', 'rsiModified', 'peakForceN', 'peakPowerW', 'asymmetry', 'phases'])
      expect(r).toHaveProperty(k);
    expect(r.type).toBe('cmj');
    expect(r.jumpHeight).toBeGreaterThan(0.31);
  });

  it('prints a human summary and honours --type', async () => {
    const { code, stdout, stderr } = await cli(['analyze', 'jump', file('Single-CMJ-Fz.txt'), '--rate', '1000', '--type', 'sj']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^squat jump \(as given\)/);
    expect(stdout).toMatch(/jump height +0\.3[12]\d m/);
    expect(stderr).toMatch(/warning: .*countermovement/);
  });

  it('exits 1 with `error: <file>: …` for a bad --type or a file without flight', async () => {
    const bad = await cli(['analyze', 'jump', file('Single-CMJ-Fz.txt'), '--type', 'hop']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/error: .*Single-CMJ-Fz\.txt: --type must be/);
    const dir = mkdtempSync(join(tmpdir(), 'kinetwin-jump-'));
    try {
      const standing = join(dir, 'standing.txt');
      writeFileSync(standing, Array.from({ length: 3000 }, (_, i) => (700 + 5 * Math.sin(i / 50)).toFixed(3)).join('\n'));
      const none = await cli(['analyze', 'jump', standing, '--rate', '1000']);
      expect(none.code).toBe(1);
      expect(none.stderr).toBe(`error: ${standing}: no take-off found\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
