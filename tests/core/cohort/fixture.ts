import { readFileSync } from 'node:fs';
import { readCsvTable } from '../../../src/core/metrics/read-csv-table';
import type { Table } from '../../../src/core/metrics/table';
import { sharedData } from '../../helpers/shared';

let cached: Table | null = null;

/** ANSUR II training table (4,854 rows), parsed once per test file. */
export function ansur(): Table {
  if (!cached) cached = readCsvTable(readFileSync(sharedData('anthropometry', 'ansur2_train.csv'), 'utf8')).table;
  return cached;
}
