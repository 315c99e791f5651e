import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/backend/api/createContext';
import { callOperation } from '../../../src/backend/api/dispatch';
import { sharedData } from '../../helpers/shared';

const ctx = () => createContext({ mode: 'cli', dbPath: ':memory:' });

describe('API analyzeJump', () => {
  it('answers a drop jump file with a response that passes its schema', async () => {
    const r = (await callOperation('analyzeJump', { path: sharedData('jump_forceplate', 'Single-DJ-Fz.txt'), rate: 1000 }, ctx())) as {
      type: string;
      contactTime: number;
      phases: { name: string }[];
    };
    expect(r.type).toBe('dj');
    expect(r.contactTime).toBeGreaterThan(0.2);
    expect(r.phases.map((p) => p.name)).toContain('propulsion');
  });

  it('answers the two-plate file with asymmetry, and rejects an unknown type (400)', async () => {
    const r = (await callOperation('analyzeJump', { path: sharedData('jump_forceplate', 'Dual-CMJ-Fz.txt') }, ctx())) as { asymmetry: unknown };
    expect(r.asymmetry).not.toBeNull();
    await expect(callOperation('analyzeJump', { path: 'x.txt', type: 'hop' }, ctx())).rejects.toMatchObject({ status: 400 });
  });
});
