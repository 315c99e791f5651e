import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { KinetwinError, inFile } from '../../core/errors';
import type { Trial } from '../../core/model/trial';
import type { ApiContext } from '../api/context';
import { acceptPseudonym, pseudonymFor } from '../store/pseudonym';
import { insertSignal } from '../store/signals';
import type { Db } from '../store/store';
import { parseRecording } from './parseInWorker';
import type { OpenOptions } from './textformats';

// `kinetwin import`: read a recording, strip personal data, store it in ONE transaction (trial, signals,
// audit entry), skip files already imported (same SHA-256). Names never reach the store: they become keyed-hash
// pseudonyms; file names are replaced by a task hint and the hash.
export interface ImportOptions extends Omit<OpenOptions, 'onProgress'> {
  subject?: string;
  forceWorker?: boolean;
}

export type ImportResult =
  | { file: string; status: 'imported'; trialId: number; format: string; label: string; subject: string | null; sha256: string; points: number; frames: number; analogs: number; forcePlates: number; events: number; warnings: string[] }
  | { file: string; status: 'duplicate'; trialId: number; sha256: string }
  | { file: string; status: 'error'; error: string };

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path, { highWaterMark: 1 << 20 })
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', (e: NodeJS.ErrnoException) => reject(new KinetwinError(e.code === 'ENOENT' ? 'no such file' : `cannot read (${e.code})`, path)));
  });
}

const TASK_WORDS = ['static', 'walk', 'gait', 'run', 'cmj', 'sj', 'dj', 'drop', 'jump', 'landing', 'squat', 'hop', 'sprint', 'calib', 'imu', 'grf', 'emg'];

/** A label that says what the recording is without repeating its (possibly identifying) file name. */
export function trialLabel(fileName: string, format: string, sha256: string): string {
  const words = fileName.toLowerCase().replace(/\.[^.]+$/, '').split(/[^a-z]+/);
  const task = TASK_WORDS.find((t) => words.includes(t) || words.some((w) => w.startsWith(t) && t.length >= 4));
  return `${task ?? format} · ${sha256.slice(0, 8)}`;
}

/** Replaces every occurrence of the given names inside a JSON-able value (deep). */
export function scrubNames(value: unknown, names: string[]): unknown {
  const active = names.filter((n) => n.trim().length >= 2);
  if (active.length === 0) return value;
  const re = new RegExp(active.map((n) => n.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(re, '[redacted]');
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

function personalNames(trial: Trial): string[] {
  const personal = trial.metadata.extra?.personal as { names?: unknown } | undefined;
  return Array.isArray(personal?.names) ? personal.names.map(String) : [];
}

function ensureSubject(db: Db, pseudonym: string): number {
  db.prepare("INSERT INTO subjects (pseudonym, created_at) VALUES (?, ?) ON CONFLICT(pseudonym) DO NOTHING").run(pseudonym, new Date().toISOString());
  return (db.prepare('SELECT id FROM subjects WHERE pseudonym = ?').get(pseudonym) as { id: number }).id;
}

function storedMetadata(trial: Trial, names: string[]): Record<string, unknown> {
  const { extra, ...rest } = trial.metadata;
  const { personal: _personal, ...safeExtra } = extra ?? {};
  const meta = {
    ...rest,
    subject: undefined,
    extra: safeExtra,
    events: trial.events,
    forcePlates: trial.forcePlates.map((p) => ({ type: p.type, corners: Array.from(p.corners), origin: Array.from(p.origin), channels: p.channels, calMatrix: p.calMatrix ? Array.from(p.calMatrix) : null })),
    summary: {
      pointCount: trial.points?.labels.length ?? 0,
      frames: trial.points?.frames ?? trial.analogs?.samples ?? 0,
      rate: trial.points?.rate ?? trial.analogs?.rate ?? null,
      analogCount: trial.analogs?.labels.length ?? 0,
      analogRate: trial.analogs?.rate ?? null,
      originalUnits: trial.points?.originalUnits ?? null,
    },
  };
  return scrubNames(meta, names) as Record<string, unknown>;
}

function storeTrial(db: Db, trial: Trial, info: { sha256: string; label: string; subjectId: number | null; metadata: Record<string, unknown>; format: string }): number {
  const trialId = Number(
    db
      .prepare('INSERT INTO trials (subject_id, label, source_sha256, format, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(info.subjectId, info.label, info.sha256, info.format, JSON.stringify(info.metadata), new Date().toISOString()).lastInsertRowid,
  );
  const p = trial.points;
  if (p && p.labels.length > 0 && p.frames > 0) {
    const shape = [p.frames, p.labels.length];
    insertSignal(db, { trialId, kind: 'points', name: 'positions', data: p.data, shape: [...shape, 3], units: 'm', rate: p.rate, labels: p.labels });
    insertSignal(db, { trialId, kind: 'points', name: 'residuals', data: p.residuals, shape, units: 'm', rate: p.rate, labels: p.labels });
    insertSignal(db, { trialId, kind: 'points', name: 'cameraMasks', data: p.cameraMasks, shape, units: '', rate: p.rate, labels: p.labels });
  }
  const a = trial.analogs;
  if (a && a.channels.length > 0 && a.samples > 0) {
    const block = new Float32Array(a.channels.length * a.samples);
    a.channels.forEach((c, i) => block.set(c.subarray(0, a.samples), i * a.samples));
    insertSignal(db, { trialId, kind: 'analog', name: 'channels', data: block, shape: [a.channels.length, a.samples], units: a.units, rate: a.rate, labels: a.labels });
  }
  return trialId;
}

export async function importFile(path: string, ctx: ApiContext, options: ImportOptions = {}): Promise<ImportResult> {
  const file = basename(path);
  try {
    const sha256 = await sha256File(path);
    const store = ctx.store();
    const existing = store.db.prepare('SELECT id FROM trials WHERE source_sha256 = ?').get(sha256) as { id: number } | undefined;
    if (existing) return { file: path, status: 'duplicate', trialId: existing.id, sha256 };
    const { subject: _subject, ...open } = options;
    const { trial, format } = await parseRecording(path, {
      ...open,
      signal: ctx.signal,
      onProgress: (done, total) => ctx.progress({ phase: 'parse', done, total, message: file }),
    });
    const names = personalNames(trial);
    const secret = ctx.secret();
    const pseudonym = options.subject ? acceptPseudonym(secret, options.subject) : names[0] ? pseudonymFor(secret, names[0]) : null;
    const label = trialLabel(file, format, sha256);
    const metadata = storedMetadata(trial, names);
    const trialId = store.write(
      'trial.import',
      { sha256, format, subject: pseudonym },
      (db) => storeTrial(db, trial, { sha256, label, subjectId: pseudonym ? ensureSubject(db, pseudonym) : null, metadata, format }),
    );
    return {
      file: path,
      status: 'imported',
      trialId,
      format,
      label,
      subject: pseudonym,
      sha256,
      points: trial.points?.labels.length ?? 0,
      frames: trial.points?.frames ?? trial.analogs?.samples ?? 0,
      analogs: trial.analogs?.labels.length ?? 0,
      forcePlates: trial.forcePlates.length,
      events: trial.events.length,
      warnings: trial.metadata.warnings.map((w) => String(scrubNames(w, names))),
    };
  } catch (err) {
    if (err instanceof KinetwinError) {
      const e = inFile(path, err);
      return { file: path, status: 'error', error: `${e.file}: ${e.message}` };
    }
    throw err;
  }
}

export async function importFiles(paths: string[], ctx: ApiContext, options: ImportOptions = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (let i = 0; i < paths.length; i++) {
    if (ctx.signal.aborted) break;
    ctx.progress({ phase: 'import', done: i, total: paths.length, message: basename(paths[i]!) });
    results.push(await importFile(paths[i]!, ctx, options));
  }
  ctx.progress({ phase: 'import', done: paths.length, total: paths.length });
  return results;
}
