// BIDS motion writer (BIDS specification, "Motion" modality, BEP029; REFERENCE.md §7): the data TSV without a
// header row, its JSON sidecar and the channels TSV. Returns file paths (relative to the dataset root) and text.
import { KinetwinError } from '../errors';
import type { Trial } from '../model/trial';

export const BIDS_MOTION_TYPES = ['ACCEL', 'ANGACCEL', 'GYRO', 'JNTANG', 'LATENCY', 'MAGN', 'MISC', 'ORNT', 'POS', 'VEL'] as const;
export type BidsMotionType = (typeof BIDS_MOTION_TYPES)[number];

export interface BidsMotionChannel {
  name: string;
  component: string; // 'x' | 'y' | 'z' | 'quat_x' … | 'n/a'
  type: BidsMotionType;
  trackedPoint: string;
  units: string; // e.g. 'm', 'deg', 'm/s^2'
  data: ArrayLike<number>; // samples; NaN → 'n/a'
}

export interface BidsMotionInput {
  subject: string; // label, alphanumeric
  session?: string;
  task: string;
  trackingSystem: string; // tracksys label, alphanumeric
  run?: number;
  samplingFrequency: number; // Hz
  taskName?: string; // default: task
  trackingSystemName?: string; // default: trackingSystem
  channels: BidsMotionChannel[];
  sidecar?: Record<string, unknown>; // extra JSON fields (e.g. Manufacturer, TaskDescription)
}

export interface BidsFile {
  path: string; // relative to the dataset root, '/' separated
  content: string;
}

const LABEL = /^[A-Za-z0-9]+$/;

function checkLabel(what: string, label: string): void {
  if (!LABEL.test(label)) throw new KinetwinError(`BIDS ${what} label "${label}" must be alphanumeric`);
}

function tsvCell(v: string): string {
  if (/[\t\r\n]/.test(v)) throw new KinetwinError(`TSV value contains a tab or line break: ${JSON.stringify(v)}`);
  return v;
}

/** Write sub-<s>[_ses-<x>]_task-<t>_tracksys-<y>[_run-<n>]_motion.tsv / .json and _channels.tsv. */
export function writeBidsMotion(input: BidsMotionInput): BidsFile[] {
  checkLabel('subject', input.subject);
  checkLabel('task', input.task);
  checkLabel('tracksys', input.trackingSystem);
  if (input.session !== undefined) checkLabel('session', input.session);
  if (input.run !== undefined && !(Number.isInteger(input.run) && input.run >= 0)) throw new KinetwinError(`BIDS run must be a non-negative integer`);
  if (!(input.samplingFrequency > 0) || !Number.isFinite(input.samplingFrequency)) throw new KinetwinError('SamplingFrequency must be a positive number');
  if (input.channels.length === 0) throw new KinetwinError('BIDS motion needs at least one channel');
  const samples = input.channels[0].data.length;
  const seen = new Set<string>();
  for (const c of input.channels) {
    if (seen.has(c.name)) throw new KinetwinError(`channel name "${c.name}" repeated`);
    seen.add(c.name);
    if (!BIDS_MOTION_TYPES.includes(c.type)) throw new KinetwinError(`channel "${c.name}": type ${c.type} is not a BIDS motion type`);
    if (c.data.length !== samples) throw new KinetwinError(`channel "${c.name}" has ${c.data.length} samples, expected ${samples}`);
  }
  const entities = [`sub-${input.subject}`];
  if (input.session !== undefined) entities.push(`ses-${input.session}`);
  entities.push(`task-${input.task}`, `tracksys-${input.trackingSystem}`);
  if (input.run !== undefined) entities.push(`run-${input.run}`);
  const dir = [`sub-${input.subject}`, ...(input.session !== undefined ? [`ses-${input.session}`] : []), 'motion'].join('/');
  const stem = `${dir}/${entities.join('_')}`;

  const lines: string[] = [];
  for (let s = 0; s < samples; s++) lines.push(input.channels.map((c) => (Number.isFinite(c.data[s]) ? String(c.data[s]) : 'n/a')).join('\t'));
  const counts: Record<string, number> = {};
  for (const c of input.channels) counts[`${c.type}ChannelCount`] = (counts[`${c.type}ChannelCount`] ?? 0) + 1;
  const sidecar = {
    TaskName: input.taskName ?? input.task,
    SamplingFrequency: input.samplingFrequency,
    TrackingSystemName: input.trackingSystemName ?? input.trackingSystem,
    MotionChannelCount: input.channels.length,
    ...counts,
    RecordingDuration: samples / input.samplingFrequency,
    ...(input.sidecar ?? {}),
  };
  const channelRows = ['name\tcomponent\ttype\ttracked_point\tunits', ...input.channels.map((c) => [c.name, c.component, c.type, c.trackedPoint, c.units].map(tsvCell).join('\t'))];
  return [
    { path: `${stem}_motion.tsv`, content: lines.join('\n') + '\n' },
    { path: `${stem}_motion.json`, content: JSON.stringify(sidecar, null, 2) + '\n' },
    { path: `${stem}_channels.tsv`, content: channelRows.join('\n') + '\n' },
  ];
}

/** Marker trajectories of a Trial as POS channels (x, y, z per marker, metres). */
export function trialPositionChannels(trial: Trial): BidsMotionChannel[] {
  const p = trial.points;
  if (!p) throw new KinetwinError('trial has no point data');
  const n = p.labels.length;
  const channels: BidsMotionChannel[] = [];
  p.labels.forEach((label, k) => {
    (['x', 'y', 'z'] as const).forEach((axis, a) => {
      const data = new Float64Array(p.frames);
      for (let f = 0; f < p.frames; f++) data[f] = p.data[(f * n + k) * 3 + a];
      channels.push({ name: `${label}_${axis}`, component: axis, type: 'POS', trackedPoint: label, units: 'm', data });
    });
  });
  return channels;
}
