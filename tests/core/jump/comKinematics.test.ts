import { describe, expect, it } from 'vitest';
import { comKinematics } from '../../../src/core/jump/comKinematics';

describe('comKinematics', () => {
  it('integrates a constant net force to v = a·t and s = a·t²/2 (a = (F − BW)/m)', () => {
    const bw = 981; // N → m = 100 kg
    const rate = 100;
    const force = new Float64Array(201).fill(bw + 200); // a = 2 m/s²
    const k = comKinematics(force, rate, bw, 0, force.length);
    expect(k.acceleration[0]).toBeCloseTo(2, 12);
    expect(k.velocity[200]).toBeCloseTo(4, 12); // 2 s
    expect(k.displacement[200]).toBeCloseTo(4, 12);
  });

  it('anchors velocity at any sample, so backward integration from a known state works', () => {
    const bw = 981;
    const force = new Float64Array(101).fill(0); // free fall, a = −9.81 m/s²
    const k = comKinematics(force, 100, bw, 0, force.length, 100, -9.81); // −9.81 m/s after 1 s of fall from rest
    expect(k.velocity[0]).toBeCloseTo(0, 12);
    expect(k.displacement[0]).toBeCloseTo(9.81 / 2, 12); // it started 4.905 m above the anchor
    expect(k.displacement[100]).toBe(0);
  });
});
