import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readC3d } from '../../../../src/core/formats/c3d/read';
import { writeC3d } from '../../../../src/core/formats/c3d/write';
import { residualTable } from '../../../../src/core/formats/c3d/data';
import { readShared } from '../../../helpers/shared';
import type { ForcePlate, Trial, TrialEvent } from '../../../../src/core/model/trial';

/** Asserts that `b` reproduces `a` exactly for everything writeC3d promises (NaN = NaN, -0 ≠ 0). */
function expectSameRecording(a: Trial, b: Trial): void {
  expect(b.points === null).toBe(a.points === null);
  if (a.points && b.points) {
    const { data, residuals, cameraMasks, ...rest } = a.points;
    const { data: d2, residuals: r2, cameraMasks: m2, ...rest2 } = b.points;
    expect(rest2).toEqual(rest);
    expect(sameBits(d2, data)).toBe(-1);
    expect(sameBits(r2, residuals)).toBe(-1);
    expect(Array.from(m2)).toEqual(Array.from(cameraMasks));
  }
  expect(b.analogs === null).toBe(a.analogs === null);
  if (a.analogs && b.analogs) {
    const { channels, ...rest } = a.analogs;
    const { channels: c2, ...rest2 } = b.analogs;
    expect(rest2).toEqual(rest);
    channels.forEach((ch, i) => expect(sameBits(c2[i], ch)).toBe(-1));
  }
  expect(b.forcePlates.map(plateJson)).toEqual(a.forcePlates.map(plateJson));
  expect(b.events).toEqual(a.events);
}

/** Index of the first element that differs (Object.is), or -1. */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

const plateJson = (p: ForcePlate): unknown => ({ ...p, corners: Array.from(p.corners), origin: Array.from(p.origin), calMatrix: p.calMatrix && Array.from(p.calMatrix) });

const SHARED = [
  ['c3d_org', 'sample00', 'vicon_pyCGM2_lower_limb_CGM24_Walking01.c3d'],
  ['c3d_org', 'sample02', 'dec_int.c3d'],
  ['c3d_org', 'sample02', 'dec_real.c3d'],
  ['c3d_org', 'sample02', 'pc_int.c3d'],
  ['c3d_org', 'sample02', 'sgi_real.c3d'],
  ['c3d_org', 'sample04', 'sub_labels.c3d'],
  ['c3d_org', 'sample08', 'TESTBPI.c3d'],
  ['c3d_org', 'sample10', 'TYPE-4.C3D'],
  ['c3d_org', 'sample26', 'Capture0002.c3d'],
  ['c3d_org', 'sample27', 'kyowadengyo.c3d'],
  ['c3d_org', 'sample28', 'dynamic.C3D'],
  ['c3d_org', 'sample28', 'type1.C3D'],
  ['c3d_org', 'sample35', 'Mega_Electronics_Isokinetic_EMG_Angle_Torque.c3d'],
  ['opensim_core', 'c3d', 'walking2.c3d'],
];

describe('writeC3d round trip', () => {
  it.each(SHARED.map((p) => [p.join('/'), p]))('readC3d(writeC3d(t)) reproduces %s', (_, parts) => {
    const t = readC3d(readShared(...(parts as string[])));
    const bytes = writeC3d(t);
    expect(bytes.length % 512).toBe(0);
    const u = readC3d(bytes);
    expectSameRecording(t, u);
    expect(u.metadata.processor).toBe('intel');
    expect(u.metadata.storage).toBe('float');
    expect(u.metadata.upAxis).toBe(t.metadata.upAxis);
  });

  it('writes more than 255 labels as LABELS, LABELS2 … and reads them back in order', () => {
    const t = movingPointTrial(300, 3, 1);
    const u = readC3d(writeC3d(t));
    expect(u.points!.labels.length).toBe(300);
    expect(u.points!.labels.slice(253, 258)).toEqual(['M253', 'M254', 'M255', 'M256', 'M257']);
    expectSameRecording(t, u);
  });

  it('writes more than 255 analog channels as LABELS2, SCALE2, OFFSET2, UNITS2 … and reads them back', () => {
    const C = 300;
    const t: Trial = {
      points: null,
      analogs: {
        labels: Array.from({ length: C }, (_, i) => `EMG${i}`),
        descriptions: Array.from({ length: C }, () => ''),
        units: Array.from({ length: C }, (_, i) => (i % 2 ? 'V' : 'uV')),
        rate: 1000,
        samples: 2,
        channels: Array.from({ length: C }, (_, i) => Float32Array.from([i, -i / 7])),
      },
      forcePlates: [],
      events: [],
      metadata: { format: 'c3d', upAxis: 'z', warnings: [] },
    };
    const u = readC3d(writeC3d(t));
    expect(u.analogs!.labels[299]).toBe('EMG299');
    expect(u.analogs!.units.slice(254, 258)).toEqual(['uV', 'V', 'uV', 'V']);
    expectSameRecording(t, u);
  });

  it('writes more than 65535 frames (TRIAL:ACTUAL_*_FIELD, POINT:LONG_FRAMES) and a first frame above 65535', () => {
    const t = movingPointTrial(1, 70000, 70001);
    const u = readC3d(writeC3d(t));
    expect(u.points!.frames).toBe(70000);
    expect(u.points!.firstFrame).toBe(70001);
    expectSameRecording(t, u);
  });
});

/** P points, F frames: point 0 moves along x (1 mm per frame), the others are missing. */
function movingPointTrial(P: number, F: number, firstFrame: number): Trial {
  const data = new Float32Array(F * P * 3).fill(NaN);
  const residuals = new Float32Array(F * P).fill(-1);
  for (let f = 0; f < F; f++) {
    data.set([f / 1000, 0, 0], f * P * 3);
    residuals[f * P] = 0;
  }
  return {
    points: { labels: Array.from({ length: P }, (_, i) => `M${i}`), descriptions: Array.from({ length: P }, () => ''), rate: 100, frames: F, firstFrame, originalUnits: 'mm', data, residuals, cameraMasks: new Uint8Array(F * P) },
    analogs: null,
    forcePlates: [],
    events: [],
    metadata: { format: 'c3d', upAxis: 'z', warnings: [] },
  };
}

// ---- property test: arbitrary small trials as a C3D reader would produce them ----

const label = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,10}[A-Za-z0-9_]$/);
const f32 = (min: number, max: number) => fc.float({ min: Math.fround(min), max: Math.fround(max), noNaN: true, noDefaultInfinity: true });
const UNITS = { mm: 1000, cm: 100, m: 1 } as const;

const trialArb = fc
  .record({
    P: fc.integer({ min: 0, max: 5 }),
    F: fc.integer({ min: 0, max: 12 }),
    C: fc.integer({ min: 0, max: 9 }),
    S: fc.integer({ min: 1, max: 3 }),
    units: fc.constantFrom<keyof typeof UNITS>('mm', 'cm', 'm'),
    scale: fc.constantFrom(-0.1, -1, -0.01, -0.2812).map(Math.fround), // POINT:SCALE is a float32 in the file
    rate: fc.constantFrom(50, 100, 120, 250),
    firstFrame: fc.integer({ min: 0, max: 200000 }),
    upAxis: fc.constantFrom<'y' | 'z'>('y', 'z'),
    seed: fc.integer(),
  })
  .filter((z) => z.P > 0 || z.C > 0)
  .chain((z) => {
    const n = z.F * z.P;
    const samples = z.P > 0 ? z.F * z.S : z.F;
    return fc.record({
      z: fc.constant(z),
      labels: fc.array(label, { minLength: z.P, maxLength: z.P }),
      cells: fc.array(fc.record({ valid: fc.boolean(), v: fc.tuple(f32(-1e5, 1e5), f32(-1e5, 1e5), f32(-1e5, 1e5)), residual: fc.integer({ min: 0, max: 255 }), mask: fc.integer({ min: 0, max: 255 }) }), { minLength: n, maxLength: n }),
      analogLabels: fc.array(label, { minLength: z.C, maxLength: z.C }),
      analogUnits: fc.array(fc.constantFrom('V', 'N', 'Nmm', 'uV'), { minLength: z.C, maxLength: z.C }),
      analog: fc.array(fc.array(fc.float({ noDefaultInfinity: true }), { minLength: samples, maxLength: samples }), { minLength: z.C, maxLength: z.C }),
      plates: fc.array(
        fc.record({
          type: fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4),
          corners: fc.array(f32(-3000, 3000), { minLength: 12, maxLength: 12 }),
          origin: fc.array(f32(-100, 100), { minLength: 3, maxLength: 3 }),
          cal: fc.array(f32(-1000, 1000), { minLength: 36, maxLength: 36 }),
        }),
        { maxLength: 3 },
      ),
      events: fc.array(fc.record({ label, context: fc.constantFrom('Left', 'Right', 'General', ''), time: f32(0, 5000), description: fc.option(label, { nil: undefined }) }), { maxLength: 5 }),
    });
  })
  .map(({ z, labels, cells, analogLabels, analogUnits, analog, plates, events }): Trial => {
    const upm = z.P > 0 ? UNITS[z.units] : 1000; // without points there are no POINT:UNITS to keep: mm
    const table = residualTable(z.scale, upm);
    const data = new Float32Array(z.F * z.P * 3);
    const residuals = new Float32Array(z.F * z.P);
    const masks = new Uint8Array(z.F * z.P);
    cells.forEach((c, i) => {
      if (!c.valid) {
        data.fill(NaN, i * 3, i * 3 + 3);
        residuals[i] = -1;
        return;
      }
      for (let a = 0; a < 3; a++) data[i * 3 + a] = c.v[a] / upm; // as readC3d derives metres from file values
      residuals[i] = table[c.residual];
      masks[i] = c.mask;
    });
    const samples = z.P > 0 ? z.F * z.S : z.F;
    return {
      points:
        z.P > 0
          ? { labels, descriptions: labels.map((l) => `${l} marker`), rate: z.rate, frames: z.F, firstFrame: z.firstFrame, originalUnits: z.units, data, residuals, cameraMasks: masks }
          : null,
      analogs:
        z.C > 0
          ? { labels: analogLabels, descriptions: analogLabels.map(() => ''), units: analogUnits, rate: z.P > 0 ? z.rate * z.S : z.rate, samples, channels: analog.map((a) => Float32Array.from(a)) }
          : null,
      forcePlates: plates.map((p, i) => ({
        type: p.type,
        corners: Float64Array.from(p.corners, (v) => v / upm),
        origin: Float64Array.from(p.origin, (v) => v / upm),
        channels: Array.from({ length: p.type === 3 ? 8 : 6 }, (_, k) => i * 8 + k),
        calMatrix: p.type === 4 && p.cal.some((v) => v !== 0) ? Float64Array.from(p.cal) : null,
      })),
      events: events.map((e): TrialEvent => (e.description === undefined ? { label: e.label, context: e.context, time: e.time } : { ...e, description: e.description })),
      metadata: { format: 'c3d', upAxis: z.upAxis, warnings: [], extra: { c3d: { pointScale: z.scale } } },
    };
  });

describe('writeC3d property', () => {
  it('readC3d(writeC3d(t)) equals t for points (NaN, residuals, camera masks), analogs, plates and events', () => {
    fc.assert(
      fc.property(trialArb, (t) => {
        const u = readC3d(writeC3d(t));
        expectSameRecording(t, u);
        expect(u.metadata.upAxis).toBe(t.metadata.upAxis);
      }),
      { numRuns: 200, seed: 20261125 },
    );
  });
});
