import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graspFromFlags, handVariantFromFlags } from '../../src/cli/commands/simulate.js';
import { KinetwinError } from '../../src/core/errors.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

describe('simulate hand variant flags', () => {
  it('parses absent digits, cut digits, fused pairs, extra digit and shortened bones', () => {
    const v = handVariantFromFlags({ positionals: [], flags: { absent: '3,4', 'absent-from': '2:pip,5:DIP', fused: '3,4', extra: true, short: '5:middle:0.5' } });
    expect(v).toEqual({
      absent: [3, 4], absentFrom: [{ digit: 2, joint: 'pip' }, { digit: 5, joint: 'dip' }], fused: [[3, 4]], extra: true,
      shortened: [{ digit: 5, bone: 'middle', factor: 0.5 }],
    });
  });

  it('rejects malformed values with a KinetwinError', () => {
    expect(() => handVariantFromFlags({ positionals: [], flags: { absent: 'x' } })).toThrow(KinetwinError);
    expect(() => handVariantFromFlags({ positionals: [], flags: { 'absent-from': '2' } })).toThrow(/DIGIT:JOINT/);
    expect(() => handVariantFromFlags({ positionals: [], flags: { fused: '3' } })).toThrow(/pairs/);
  });
});

describe('simulate hand --grasp', () => {
  it('parses --grasp with an optional radius and length, and rejects bad primitives and sizes with a KinetwinError', () => {
    expect(graspFromFlags({ positionals: [], flags: {} })).toBeNull();
    expect(graspFromFlags({ positionals: [], flags: { grasp: 'Cylinder', 'object-radius': '0.03', 'object-length': 0.15 } })).toEqual({ object: 'cylinder', radius: 0.03, length: 0.15 });
    expect(graspFromFlags({ positionals: [], flags: { grasp: 'sphere' } })).toEqual({ object: 'sphere' });
    expect(() => graspFromFlags({ positionals: [], flags: { grasp: 'cube' } })).toThrow(/unknown grasp primitive 'cube'/);
    expect(() => graspFromFlags({ positionals: [], flags: { grasp: 'sphere', 'object-radius': '0' } })).toThrow(KinetwinError);
    expect(() => graspFromFlags({ positionals: [], flags: { grasp: 'sphere', 'object-radius': 'abc' } })).toThrow(/radius/);
    expect(() => graspFromFlags({ positionals: [], flags: { grasp: 'sphere', 'object-length': '0.1' } })).toThrow(/cylinder only/);
    expect(() => graspFromFlags({ positionals: [], flags: { 'object-radius': '0.02' } })).toThrow(/need --grasp/);
  });

  it('writes the same bytes for the same seed, each label with the object pose and its contacts', async () => {
    const dirs = [tempDir(), tempDir()];
    for (const out of dirs) {
      const r = await cli(['simulate', 'hand', '--samples', '3', '--seed', '5', '--grasp', 'cylinder', '--object-radius', '0.03', '--out', out, '--quiet']);
      expect(r.code).toBe(0);
    }
    const files = readdirSync(dirs[0]).sort();
    expect(files).toEqual(['sample-0000000.json', 'sample-0000001.json', 'sample-0000002.json', 'summary.json']);
    for (const f of files) expect(readFileSync(join(dirs[1], f)).equals(readFileSync(join(dirs[0], f)))).toBe(true);
    const label = JSON.parse(readFileSync(join(dirs[0], files[0]), 'utf8')) as {
      grasp: { object: { type: string; radiusM: number; pose: { positionM: number[] } }; contacts: { digit: number; depthM: number }[]; digitsInContact: number[]; maxPenetrationM: number };
    };
    expect(label.grasp.object).toMatchObject({ type: 'cylinder', radiusM: 0.03 });
    expect(label.grasp.contacts.length).toBeGreaterThan(0);
    expect(label.grasp.maxPenetrationM).toBeLessThanOrEqual(0.002);
    const summary = JSON.parse(readFileSync(join(dirs[0], 'summary.json'), 'utf8')) as { grasp: { grasped: number } };
    expect(summary.grasp.grasped).toBe(3);
  });
});
