import { describe, expect, it } from 'vitest';
import { forcePlateOutputs } from '../../../src/core/forceplate/outputs';
import { plateFrame } from '../../../src/core/forceplate/plateFrame';
import { readC3d } from '../../../src/core/formats/c3d/read';
import { KinetwinError } from '../../../src/core/errors';
import { readShared } from '../../helpers/shared';
import type { ForcePlate, Trial } from '../../../src/core/model/trial';

// A 0.6 m × 0.4 m plate centred at (1, 2, 0) in a Z-up lab, corners in C3D order with plate z pointing down
// (x = c1 − c2 along +X, y = c1 − c4 along −Y), as AMTI plates in the c3d.org samples are laid out.
const CORNERS = new Float64Array([1.3, 1.8, 0, 0.7, 1.8, 0, 0.7, 2.2, 0, 1.3, 2.2, 0]);

function plateTrial(type: ForcePlate['type'], channels: number[][], units: string[], origin = [0, 0, 0], cal: number[] | null = null): Trial {
  return {
    points: null,
    analogs: {
      labels: units.map((_, i) => `C${i}`),
      descriptions: units.map(() => ''),
      units,
      rate: 1000,
      samples: channels[0].length,
      channels: channels.map((c) => Float32Array.from(c)),
    },
    forcePlates: [{ type, corners: CORNERS, origin: Float64Array.from(origin), channels: units.map((_, i) => i), calMatrix: cal && Float64Array.from(cal) }],
    events: [],
    metadata: { format: 'c3d', upAxis: 'z', warnings: [] },
  };
}

/** Plate-frame load: vertical force fz (plate z, down) at plate-frame (px, py) on the surface, shear fx, fy, free moment tz. */
const load = { fx: 30, fy: -20, fz: 700, px: 0.1, py: -0.05, tz: 2 };

describe('plateFrame', () => {
  it('puts the origin at the corners\' mean and the axes along c1−c2, c1−c4 and their cross product', () => {
    const { rotation: R, centre } = plateFrame(CORNERS);
    expect(Array.from(centre)).toEqual([1, 2, 0].map((v) => expect.closeTo(v, 12)));
    expect(Array.from(R)).toEqual([1, 0, 0, 0, -1, 0, 0, 0, -1].map((v) => expect.closeTo(v, 12)));
  });
});

describe('forcePlateOutputs on analytic loads', () => {
  // expected in the lab: force = R·F, COP = centre + R·p, free moment tz
  const expectLoad = (t: Trial): void => {
    const o = forcePlateOutputs(t, 0);
    expect(Array.from(o.force.subarray(0, 3))).toEqual([30, 20, -700].map((v) => expect.closeTo(v, 3)));
    expect(Array.from(o.cop.subarray(0, 3))).toEqual([1.1, 2.05, 0].map((v) => expect.closeTo(v, 5)));
    expect(o.freeMoment[0]).toBeCloseTo(2, 4);
    // moment about the surface centre: R·(p × F + tz ẑ)
    const m = [-0.05 * 700 - 0, -(0.1 * 700), 0.1 * -20 - -0.05 * 30 + 2];
    expect(Array.from(o.moment.subarray(0, 3))).toEqual([m[0], -m[1], -m[2]].map((v) => expect.closeTo(v, 3)));
  };

  it('type 1: COP and free moment given directly (COP channels in mm, Tz in N·mm)', () => {
    const { fx, fy, fz, px, py, tz } = load;
    expectLoad(plateTrial(1, [[fx], [fy], [fz], [px * 1000], [py * 1000], [tz * 1000]], ['N', 'N', 'N', 'mm', 'mm', 'Nmm']));
  });

  it('type 2: moments about a sensor origin below the surface, stated positive as Vicon does', () => {
    const { fx, fy, fz, px, py, tz } = load;
    const h = 0.04; // sensor origin 40 mm below the surface: plate-frame surface point relative to it is (px, py, -h)
    // M_origin = r × F + tz ẑ with r = (px, py, −h) from the sensor origin
    const mx = py * fz - -h * fy;
    const my = -h * fx - px * fz;
    const mz = px * fy - py * fx + tz;
    const channels = [[fx], [fy], [fz], [mx * 1000], [my * 1000], [mz * 1000]];
    expectLoad(plateTrial(2, channels, ['N', 'N', 'N', 'Nmm', 'Nmm', 'Nmm'], [0, 0, h]));
    expectLoad(plateTrial(2, channels, ['N', 'N', 'N', 'Nmm', 'Nmm', 'Nmm'], [0, 0, -h])); // spec sign
    expectLoad(plateTrial(2, [[fx], [fy], [fz], [mx], [my], [mz]], ['N', 'N', 'N', 'N.m', 'Nm', 'Nm'], [0, 0, h]));
  });

  it('type 3: Kistler 8-channel formulas with sensor offsets a, b and az0', () => {
    const { fx, fy, fz, px, py, tz } = load;
    const a = 0.12;
    const b = 0.2;
    const az0 = -0.05;
    // vertical sensors at (±a, ±b): 1 (+a,+b), 2 (−a,+b), 3 (−a,−b), 4 (+a,−b) share fz so that Σ r × f gives the COP
    const wx = (px - -a) / (2 * a);
    const wy = (py - -b) / (2 * b);
    const fz1 = fz * wx * wy;
    const fz2 = fz * (1 - wx) * wy;
    const fz3 = fz * (1 - wx) * (1 - wy);
    const fz4 = fz * wx * (1 - wy);
    // shear split so that Mz = b(fx34 − fx12) + a(fy14 − fy23) reproduces the moment of shear at the COP plus tz
    const mzWanted = px * fy - py * fx + tz;
    const fx34 = (fx + mzWanted / b) / 2;
    const fx12 = fx - fx34;
    const channels = [[fx12], [fx34], [fy / 2], [fy / 2], [fz1], [fz2], [fz3], [fz4]];
    // the surface lies az0 above the sensor plane: shear adds F × (0, 0, az0)
    const t = plateTrial(3, channels, ['N', 'N', 'N', 'N', 'N', 'N', 'N', 'N'], [a, b, az0]);
    const o = forcePlateOutputs(t, 0);
    expect(Array.from(o.force.subarray(0, 3))).toEqual([30, 20, -700].map((v) => expect.closeTo(v, 3)));
    // the sensors see the load as if at (px, py) in their plane; on the surface (z = az0, plate z down) the
    // COP is ax = px + az0·Fx/Fz, ay = py + az0·Fy/Fz (Kistler manual: My' = My − Fx·az0, ax = −My'/Fz)
    const ax = px + (fx * az0) / fz;
    const ay = py + (fy * az0) / fz;
    expect(Array.from(o.cop.subarray(0, 2))).toEqual([1 + ax, 2 - ay].map((v) => expect.closeTo(v, 5)));
    expect(o.freeMoment[0]).toBeCloseTo(tz, 4);
  });

  it('type 4: CAL_MATRIX maps raw channels (moment rows in N·mm for a mm lab)', () => {
    const { fx, fy, fz, px, py, tz } = load;
    const m = [py * fz, -px * fz, px * fy - py * fx + tz];
    // cal = diag(2, 2, 4, 1000, 1000, 500) plus a cross-talk term Fz → Fx that the raw Fx channel cancels
    const cal = new Array(36).fill(0);
    [2, 2, 4, 1000, 1000, 500].forEach((v, i) => (cal[i * 7] = v));
    cal[0 * 6 + 2] = 0.01;
    const rawFz = fz / 4;
    const rawFx = (fx - 0.01 * rawFz) / 2;
    const t = plateTrial(4, [[rawFx], [fy / 2], [rawFz], [m[0]], [m[1]], [m[2] * 2]], ['V', 'V', 'V', 'V', 'V', 'V'], [0, 0, 0], cal);
    expectLoad(t);
  });

  it('gives NaN COP and free moment below the vertical-force threshold', () => {
    const t = plateTrial(2, [[1], [1], [5], [0], [0], [0]], ['N', 'N', 'N', 'Nmm', 'Nmm', 'Nmm']);
    const o = forcePlateOutputs(t, 0);
    expect(o.cop[0]).toBeNaN();
    expect(o.freeMoment[0]).toBeNaN();
    expect(forcePlateOutputs(t, 0, { copThreshold: 1 }).cop[0]).not.toBeNaN();
  });

  it('throws KinetwinError for a missing plate or channels', () => {
    const t = plateTrial(2, [[1], [1], [5], [0], [0], [0]], ['N', 'N', 'N', 'Nmm', 'Nmm', 'Nmm']);
    expect(() => forcePlateOutputs(t, 1)).toThrow(KinetwinError);
    t.forcePlates[0].channels = [0, 1, 2, 3, 4, 9];
    expect(() => forcePlateOutputs(t, 0)).toThrow(KinetwinError);
  });
});

/** Share of loaded samples (|F·n| > 100 N) whose COP lies within the plate outline (+ margin), in plate axes. */
function copInside(t: Trial, plate: number, margin = 0.01): { loaded: number; inside: number; peakNormal: number } {
  const o = forcePlateOutputs(t, plate);
  const { rotation: R, centre } = plateFrame(t.forcePlates[plate].corners);
  const c = t.forcePlates[plate].corners;
  const local = (x: number, y: number, z: number, axis: number): number => R[axis] * (x - centre[0]) + R[3 + axis] * (y - centre[1]) + R[6 + axis] * (z - centre[2]);
  let hx = 0;
  let hy = 0;
  for (let k = 0; k < 4; k++) {
    hx = Math.max(hx, Math.abs(local(c[k * 3], c[k * 3 + 1], c[k * 3 + 2], 0)));
    hy = Math.max(hy, Math.abs(local(c[k * 3], c[k * 3 + 1], c[k * 3 + 2], 1)));
  }
  let loaded = 0;
  let inside = 0;
  let peakNormal = 0;
  for (let i = 0; i < o.samples; i++) {
    const f = o.force.subarray(i * 3, i * 3 + 3);
    const normal = -local(f[0] + centre[0], f[1] + centre[1], f[2] + centre[2], 2); // reaction along −plate z (up)
    peakNormal = Math.max(peakNormal, normal);
    if (Math.abs(normal) < 100) continue;
    loaded++;
    const x = local(o.cop[i * 3], o.cop[i * 3 + 1], o.cop[i * 3 + 2], 0);
    const y = local(o.cop[i * 3], o.cop[i * 3 + 1], o.cop[i * 3 + 2], 1);
    if (Math.abs(x) <= hx + margin && Math.abs(y) <= hy + margin) inside++;
  }
  return { loaded, inside, peakNormal };
}

describe('forcePlateOutputs on the c3d.org samples', () => {
  it.each([
    ['sample02/pc_real.c3d', 2],
    ['sample08/TESTAPI.c3d', 2],
    ['sample10/TYPE-2.C3D', 1],
    ['sample10/TYPE-4.C3D', 1],
    ['sample26/Capture0002.c3d', 2],
    ['sample27/kyowadengyo.c3d', 3],
    ['sample28/type1.C3D', 1],
  ])('%s: upward reaction of walking size and the COP inside the plate', (file, plates) => {
    const t = readC3d(readShared('c3d_org', ...file.split('/')));
    expect(t.forcePlates.length).toBe(plates);
    for (let p = 0; p < plates; p++) {
      const { loaded, inside, peakNormal } = copInside(t, p);
      expect(loaded).toBeGreaterThan(10);
      expect(inside / loaded).toBeGreaterThan(0.97);
      expect(peakNormal).toBeGreaterThan(250); // a foot contact (N), pointing up out of the plate
      expect(peakNormal).toBeLessThan(1500);
    }
  });

  it('walking2 (OpenSim): peak vertical force 1.0–1.5 × body weight, COP on the plates', () => {
    const t = readC3d(readShared('opensim_core', 'c3d', 'walking2.c3d'));
    for (let p = 0; p < 2; p++) {
      const { loaded, inside, peakNormal } = copInside(t, p, 0.02);
      expect(inside / loaded).toBeGreaterThan(0.95);
      expect(peakNormal).toBeGreaterThan(700);
      expect(peakNormal).toBeLessThan(1100);
    }
  });

  it('sample10: the type-4 plate (full CAL_MATRIX) agrees with the type-2 description (diagonal only)', () => {
    const o2 = forcePlateOutputs(readC3d(readShared('c3d_org', 'sample10', 'TYPE-2.C3D')), 0);
    const o4 = forcePlateOutputs(readC3d(readShared('c3d_org', 'sample10', 'TYPE-4.C3D')), 0);
    let n = 0;
    for (let i = 0; i < o2.samples; i++) {
      if (o2.force[i * 3 + 2] < 200) continue; // stance
      n++;
      for (let a = 0; a < 3; a++) {
        expect(Math.abs(o4.force[i * 3 + a] - o2.force[i * 3 + a])).toBeLessThan(10); // N, cross-talk terms
        expect(Math.abs(o4.cop[i * 3 + a] - o2.cop[i * 3 + a])).toBeLessThan(0.025); // m
      }
    }
    expect(n).toBeGreaterThan(500);
  });

  it('sample28 type 1: COP under the right foot (between RANK and RMET) at peak load', () => {
    const t = readC3d(readShared('c3d_org', 'sample28', 'type1.C3D'));
    const o = forcePlateOutputs(t, 0);
    let peak = 0;
    for (let i = 0; i < o.samples; i++) if (o.force[i * 3 + 1] > o.force[peak * 3 + 1]) peak = i;
    const frame = Math.floor(peak / (o.samples / t.points!.frames));
    const P = t.points!.labels.length;
    const at = (l: string): number[] => Array.from(t.points!.data.subarray((frame * P + t.points!.labels.indexOf(l)) * 3, (frame * P + t.points!.labels.indexOf(l)) * 3 + 3));
    const cop = Array.from(o.cop.subarray(peak * 3, peak * 3 + 3));
    const mid = at('RANK').map((v, k) => (v + at('RMET')[k]) / 2);
    expect(Math.hypot(cop[0] - mid[0], cop[2] - mid[2])).toBeLessThan(0.1);
  });
});
