import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../../src/core/errors';
import { readForceText } from '../../../../src/core/formats/forcetext/read';
import { readShared } from '../../../helpers/shared';

describe('readForceText on the jump recordings', () => {
  it('Single-CMJ-Fz.txt: one plate, 5000 samples at 1000 Hz, first/last values from the file', () => {
    const a = readForceText(readShared('jump_forceplate', 'Single-CMJ-Fz.txt')).analogs!;
    expect(a.labels).toEqual(['Fz1']);
    expect(a.units).toEqual(['N']);
    expect(a.rate).toBe(1000);
    expect(a.samples).toBe(5000);
    expect(a.channels[0][0]).toBeCloseTo(661.156, 3);
    expect(a.channels[0][4999]).toBeCloseTo(663.959, 3);
  });

  it('Single-DJ-Fz.txt: starts unloaded (1.688 N) and ends loaded', () => {
    const a = readForceText(readShared('jump_forceplate', 'Single-DJ-Fz.txt')).analogs!;
    expect(a.samples).toBe(5000);
    expect(a.channels[0][0]).toBeCloseTo(1.688, 3);
    expect(a.channels[0][4999]).toBeCloseTo(670.1, 3);
  });

  it('Dual-CMJ-Fz.txt: the FP1/FP2 label line gives two channels Fz1, Fz2; the caller sets the rate', () => {
    const t = readForceText(readShared('jump_forceplate', 'Dual-CMJ-Fz.txt'), { rate: 500 });
    const a = t.analogs!;
    expect(a.labels).toEqual(['Fz1', 'Fz2']);
    expect(a.descriptions).toEqual(['FP1', 'FP2']);
    expect(a.samples).toBe(5000);
    expect(a.rate).toBe(500);
    expect(a.channels[0][0]).toBeCloseTo(301.312, 3);
    expect(a.channels[1][0]).toBeCloseTo(359.844, 3);
    expect(t.metadata.upAxis).toBe('z');
    // quiet standing: the two plates together carry one body weight (~660 N as on the single plate)
    let sum = 0;
    for (let i = 0; i < 500; i++) sum += a.channels[0][i] + a.channels[1][i];
    expect(sum / 500).toBeGreaterThan(600);
    expect(sum / 500).toBeLessThan(720);
  });

  it('rejects a NaN or negative rate, garbage, ragged rows and empty files', () => {
    const single = readShared('jump_forceplate', 'Single-CMJ-Fz.txt');
    expect(() => readForceText(single, { rate: Number.NaN })).toThrow(/rate/);
    expect(() => readForceText(single, { rate: -1 })).toThrow(KinetwinError);
    expect(() => readForceText('')).toThrow(/empty/);
    expect(() => readForceText('FP1\tFP2\n1\t2\n3\n')).toThrow(/line 3 has 1 values/);
    expect(() => readForceText('1\n2\nabc\n')).toThrow(/not a number/);
    expect(() => readForceText('FP1\n')).toThrow(/no samples/);
  });
});
