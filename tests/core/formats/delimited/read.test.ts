import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../../src/core/errors';
import { readDelimited } from '../../../../src/core/formats/delimited/read';
import { sniffDelimiter, splitRows } from '../../../../src/core/formats/delimited/rows';
import { parseNumberCell } from '../../../../src/core/formats/delimited/parseNumber';
import { readShared } from '../../../helpers/shared';

describe('parseNumberCell', () => {
  it('reads decimals, e-notation, blanks and NaN spellings; rejects words', () => {
    expect(parseNumberCell(' -1.5e-3 ')).toBe(-0.0015);
    expect(parseNumberCell('.5')).toBe(0.5);
    expect(parseNumberCell('2.50E+02')).toBe(250);
    for (const s of ['', '  ', 'NaN', 'nan', 'NAN', '-nan(ind)', '-NaN(IND)', '1.#QNAN', '#N/A']) expect(Number.isNaN(parseNumberCell(s))).toBe(true);
    expect(parseNumberCell('-inf')).toBe(Number.NEGATIVE_INFINITY);
    expect(parseNumberCell('1,5')).toBeNull();
    expect(parseNumberCell('1,5', true)).toBe(1.5);
    expect(parseNumberCell('0x10')).toBeNull();
    expect(parseNumberCell('abc')).toBeNull();
  });
});

describe('splitRows and sniffDelimiter', () => {
  it('keeps quoted delimiters, doubled quotes and quoted line breaks inside one cell', () => {
    expect(splitRows('a,"b, c","say ""hi"""\r\n1,"2\n3",4\n', ',')).toEqual([['a', 'b, c', 'say "hi"'], ['1', '2\n3', '4']]);
  });
  it('picks tab, semicolon (even with decimal commas) and comma', () => {
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('a;b;c\n1,5;2,25;3\n4,0;5,5;6\n')).toBe(';');
    expect(sniffDelimiter('a,b,c\n1.5,2,3\n')).toBe(',');
  });
});

describe('readDelimited', () => {
  it('a comma file with quoted headers', () => {
    const t = readDelimited('"Time (s)","Fz, right [N]"\n0,700.5\n0.001,701\n');
    expect(t.delimiter).toBe(',');
    expect(t.headers).toEqual(['Time (s)', 'Fz, right [N]']);
    expect(Array.from(t.columns[1])).toEqual([700.5, 701]);
    expect(t.warnings).toEqual([]);
  });

  it('a semicolon file with decimal commas and a preamble', () => {
    const t = readDelimited('Exported by LabTool 3.2\nSubject;P01\n\ntime;knee_angle_l;hip\n0,00;12,5;-3,25\n0,01;12,75;NaN\n');
    expect(t.delimiter).toBe(';');
    expect(t.decimalComma).toBe(true);
    expect(t.preamble).toEqual(['Exported by LabTool 3.2', 'Subject;P01']);
    expect(t.headers).toEqual(['time', 'knee_angle_l', 'hip']);
    expect(Array.from(t.columns[1])).toEqual([12.5, 12.75]);
    expect(Number.isNaN(t.columns[2][1])).toBe(true);
  });

  it('a tab file without a header names its columns', () => {
    const t = readDelimited('1\t2\n3\t4\n');
    expect(t.headers).toEqual(['column1', 'column2']);
    expect(Array.from(t.columns[0])).toEqual([1, 3]);
    expect(t.warnings.length).toBe(1);
  });

  it('the APDM export: preamble, header and units row found; 1024 samples × 61 columns', () => {
    const t = readDelimited(readShared('opensim_core', 'imu', 'apdm_imuData01.csv'));
    expect(t.preamble).toEqual(['Test Name:,Pendulum Test 01', 'Sample Rate:,128,Hz']);
    expect(t.headers.length).toBe(61);
    expect(t.headers[1]).toBe('Static/Acceleration/X');
    expect(t.units![1]).toBe('m/s^2');
    expect(t.columns[0].length).toBe(1024);
    expect(t.columns[0][0]).toBe(0.007457625);
    expect(t.columns[3][1023]).toBe(9.723807335);
  });

  it('round-trips any numeric table written with any delimiter (property)', () => {
    const arb = fc.record({
      delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const),
      cols: fc.integer({ min: 2, max: 5 }),
      rows: fc.integer({ min: 2, max: 8 }),
      values: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 40, maxLength: 40 }),
    });
    fc.assert(fc.property(arb, ({ delimiter, cols, rows, values }) => {
      const headers = Array.from({ length: cols }, (_, c) => `ch${c}`);
      const lines = [headers.join(delimiter)];
      for (let r = 0; r < rows; r++) lines.push(headers.map((_, c) => String(values[(r * cols + c) % values.length])).join(delimiter));
      const t = readDelimited(lines.join('\n'));
      expect(t.delimiter).toBe(delimiter);
      expect(t.headers).toEqual(headers);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expect(t.columns[c][r]).toBe(values[(r * cols + c) % values.length] + 0);
    }), { numRuns: 80 });
  });

  it('rejects empty and non-numeric files', () => {
    expect(() => readDelimited('')).toThrow(KinetwinError);
    expect(() => readDelimited('a,b\nc,d\n')).toThrow(/no numeric rows/);
  });
});

describe('toText', () => {
  it('decodes UTF-8 (dropping a BOM) and falls back to Windows-1252 for Latin-1 exports', async () => {
    const { toText, splitLines } = await import('../../../../src/core/formats/delimited/text');
    expect(toText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc2, 0xb0]))).toBe('a°');
    expect(toText(new Uint8Array([0x6b, 0x6e, 0x5f, 0x4c, 0xb0]))).toBe('kn_L°');
    expect(splitLines('a\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd']);
  });
});
