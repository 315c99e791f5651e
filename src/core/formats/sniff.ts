// Which importer a file needs, from its name and first bytes (a few KiB are enough). Content signatures
// win over extensions; an extension alone gives a lower confidence.

import { imuVendor } from './imu/read';
import { mapHeaders } from './headermap';
import { splitRows, sniffDelimiter } from './delimited/rows';

export type SniffedFormat = 'c3d' | 'trc' | 'mot' | 'sto' | 'bvh' | 'imu-apdm' | 'imu-xsens' | 'force-text' | 'csv' | 'training-log' | 'dicom' | 'unknown';

export interface SniffResult {
  format: SniffedFormat;
  confidence: number; // 0–1
}

const LOG_FIELDS = new Set(['date', 'athlete', 'session_type', 'minutes', 'srpe', 'session_load', 'sleep_hours', 'nutrition', 'injury']);

/** True when the bytes look like text (no NUL, few control characters). */
function isText(bytes: Uint8Array): boolean {
  let control = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control <= n / 100;
}

/** Guess the format of `fileName` from its extension and `firstBytes`. */
export function sniffFormat(fileName: string, firstBytes: Uint8Array): SniffResult {
  const ext = (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  const b = firstBytes;
  // DICOM: 'DICM' at byte 128 (Part 10); C3D: byte 2 = 0x50 (key) and a parameter-block pointer in byte 1
  if (b.length >= 132 && b[128] === 0x44 && b[129] === 0x49 && b[130] === 0x43 && b[131] === 0x4d) return { format: 'dicom', confidence: 1 };
  if (b.length >= 2 && b[1] === 0x50 && b[0] >= 2 && b[0] < 128) {
    const param = (b[0] - 1) * 512; // parameter section: byte 3 = processor 84 (Intel), 85 (DEC), 86 (MIPS)
    if (b.length > param + 3 && b[param + 3] >= 84 && b[param + 3] <= 86) return { format: 'c3d', confidence: 1 };
    if (b.length <= param + 3 && (ext === 'c3d' || !isText(b))) return { format: 'c3d', confidence: ext === 'c3d' ? 0.9 : 0.6 };
  }
  if (!isText(b)) {
    if (ext === 'c3d') return { format: 'c3d', confidence: 0.5 };
    if (ext === 'dcm' || ext === 'dicom') return { format: 'dicom', confidence: 0.6 };
    return { format: 'unknown', confidence: 0 };
  }
  const text = new TextDecoder('utf-8').decode(b.subarray(0, Math.min(b.length, 16384))).replace(/^\ufeff/, '');
  const head = text.trimStart();
  if (/^PathFileType\b/i.test(head)) return { format: 'trc', confidence: 1 };
  if (/^HIERARCHY\b/.test(head)) return { format: 'bvh', confidence: 1 };
  const vendor = imuVendor(text);
  if (vendor === 'xsens') return { format: 'imu-xsens', confidence: 0.95 };
  if (vendor === 'apdm') return { format: 'imu-apdm', confidence: 0.95 };
  if (/^[ \t]*endheader[ \t]*$/im.test(text) || (ext === 'mot' || ext === 'sto') && /^(nRows|version|datacolumns)\b/im.test(text)) {
    return { format: ext === 'sto' || vendor === 'opensim-sto' ? 'sto' : 'mot', confidence: ext === 'mot' || ext === 'sto' ? 1 : 0.85 };
  }
  const rows = splitRows(text, sniffDelimiter(text)).slice(0, 12);
  for (const row of rows) {
    const mapped = mapHeaders(row.map((c) => c.trim()));
    const logFields = new Set(mapped.filter((m) => m.field !== null && LOG_FIELDS.has(m.field)).map((m) => m.field));
    if (logFields.size >= 3 || (logFields.has('date') && logFields.size >= 2)) return { format: 'training-log', confidence: Math.min(0.95, 0.6 + 0.1 * logFields.size) };
  }
  // force text: one to a few numeric columns, optional FP labels
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').slice(0, 20);
  const numericLine = (l: string) => /^\s*[+-]?[\d.]+(?:[eE][+-]?\d+)?(?:[\s,;]+[+-]?[\d.]+(?:[eE][+-]?\d+)?){0,3}\s*$/.test(l);
  const body = lines.length > 1 && /^\s*(FP|Fz|Force|Plate)\w*([\s,;]+(FP|Fz|Force|Plate)\w*)*\s*$/i.test(lines[0]) ? lines.slice(1) : lines;
  if (body.length >= 2 && body.every(numericLine)) {
    const widths = new Set(body.map((l) => l.trim().split(/[\s,;]+/).length));
    if (widths.size === 1 && [...widths][0] <= 4) return { format: 'force-text', confidence: ext === 'txt' ? 0.8 : 0.6 };
  }
  if (rows.length >= 2 && rows[0].length >= 2) return { format: 'csv', confidence: ext === 'csv' || ext === 'tsv' || ext === 'txt' ? 0.7 : 0.5 };
  if (ext === 'csv' || ext === 'tsv') return { format: 'csv', confidence: 0.4 };
  return { format: 'unknown', confidence: 0 };
}
