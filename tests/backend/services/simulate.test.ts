import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors.js';
import { parseSex, simulateHandService, simulateLandingService } from '../../../src/backend/services/simulate.js';

const tmp = mkdtempSync(join(tmpdir(), 'kinetwin-sim-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('simulate service (worker threads)', () => {
  it('writes one label per hand sample plus a summary, byte-identical for the same seed, streaming progress', async () => {
    const events: number[] = [];
    const input = { samples: 300, seed: 11, variant: { absentFrom: [{ digit: 2, joint: 'pip' }] } };
    const a = await simulateHandService(input, join(tmp, 'a'), { onProgress: (p) => events.push(p.done) });
    await simulateHandService(input, join(tmp, 'b'));
    const files = readdirSync(join(tmp, 'a')).sort();
    expect(files).toHaveLength(301);
    expect(files).toContain('summary.json');
    for (const f of files) expect(readFileSync(join(tmp, 'a', f)).equals(readFileSync(join(tmp, 'b', f)))).toBe(true);
    expect(a.collisionFree).toBe(300);
    expect(a.maxLimitViolationDeg).toBeLessThanOrEqual(2);
    expect(events.at(-1)).toBe(300);
    const label = JSON.parse(readFileSync(join(tmp, 'a', 'sample-0000003.json'), 'utf8'));
    expect(label.keypoints).toHaveLength(21);
    expect(label.keypoints.find((k: { name: string }) => k.name === 'index_pip')).toEqual({ name: 'index_pip', present: false, position: null });
    expect(label.angles.pip2).toBeNull();
    expect(label.angles.mcp2.flexionDeg).toBeGreaterThanOrEqual(-45);
  });

  it('gives the same landing in a worker as in-process (bit-identical physics across threads)', async () => {
    const input = { mass: 68, stature: 1.7, sex: 'f' as const, height: 0.35, duration: 0.2 };
    const w = await simulateLandingService(input);
    const p = await simulateLandingService(input, { inProcess: true });
    expect(w.peakVerticalGrfBw).toBe(p.peakVerticalGrfBw);
    expect(w.series.grfVerticalBw).toEqual(p.series.grfVerticalBw);
  });

  it('turns bad input inside the worker into a KinetwinError', async () => {
    await expect(simulateLandingService({ mass: -3, stature: 1.7, height: 0.3 })).rejects.toThrow(KinetwinError);
    await expect(simulateHandService({ samples: 3, seed: 1, variant: { fused: [[1, 2]] } }, undefined, { inProcess: true })).rejects.toThrow(/adjacent/);
  });

  it('parses sex as f/m/female/male and rejects anything else', () => {
    expect(parseSex('F')).toBe('f');
    expect(parseSex('male')).toBe('m');
    expect(parseSex(undefined)).toBeUndefined();
    expect(() => parseSex('x')).toThrow(KinetwinError);
  });
});
