import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../../src/core/errors';
import { readTrc } from '../../../../src/core/formats/trc/read';
import { writeTrc } from '../../../../src/core/formats/trc/write';
import { newPointData, newTrial } from '../../../../src/core/convert/newTrial';
import { sharedData } from '../../../helpers/shared';

const text = (...p: string[]) => readFileSync(sharedData(...p), 'utf8');

describe('writeTrc', () => {
  it('writes the header structure of OpenSim exports (same keys line, label layout, X/Y/Z line, empty line)', () => {
    const reference = text('opensim_core', 'gait10dof18musc', 'subject01_walk.trc').split('\n');
    const out = writeTrc(readTrc(reference.join('\n'))).split('\n');
    expect(out[0]).toBe('PathFileType\t4\t(X/Y/Z)\tsubject01_walk1.trc');
    expect(out[1]).toBe(reference[1]);
    expect(out[2]).toBe('60.000000\t60.000000\t151\t41\tmm\t60.000000\t1\t151');
    expect(out[3]).toBe(reference[3]); // Frame#<tab>Time<tab>name<tab><tab><tab>…
    expect(out[4]).toBe(reference[4]); // <tab><tab>X1<tab>Y1<tab>Z1<tab>…
    expect(out[5]).toBe('');
    const row = out[6].split('\t');
    expect(row.slice(0, 2)).toEqual(['1', '0']);
    // float32 metres keep ~7 significant digits: within 0.0001 mm of the source text
    [617.24762, 1055.27502, 170.78198].forEach((v, i) => expect(Math.abs(Number(row[2 + i]) - v)).toBeLessThan(1e-4));
    expect(row.length).toBe(2 + 41 * 3 + 1); // trailing tab, as OpenSim writes
    expect(out[7].split('\t')[1]).toBe('0.0166666666667');
  });

  it('round-trips the OpenSim walk exactly (float32 metres), in mm and in m', () => {
    const src = readTrc(text('opensim_core', 'gait10dof18musc', 'subject01_walk.trc'));
    for (const units of ['mm', 'm'] as const) {
      const back = readTrc(writeTrc(src, { units }));
      expect(back.points!.originalUnits).toBe(units);
      expect(back.points!.labels).toEqual(src.points!.labels);
      const a = back.points!.data;
      const b = src.points!.data;
      let same = a.length === b.length;
      for (let i = 0; i < a.length && same; i++) same = Object.is(a[i], b[i]);
      expect(same).toBe(true);
      expect(back.metadata.warnings).toEqual([]);
    }
  });

  it('round-trips any points, NaN included (property)', () => {
    const coordinate = fc.oneof(fc.constant(Number.NaN), fc.float({ min: -5, max: 5, noNaN: true }));
    const arb = fc.record({
      markers: fc.integer({ min: 1, max: 5 }),
      frames: fc.integer({ min: 1, max: 12 }),
      rate: fc.constantFrom(50, 60, 100, 119.88012, 250),
      units: fc.constantFrom('mm' as const, 'm' as const),
      seed: fc.array(coordinate, { minLength: 180, maxLength: 180 }),
    });
    fc.assert(fc.property(arb, ({ markers, frames, rate, units, seed }) => {
      const data = new Float32Array(frames * markers * 3);
      for (let i = 0; i < data.length; i++) data[i] = seed[i % seed.length];
      const trial = newTrial('trc', 'y');
      trial.points = newPointData(Array.from({ length: markers }, (_, i) => `M${i}`), frames, rate, units, data);
      const back = readTrc(writeTrc(trial, { units })).points!;
      expect(back.frames).toBe(frames);
      expect(back.rate).toBeCloseTo(rate, 6);
      expect(Array.from(back.data)).toEqual(Array.from(data));
    }), { numRuns: 60 });
  });

  it('names empty labels and flattens tabs so the file reads back with every marker', () => {
    const trial = newTrial('c3d', 'z');
    trial.points = newPointData(['', 'L\tHEE'], 1, 100, 'mm', new Float32Array([0, 0, 0, 1, 1, 1]));
    expect(readTrc(writeTrc(trial)).points!.labels).toEqual(['marker1', 'L HEE']);
  });

  it('refuses a trial without points', () => {
    expect(() => writeTrc(newTrial('c3d', 'z'))).toThrow(KinetwinError);
  });
});
