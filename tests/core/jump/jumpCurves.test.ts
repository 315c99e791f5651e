import { describe, expect, it } from 'vitest';
import { analyzeJump } from '../../../src/core/jump/analyzeJump';
import { jumpCurves } from '../../../src/core/jump/jumpCurves';
import { JUMP_FILES, readJumpFile } from './forceText';

describe('jumpCurves', () => {
  it.each(JUMP_FILES)('reproduces the report on %s: velocity at take-off, peak power, NaN before the movement', (file) => {
    const forces = readJumpFile(file);
    const r = analyzeJump(forces, 1000);
    const c = jumpCurves(forces, 1000, r);
    const takeoff = Math.round(r.events.takeoff * 1000);
    const start = Math.round((r.type === 'dj' ? r.events.contact! : r.events.onset!) * 1000);
    expect(c.velocity[takeoff]).toBeCloseTo(r.takeoffVelocity, 9);
    let peak = -Infinity;
    for (let i = start; i < takeoff; i++) peak = Math.max(peak, c.power[i]);
    expect(peak).toBeCloseTo(r.peakPowerW, 6);
    expect(c.velocity[start - 1]).toBeNaN();
    expect(c.displacement[start]).toBe(0);
    expect(c.force.length).toBe(forces[0].length);
  });
});
