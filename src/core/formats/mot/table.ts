// The MOT/STO table: OpenSim's storage file as named columns over a flat row-major buffer.

export interface MotTable {
  name: string; // first header line when it is not a key=value pair ('' when absent)
  version: number; // 1 or 3 from `version=`; 0 when the header has no version line (legacy Storage header)
  inDegrees: boolean; // angles in degrees (`inDegrees=yes`); a missing flag means radians
  columns: string[]; // column labels, the first usually 'time'
  data: Float64Array; // rows × columns, row-major, in the file's units; NaN for blanks/NaN
  rows: number;
  header: Record<string, string>; // every header key (nRows, DataRate, datacolumns, range, …) as written
  warnings: string[];
}

/** Index of a column by label (case-insensitive), or -1. */
export function motColumn(table: MotTable, label: string): number {
  const lower = label.toLowerCase();
  return table.columns.findIndex((c) => c.toLowerCase() === lower);
}

/** One column as a new Float64Array (rows long). */
export function motColumnValues(table: MotTable, index: number): Float64Array {
  const out = new Float64Array(table.rows);
  const n = table.columns.length;
  for (let r = 0; r < table.rows; r++) out[r] = table.data[r * n + index];
  return out;
}
