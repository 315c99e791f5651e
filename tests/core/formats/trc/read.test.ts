import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../../src/core/errors';
import { readTrc } from '../../../../src/core/formats/trc/read';
import { pointIndex } from '../../../../src/core/model/trial';
import { readShared, sharedData } from '../../../helpers/shared';

const text = (...p: string[]) => readFileSync(sharedData(...p), 'utf8');

describe('readTrc on OpenSim files', () => {
  it('reads gait10dof18musc subject01_walk: 151 frames, 41 markers, 60 Hz, mm → metres', () => {
    const t = readTrc(readShared('opensim_core', 'gait10dof18musc', 'subject01_walk.trc'));
    const p = t.points!;
    expect(p.frames).toBe(151);
    expect(p.labels.length).toBe(41);
    expect(p.rate).toBe(60);
    expect(p.originalUnits).toBe('mm');
    expect(p.labels[0]).toBe('R.ASIS');
    expect(p.labels[2]).toBe('V.Sacral');
    // first row: 617.247620 1055.275020 170.781980 (mm)
    expect(p.data[0]).toBeCloseTo(0.61724762, 7);
    expect(p.data[1]).toBeCloseTo(1.05527502, 6);
    expect(p.data[2]).toBeCloseTo(0.17078198, 7);
    // last row, first marker: 597.613650 1045.068850 169.864320
    const last = pointIndex(41, 150, 0, 0);
    expect(p.data[last]).toBeCloseTo(0.59761365, 7);
    expect(p.data[last + 2]).toBeCloseTo(0.16986432, 7);
    expect(t.metadata.upAxis).toBe('y');
    expect(t.metadata.extra?.startTime).toBe(0);
    expect(t.metadata.warnings).toEqual([]);
  });

  it('reads the static trial (300 frames, 49 markers)', () => {
    const t = readTrc(readShared('opensim_core', 'gait10dof18musc', 'subject01_static.trc'));
    expect(t.points!.frames).toBe(300);
    expect(t.points!.labels.length).toBe(49);
    expect(t.points!.data[0]).toBeCloseTo(0.60866431, 7);
  });

  it('reads rajagopal markers_walk with space-padded, doubled-tab metadata (238 frames, 41 markers, 100 Hz)', () => {
    const t = readTrc(text('opensim_core', 'rajagopal_walk', 'markers_walk.trc'));
    const p = t.points!;
    expect(p.frames).toBe(238);
    expect(p.labels.length).toBe(41);
    expect(p.rate).toBe(100);
    expect(p.labels[0]).toBe('R.Shoulder');
    expect(p.data[0]).toBeCloseTo(-0.65263, 6);
    expect(p.data[pointIndex(41, 237, 0, 0)]).toBeCloseTo(2.305031, 6);
  });

  it('reads the OpenSim 4 C3D export (misaligned label tabs, NaN cells): 126 frames, 44 markers', () => {
    const t = readTrc(text('opensim_core', 'c3d', 'std_walking2_markers.trc'));
    const p = t.points!;
    expect(p.frames).toBe(126);
    expect(p.labels.length).toBe(44);
    expect(p.labels[0]).toBe('RTH1');
    expect(p.labels[43]).toBe('RKJC');
    expect(p.rate).toBe(250);
    expect(Number.isNaN(p.data[0])).toBe(true);
    expect(p.residuals[0]).toBe(-1);
    // file line 60 = data row 54, RFHD = -382.78 430.94 1685.9 mm
    const i = pointIndex(44, 53, 1, 0);
    expect(p.data[i]).toBeCloseTo(-0.38278, 6);
    expect(p.data[i + 2]).toBeCloseTo(1.6859, 6);
    // its time column steps 0.04 s against a 250 Hz DataRate: reported, not hidden
    expect(t.metadata.warnings.some((w) => w.includes('DataRate'))).toBe(true);
  });
});

describe('readTrc on the edge cases', () => {
  it('exampleFormat.trc: blanks and Nan/nan/NAN become NaN, metres stay metres', () => {
    const t = readTrc(text('opensim_core', 'trc_edge_cases', 'exampleFormat.trc'));
    const p = t.points!;
    expect(p.frames).toBe(5);
    expect(p.labels).toEqual(['marker1', 'marker2', 'marker3']);
    expect(p.originalUnits).toBe('m');
    expect(p.rate).toBe(100);
    for (let a = 0; a < 3; a++) expect(Number.isNaN(p.data[pointIndex(3, 0, 0, a)])).toBe(true);
    for (let a = 0; a < 3; a++) expect(Number.isNaN(p.data[pointIndex(3, 2, 1, a)])).toBe(true);
    expect(p.data[pointIndex(3, 1, 0, 0)]).toBeCloseTo(-0.273, 6);
    expect(p.data[pointIndex(3, 4, 2, 2)]).toBeCloseTo(-1.7, 6);
    expect(p.firstFrame).toBe(1);
    expect(t.metadata.extra?.startTime).toBeCloseTo(0.01, 12);
  });

  it('dataWithEformat.trc: e-notation values and trailing-tab header lines', () => {
    const t = readTrc(text('opensim_core', 'trc_edge_cases', 'dataWithEformat.trc'));
    const p = t.points!;
    expect(p.frames).toBe(5);
    expect(p.labels.length).toBe(14);
    expect(p.rate).toBeCloseTo(119.88012, 5);
    expect(p.data[0]).toBeCloseTo(-0.273, 6);
    expect(p.data[2]).toBeCloseTo(-1.57, 6);
    expect(p.data[pointIndex(14, 1, 13, 0)]).toBeCloseTo(-0.163, 6);
  });

  it('the CRLF copy of subject01_walk gives the same numbers as the clean file (also with real CRLF endings)', () => {
    const clean = readTrc(text('opensim_core', 'gait10dof18musc', 'subject01_walk.trc')).points!;
    const raw = text('opensim_core', 'trc_edge_cases', 'gait10dof18musc_walk_CRLF_line_ending.trc');
    for (const variant of [raw, raw.replace(/\r?\n/g, '\r\n')]) {
      const edge = readTrc(variant).points!;
      expect(edge.frames).toBe(10);
      expect(edge.labels).toEqual(clean.labels);
      expect(Array.from(edge.data)).toEqual(Array.from(clean.data.subarray(0, 10 * 41 * 3)));
    }
  });
});

describe('readTrc rejects bad input', () => {
  const good = text('opensim_core', 'trc_edge_cases', 'exampleFormat.trc');
  it('garbage and empty input', () => {
    expect(() => readTrc('hello world')).toThrow(KinetwinError);
    expect(() => readTrc('')).toThrow(/PathFileType/);
    expect(() => readTrc(new Uint8Array([0, 1, 2, 255, 254]))).toThrow(KinetwinError);
  });
  it('a truncated header', () => {
    expect(() => readTrc(good.split('\n').slice(0, 3).join('\n'))).toThrow(/truncated/);
  });
  it('a NaN or zero rate', () => {
    expect(() => readTrc(good.replace('100\t100\t5', 'NaN\t100\t5'))).toThrow(/DataRate/);
    expect(() => readTrc(good.replace('100\t100\t5', '0\t100\t5'))).toThrow(/DataRate/);
  });
  it('unknown units and non-numeric cells', () => {
    expect(() => readTrc(good.replace('\tm\t', '\tfurlong\t'))).toThrow(/units/);
    expect(() => readTrc(good.replace('-0.152', 'abc'))).toThrow(/not a number/);
  });
  it('absurd dimensions (many markers named, rows holding nothing) without allocating them', () => {
    const names = Array.from({ length: 20000 }, (_, i) => `m${i}\t\t`).join('\t');
    const rows = Array.from({ length: 20000 }, (_, i) => `${i + 1}\t${i / 100}`).join('\n');
    const hostile = `PathFileType\t4\t(X/Y/Z)\tx.trc\n${good.split('\n')[1]}\n100\t100\t20000\t20000\tmm\t100\t1\t20000\nFrame#\tTime\t${names}\n\t\tX1\n\n${rows}\n`;
    expect(() => readTrc(hostile)).toThrow(/implausible/);
  });
  it('short rows read as NaN with a warning', () => {
    const t = readTrc(good.replace('4\t0.04\t-0.273\t0.0745\t-1.57\t-0.152\t0.245\t-1.71\t-0.0517\t0.305\t-1.7', '4\t0.04\t-0.273'));
    expect(Number.isNaN(t.points!.data[pointIndex(3, 3, 2, 2)])).toBe(true);
    expect(t.metadata.warnings.some((w) => w.includes('shorter'))).toBe(true);
  });
});

describe('readTrc up axis', () => {
  it('keeps Y-up for OpenSim trials and detects the Z-up C3D export from how the markers stand', () => {
    expect(readTrc(text('opensim_core', 'gait10dof18musc', 'subject01_static.trc')).metadata.upAxis).toBe('y');
    expect(readTrc(text('opensim_core', 'rajagopal_walk', 'markers_walk.trc')).metadata.upAxis).toBe('y');
    const z = readTrc(text('opensim_core', 'c3d', 'std_walking2_markers.trc'));
    expect(z.metadata.upAxis).toBe('z');
    expect(z.metadata.warnings.some((w) => w.includes('read as z-up'))).toBe(true);
    expect(readTrc(text('opensim_core', 'c3d', 'std_walking2_markers.trc'), { upAxis: 'y' }).metadata.upAxis).toBe('y');
    expect(readTrc(text('opensim_core', 'trc_edge_cases', 'exampleFormat.trc')).metadata.upAxis).toBe('y'); // 3 markers: no guess
  });
});
