// Deterministic routing: decide the importer and data kind of a file from its name, magic bytes and first lines.

import { findHeaderColumns } from './headerColumns';
import { mapHeaderByRules } from './headerRules';
import type { Sniff } from './sniff';
import { fieldFamily } from './vocabulary';

export const DATA_KINDS = ['mocap', 'force', 'imu', 'training_log', 'clinical_note', 'imaging', 'unknown'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export const IMPORTERS = [
  'c3d', 'trc', 'mot', 'bvh', 'dicom', 'nifti', 'vicon-csv', 'apdm-csv', 'xsens-txt', 'delimited', 'text-note', 'none',
] as const;
export type Importer = (typeof IMPORTERS)[number];

export interface RouteDecision {
  importer: Importer;
  kind: DataKind;
  confidence: number; // 0–1
  reasons: string[];
}

const NOTE_WORDS = /\b(patient|pt|history|hx|dx|diagnos[ie]s|presents?|presenting|complain(s|ed)?|year[- ]old|y\/?o|referred|referral|examination|exam|assessment|plan|surgery|surgical|injur(y|ies)|medications?|meds|allerg(y|ies)|physiotherapy|physio|clinic|mass|height|weight|ht|wt|dominant|handed|footed|rom|fracture|tear|sprain|strain|rupture|amputation|tendinopathy|pain|mg|daily|follow-up|review)\b/gi;

function decide(importer: Importer, kind: DataKind, confidence: number, ...reasons: string[]): RouteDecision {
  return { importer, kind, confidence, reasons };
}

/** Count header columns per kind by mapping them with the header rules. */
function kindFromColumns(text: string): { kind: DataKind; share: number; columns: number } {
  let table;
  try {
    table = findHeaderColumns(text);
  } catch {
    return { kind: 'unknown', share: 0, columns: 0 };
  }
  const votes: Record<DataKind, number> = { mocap: 0, force: 0, imu: 0, training_log: 0, clinical_note: 0, imaging: 0, unknown: 0 };
  for (const col of table.columns) {
    const field = mapHeaderByRules(col.header, col.context).field;
    const family = field ? fieldFamily(field) : null;
    if (family === null || family === 'time' || family === 'index') continue;
    if (family === 'force' || family === 'cop' || family === 'plate_moment') votes.force++;
    else if (family === 'acceleration' || family === 'angular_velocity' || family === 'magnetic_field' || family === 'quaternion' || family === 'temperature' || family === 'pressure') votes.imu++;
    else if (family === 'training') votes.training_log++;
    else if (family === 'emg') votes.unknown++;
    else votes.mocap++; // angles, joint moments/powers, positions
  }
  const total = Object.values(votes).reduce((a, b) => a + b, 0);
  if (total === 0) return { kind: 'unknown', share: 0, columns: table.columns.length };
  const best = (Object.keys(votes) as DataKind[]).reduce((a, b) => (votes[b] > votes[a] ? b : a));
  return { kind: best, share: votes[best] / total, columns: table.columns.length };
}

/** Route a sniffed file by rules. */
export function routeByRules(s: Sniff): RouteDecision {
  switch (s.magic) {
    case 'c3d': return decide('c3d', 'mocap', 0.97, 'C3D signature (byte 2 = 0x50)');
    case 'dicom': return decide('dicom', 'imaging', 0.99, "'DICM' at offset 128");
    case 'dicom-nometa': return decide('dicom', 'imaging', s.extension === 'dcm' ? 0.9 : 0.75, 'starts with a DICOM (0008,xxxx) tag, no preamble');
    case 'nifti': return decide('nifti', 'imaging', 0.97, 'NIfTI-1 header (sizeof_hdr 348)');
    case 'png': case 'jpeg': return decide('none', 'imaging', 0.6, `${s.magic} image`);
    default: break;
  }
  if (s.binary) {
    if (s.extension === 'c3d') return decide('c3d', 'mocap', 0.5, '.c3d extension, unrecognised header');
    if (s.extension === 'dcm') return decide('dicom', 'imaging', 0.5, '.dcm extension');
    return decide('none', 'unknown', 0.3, 'binary file of unknown type');
  }
  const lines = s.headerLines;
  const text = lines.join('\n');
  const first = lines[0] ?? '';
  if (/^\s*HIERARCHY\b/.test(first)) return decide('bvh', 'mocap', 0.97, "starts with 'HIERARCHY'");
  if (/^PathFileType/.test(first)) return decide('trc', 'mocap', 0.97, "starts with 'PathFileType'");
  if (/^\s*\/\/.*(MT Manager|Xsens|General information)/i.test(text) || /PacketCounter/.test(text) && /Acc_X/.test(text)) {
    return decide('xsens-txt', 'imu', 0.95, 'Xsens MT Manager export');
  }
  if (/^Test Name:/i.test(first) && /Acceleration/.test(text)) return decide('apdm-csv', 'imu', 0.95, 'APDM Opal export');
  if (/^(Trajectories|Devices|Model Outputs|Joints|Segments)\s*,?\s*$/.test(first)) {
    const cols = kindFromColumns(text);
    const kind: DataKind = first.startsWith('Devices') ? (cols.kind === 'imu' ? 'imu' : 'force') : 'mocap';
    return decide('vicon-csv', kind, 0.9, `Vicon Nexus CSV section '${first.replace(/,/g, '').trim()}'`);
  }
  if (lines.some((l) => l.trim().toLowerCase() === 'endheader')) {
    const cols = kindFromColumns(text);
    const kind: DataKind = cols.kind === 'force' || cols.kind === 'imu' ? cols.kind : /DataType=Quaternion/i.test(text) ? 'imu' : 'mocap';
    return decide('mot', kind, 0.95, `OpenSim storage header (endheader), columns look like ${kind}`);
  }
  const cols = kindFromColumns(text);
  if (cols.columns > 0 && cols.kind !== 'unknown') {
    return decide('delimited', cols.kind, Math.round((0.5 + 0.4 * cols.share) * 100) / 100, `delimited table, ${cols.columns} columns mostly ${cols.kind}`);
  }
  // prose: sentences of words rather than a table of numbers
  const words = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  const numbers = text.match(/[-+]?\d+(\.\d+)?/g)?.length ?? 0;
  const noteHits = text.match(NOTE_WORDS)?.length ?? 0;
  const sentences = text.match(/[a-z][.!?](\s|$)/g)?.length ?? 0;
  if (words > 20 && words > numbers * 1.5 && (noteHits >= 2 || sentences >= 3)) {
    const kind: DataKind = noteHits >= 2 ? 'clinical_note' : 'unknown';
    return decide('text-note', kind, noteHits >= 4 ? 0.9 : 0.7, `prose (${words} words, ${noteHits} clinical terms)`);
  }
  if (/^\s*[-+]?\d/.test(first) && /force|fz|grf|jump|cmj|dj/i.test(s.fileName)) {
    return decide('delimited', 'force', 0.5, 'headerless numeric column, file name suggests force');
  }
  return decide(cols.columns > 0 ? 'delimited' : 'none', 'unknown', 0.3, 'no rule matched');
}
