import { describe, expect, it } from 'vitest';
import { analyzeJump } from '../../../src/core/jump/analyzeJump';
import { GRAVITY } from '../../../src/core/jump/types';
import { KinetwinError } from '../../../src/core/errors';
import { JUMP_FILES, readJumpFile } from './forceText';
import { netImpulse, sampleBreakpoints, type Breakpoints } from './syntheticJump';

const RATE = 1000; // Hz, jump_forceplate files (not stored in them)
const BW = 700; // N, synthetic jumper
const MASS = BW / GRAVITY;

// Standing 1.5 s, optional countermovement, push, take-off at 2.4 s; returns force and analytic v_to.
function syntheticJump(countermovement: boolean) {
  const push: Breakpoints = countermovement
    ? [[1.5, BW], [1.6, 300], [1.8, 300], [1.9, BW], [2.0, 1700], [2.2, 1700], [2.35, 1700], [2.4, 0]]
    : [[1.5, BW], [1.6, 1500], [2.3, 1500], [2.35, 1500], [2.4, 0]];
  const vTakeoff = netImpulse(push, BW) / MASS; // m/s, exact: ∫(F − BW) dt / m from rest
  const flight = (2 * vTakeoff) / GRAVITY; // s, ballistic
  const landing = Math.round((2.4 + flight) * RATE) / RATE; // first loaded sample after the flight
  const points: Breakpoints = [[0, BW], ...push, [landing - 1 / RATE, 0], [landing + 0.049, 2000], [landing + 0.35, BW], [landing + 2, BW]];
  return { force: sampleBreakpoints(points, RATE, landing + 2), vTakeoff, flight };
}

describe('analyzeJump on the jump_forceplate files (1000 Hz)', () => {
  it('finds ≈ 0.32 m on Single-CMJ by impulse–momentum and by flight time (REFERENCE §3)', () => {
    const r = analyzeJump(readJumpFile('Single-CMJ-Fz.txt'), RATE);
    expect(r.type).toBe('cmj');
    expect(r.jumpHeight).toBeGreaterThan(0.31);
    expect(r.jumpHeight).toBeLessThan(0.33);
    expect(r.jumpHeightFlight!).toBeGreaterThan(0.31);
    expect(r.jumpHeightFlight!).toBeLessThan(0.33);
    expect(r.bodyWeightN).toBeCloseTo(663, 0);
    expect(r.bodyMassKg).toBeCloseTo(r.bodyWeightN / 9.81, 9);
    expect(r.takeoffVelocity).toBeCloseTo(Math.sqrt(2 * 9.81 * r.jumpHeight), 9);
    expect(r.rsiModified).toBeCloseTo(r.jumpHeight / r.timeToTakeoff, 12);
    expect(r.contactTime).toBeNull();
  });

  it.each(JUMP_FILES)('impulse–momentum and flight-time heights agree within 1.5 cm on %s', (file) => {
    const r = analyzeJump(readJumpFile(file), RATE);
    expect(Math.abs(r.jumpHeight - r.jumpHeightFlight!)).toBeLessThan(0.015);
    expect(r.flightTime).toBeCloseTo(Math.sqrt((8 * r.jumpHeightFlight!) / 9.81), 9);
  });

  it('detects the type of each file: cmj, cmj, dj', () => {
    expect(JUMP_FILES.map((f) => analyzeJump(readJumpFile(f), RATE).type)).toEqual(['cmj', 'cmj', 'dj']);
  });

  it('orders the countermovement phases weighing → unweighting → braking → propulsion → flight → landing, contiguous', () => {
    const r = analyzeJump(readJumpFile('Single-CMJ-Fz.txt'), RATE);
    expect(r.phases.map((p) => p.name)).toEqual(['weighing', 'unweighting', 'braking', 'propulsion', 'flight', 'landing']);
    for (let k = 2; k < r.phases.length; k++) expect(r.phases[k].start).toBe(r.phases[k - 1].end);
    expect(r.events.takeoff).toBe(r.phases[4].start);
    expect(r.events.onset).toBe(r.phases[1].start);
    expect(r.peakNegativeVelocity!).toBeLessThan(0);
    expect(r.countermovementDepth!).toBeLessThan(-0.1);
    expect(r.peakPowerW).toBeGreaterThan(r.peakForceN * 0.5); // power peaks late in propulsion, v ≈ 2 m/s
  });

  it('gives the same jump from two plates as from their sum, plus left/right asymmetry (Bishop et al. 2018)', () => {
    const [left, right] = readJumpFile('Dual-CMJ-Fz.txt');
    const single = analyzeJump([Float64Array.from(left, (v, i) => v + right[i])], RATE);
    const dual = analyzeJump([left, right], RATE);
    expect(dual.jumpHeight).toBeCloseTo(single.jumpHeight, 9);
    expect(single.asymmetry).toBeNull();
    const a = dual.asymmetry!;
    expect(a.weighingSharePct.left + a.weighingSharePct.right).toBeCloseTo(100, 9);
    expect(a.phases.map((p) => p.phase)).toEqual(['unweighting', 'braking', 'propulsion', 'landing']);
    for (const p of a.phases) {
      const l = Math.abs(p.impulse.left);
      const r = Math.abs(p.impulse.right);
      expect(p.impulse.asymmetryPct).toBeCloseTo(((Math.max(l, r) - Math.min(l, r)) / Math.max(l, r)) * 100, 9);
      expect(p.impulse.larger).toBe(l > r ? 'left' : 'right');
    }
    // The plates' net propulsive impulses add up to the momentum gained: m·(v_to − v at propulsion start).
    // Propulsion starts at the first sample above 0.01 m/s: v there is 0.01–0.03 m/s (a < 20 m/s², 1 ms).
    const prop = a.phases[2].impulse;
    expect(prop.left + prop.right).toBeLessThan(dual.bodyMassKg * (dual.takeoffVelocity - 0.01));
    expect(prop.left + prop.right).toBeGreaterThan(dual.bodyMassKg * (dual.takeoffVelocity - 0.03));
    expect(Math.max(a.peakForce.left, a.peakForce.right)).toBeLessThanOrEqual(dual.peakForceN);
  });

  it('analyses Single-DJ as a drop jump: first contact, contact time, RSI, drop landing peak 2–6 BW', () => {
    const r = analyzeJump(readJumpFile('Single-DJ-Fz.txt'), RATE);
    expect(r.type).toBe('dj');
    expect(r.events.contact!).toBeGreaterThan(1.5);
    expect(r.contactTime!).toBeGreaterThan(0.2);
    expect(r.contactTime!).toBeLessThan(0.3);
    expect(r.rsi).toBeCloseTo(r.jumpHeightFlight! / r.contactTime!, 12);
    expect(r.peakForceN / r.bodyWeightN).toBeGreaterThan(2);
    expect(r.peakForceN / r.bodyWeightN).toBeLessThan(6);
    expect(r.bodyWeightN).toBeCloseTo(665, -1); // same jumper as the CMJ files, weighed after landing
    expect(r.touchdownVelocity!).toBeLessThan(0);
    expect(r.phases.map((p) => p.name)).toEqual(['drop', 'braking', 'propulsion', 'flight', 'landing', 'weighing']);
  });

  it('zeroes a plate that reads 40 N when empty (the flight is the zero) and warns', () => {
    const [f] = readJumpFile('Single-CMJ-Fz.txt');
    const base = analyzeJump([f], RATE);
    const shifted = analyzeJump([f.map((v) => v + 40)], RATE);
    expect(shifted.plateOffsetN - base.plateOffsetN).toBeCloseTo(40, 9);
    expect(shifted.jumpHeight).toBeCloseTo(base.jumpHeight, 9);
    expect(shifted.bodyWeightN).toBeCloseTo(base.bodyWeightN, 9);
    expect(shifted.warnings.join(' ')).toMatch(/read 39\.\d N: subtracted/);
  });

  it('analyses a drop jump cut short after landing when body mass and drop height are given', () => {
    const [f] = readJumpFile('Single-DJ-Fz.txt');
    const full = analyzeJump([f], RATE, { dropHeight: 0.3 });
    const cut = f.subarray(0, Math.round(full.events.landing! * RATE) + 100);
    expect(() => analyzeJump([cut], RATE)).toThrow(/quiet standing after landing/);
    const r = analyzeJump([cut], RATE, { dropHeight: 0.3, bodyMassKg: full.bodyMassKg });
    expect(r.jumpHeight).toBeCloseTo(full.jumpHeight, 3);
    expect(r.contactTime).toBe(full.contactTime);
  });

  it('uses a given drop height for the touchdown velocity: v_td = −√(2 g h)', () => {
    const r = analyzeJump(readJumpFile('Single-DJ-Fz.txt'), RATE, { dropHeight: 0.3 });
    expect(r.jumpHeightMethod).toBe('drop-height');
    expect(r.touchdownVelocity).toBeCloseTo(-Math.sqrt(2 * 9.81 * 0.3), 12);
    expect(r.jumpHeight).toBeGreaterThan(0.15);
  });
});

describe('analyzeJump on analytic force curves', () => {
  it('recovers height = v²/2g within 1 mm for a piecewise-linear countermovement jump, flight height within 1 mm', () => {
    const { force, vTakeoff, flight } = syntheticJump(true);
    const r = analyzeJump([force], RATE);
    expect(r.type).toBe('cmj');
    expect(r.bodyWeightN).toBeCloseTo(BW, 9);
    expect(Math.abs(r.jumpHeight - (vTakeoff * vTakeoff) / (2 * GRAVITY))).toBeLessThan(0.001);
    expect(Math.abs(r.takeoffVelocity - vTakeoff)).toBeLessThan(1e-3);
    expect(Math.abs(r.jumpHeightFlight! - (GRAVITY * flight * flight) / 8)).toBeLessThan(0.001);
    expect(r.events.takeoff).toBeCloseTo(2.4, 9);
    expect(r.events.peakNegativeVelocity!).toBeCloseTo(1.9, 2); // force back at BW ends unweighting
    // Net impulses per phase: unweighting −120 N·s (400 N deficit over 0.3 s, ramps halved); onset to
    // take-off they add up to m·v_to.
    const byName = Object.fromEntries(r.phases.map((p) => [p.name, p]));
    expect(byName.unweighting.netImpulseNs).toBeCloseTo(-120 + 0.002, 2); // less the 1 ms before onset
    const sum = byName.unweighting.netImpulseNs + byName.braking.netImpulseNs + byName.propulsion.netImpulseNs;
    expect(sum).toBeCloseTo(MASS * r.takeoffVelocity, 9);
    expect(byName.flight.netImpulseNs).toBeCloseTo(-BW * r.flightTime!, 1); // empty plate: −BW·t (+ half the landing sample)
    expect(r.peakForceN).toBeCloseTo(1700, 9);
    expect(r.timeToTakeoff).toBeCloseTo(0.899, 9); // onset 1 ms after the ramp starts at 1.5 s
  });

  it('classifies a push without a dip as a squat jump with weighing → propulsion → flight → landing', () => {
    const { force, vTakeoff } = syntheticJump(false);
    const r = analyzeJump([force], RATE);
    expect(r.type).toBe('sj');
    expect(r.phases.map((p) => p.name)).toEqual(['weighing', 'propulsion', 'flight', 'landing']);
    expect(Math.abs(r.jumpHeight - (vTakeoff * vTakeoff) / (2 * GRAVITY))).toBeLessThan(0.001);
    // d(F·v)/dt < 0 once the final ramp starts (−30 kN/s × 1.9 m/s + 1500 N × 11 m/s²), so peak power is
    // 1500 N × v at 2.35 s, where v = v_to − ∫(F − BW) dt / m over the ramp = v_to − 2.5 N·s / m.
    expect(Math.abs(r.peakPowerW - 1500 * (vTakeoff - 2.5 / MASS))).toBeLessThan(1);
  });

  it('keeps a requested type and warns when the curve disagrees', () => {
    const { force } = syntheticJump(true);
    const r = analyzeJump([force], RATE, { type: 'sj' });
    expect(r.type).toBe('sj');
    expect(r.typeDetected).toBe(false);
    expect(r.warnings.join(' ')).toMatch(/countermovement/);
  });

  it('bridges a short NaN gap with a warning and still measures the jump', () => {
    const { force, vTakeoff } = syntheticJump(true);
    force.fill(Number.NaN, 500, 503);
    const r = analyzeJump([force], RATE);
    expect(r.warnings.join(' ')).toMatch(/bridged/);
    expect(Math.abs(r.takeoffVelocity - vTakeoff)).toBeLessThan(1e-3);
  });
});

describe('analyzeJump rejects what it cannot analyse', () => {
  it("throws KinetwinError('no take-off found') when the force never leaves the plate", () => {
    const { force } = syntheticJump(true);
    const grounded = force.map((v) => Math.max(v, 300));
    expect(() => analyzeJump([grounded], RATE)).toThrow(new KinetwinError('no take-off found'));
  });

  it('throws KinetwinError for too short data, an all-zero plate, a NaN rate, unequal channels, long NaN gaps', () => {
    const { force } = syntheticJump(true);
    expect(() => analyzeJump([force.subarray(0, 500)], RATE)).toThrow(/too short/);
    expect(() => analyzeJump([new Float64Array(5000)], RATE)).toThrow(/no load/);
    expect(() => analyzeJump([force], Number.NaN)).toThrow(KinetwinError);
    expect(() => analyzeJump([force, force.subarray(1)], RATE)).toThrow(/length/);
    expect(() => analyzeJump([], RATE)).toThrow(KinetwinError);
    const gappy = Float64Array.from(force);
    gappy.fill(Number.NaN, 100, 200);
    expect(() => analyzeJump([gappy], RATE)).toThrow(KinetwinError);
  });

  it('refuses a drop-jump analysis of a recording that starts loaded', () => {
    expect(() => analyzeJump(readJumpFile('Single-CMJ-Fz.txt'), RATE, { type: 'dj' })).toThrow(/empty plate/);
  });

  it('throws KinetwinError when there is too little standing before take-off to weigh the jumper', () => {
    const { force } = syntheticJump(true);
    expect(() => analyzeJump([force.subarray(1450)], RATE)).toThrow(/quiet standing/);
    // 0.8 s of standing is enough: a shorter window, a warning, the same jump.
    const full = analyzeJump([force], RATE);
    const short = analyzeJump([force.subarray(700)], RATE);
    expect(short.warnings.join(' ')).toMatch(/0\.75 s of standing/);
    expect(short.jumpHeight).toBeCloseTo(full.jumpHeight, 6);
  });
});
