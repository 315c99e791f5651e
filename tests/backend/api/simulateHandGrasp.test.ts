import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/backend/api/createContext';
import { callOperation } from '../../../src/backend/api/dispatch';

const ctx = () => createContext({ mode: 'cli', dbPath: ':memory:' });

describe('simulateHandSamples with a grasp', () => {
  it('returns each sample with the grasped object, its contacts and the digits touching it', async () => {
    const r = (await callOperation('simulateHandSamples', { samples: 3, seed: 2, grasp: 'sphere', objectRadiusM: 0.035 }, ctx())) as {
      samples: { grasp?: { object: { type: string; radiusM: number; pose: { positionM: number[] } }; contacts: { point: number[] }[]; digitsInContact: number[] } }[];
    };
    expect(r.samples).toHaveLength(3);
    for (const s of r.samples) {
      expect(s.grasp!.object).toMatchObject({ type: 'sphere', radiusM: 0.035 });
      expect(s.grasp!.digitsInContact.length).toBeGreaterThanOrEqual(3);
      for (const c of s.grasp!.contacts) expect(Math.hypot(...c.point.map((x, k) => x - s.grasp!.object.pose.positionM[k]!))).toBeCloseTo(0.035, 4);
    }
  });

  it('leaves samples without a grasp when none is asked for, and rejects a radius out of range', async () => {
    const r = (await callOperation('simulateHandSamples', { samples: 2, seed: 2 }, ctx())) as { samples: { grasp?: unknown }[] };
    expect(r.samples.every((s) => s.grasp === undefined)).toBe(true);
    await expect(callOperation('simulateHandSamples', { samples: 2, grasp: 'cube' }, ctx())).rejects.toMatchObject({ status: 400 });
    await expect(callOperation('simulateHandSamples', { samples: 2, grasp: 'sphere', objectRadiusM: 0 }, ctx())).rejects.toMatchObject({ status: 400 });
  });
});
