// MotTable → OpenSim MOT/STO text. Version 1: name, version=1, nRows, nColumns, inDegrees, endheader.
// Version 3 (OpenSim 4 STOFileAdapter): the table's other header keys (DataRate, DataType…) then version=3.

import { KinetwinError } from '../../errors';
import { formatNumber } from '../delimited/parseNumber';
import type { MotTable } from './table';

export interface WriteMotOptions {
  version?: 1 | 3; // default: the table's version when 3, else 1
}

const OWN_KEYS = new Set(['name', 'version', 'nrows', 'ncolumns', 'indegrees', 'datarows', 'datacolumns', 'range', 'opensimversion']);

/** Serialise a MotTable (LF line endings; numbers in shortest round-trip form, NaN as 'NaN'). */
export function writeMot(table: MotTable, options: WriteMotOptions = {}): string {
  const n = table.columns.length;
  if (n === 0) throw new KinetwinError('cannot write a MOT file without columns');
  if (table.data.length !== table.rows * n) throw new KinetwinError(`MOT table data holds ${table.data.length} values, expected ${table.rows} × ${n}`);
  for (const c of table.columns) if (/[\t\r\n]/.test(c) || c === '') throw new KinetwinError(`MOT column label '${c}' is empty or holds a tab or line break`);
  const version = options.version ?? (table.version === 3 ? 3 : 1);
  const out: string[] = [];
  const name = table.name.replace(/[\r\n]/g, ' ').trim();
  if (version === 1) {
    out.push(name === '' ? 'kinetwin' : name, 'version=1', `nRows=${table.rows}`, `nColumns=${n}`, `inDegrees=${table.inDegrees ? 'yes' : 'no'}`);
  } else {
    if (name !== '') out.push(name);
    out.push(`nRows=${table.rows}`, `nColumns=${n}`, `inDegrees=${table.inDegrees ? 'yes' : 'no'}`);
    for (const [k, v] of Object.entries(table.header)) {
      if (!OWN_KEYS.has(k.toLowerCase()) && !/[=\r\n]/.test(k) && !/[\r\n]/.test(v)) out.push(`${k}=${v}`);
    }
    out.push('version=3');
  }
  out.push('endheader', table.columns.join('\t'));
  const row: string[] = new Array(n);
  for (let r = 0; r < table.rows; r++) {
    for (let c = 0; c < n; c++) row[c] = formatNumber(table.data[r * n + c]);
    out.push(row.join('\t'));
  }
  return `${out.join('\n')}\n`;
}
