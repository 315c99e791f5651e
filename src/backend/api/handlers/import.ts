import { KinetwinError } from '../../../core/errors';
import { importFiles } from '../../services/importer';
import { readSignals } from '../../store/signals';
import type { Handlers } from './types';

function base64(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

export const importHandlers: Handlers<'importFiles' | 'getTrialData'> = {
  importFiles: async (req, ctx) => ({ results: await importFiles(req.paths, ctx, { subject: req.subject, rate: req.rate }) }),

  getTrialData: async (req, ctx) => {
    const db = ctx.store().db;
    const row = db.prepare('SELECT t.id, t.label, t.format, t.metadata, s.pseudonym FROM trials t LEFT JOIN subjects s ON s.id = t.subject_id WHERE t.id = ?').get(req.id) as
      | { id: number; label: string; format: string; metadata: string; pseudonym: string | null }
      | undefined;
    if (!row) throw new KinetwinError(`no trial ${req.id}`);
    const metadata = JSON.parse(row.metadata) as Record<string, unknown> & { events?: { label: string; context: string; time: number }[] };
    const signals = readSignals(db, req.id);
    const pos = signals.find((s) => s.kind === 'points' && s.name === 'positions');
    let points = null;
    if (pos) {
      const [frames, count] = pos.shape as [number, number];
      const step = Math.max(1, Math.ceil(frames / req.maxFrames));
      const kept = Math.ceil(frames / step);
      const out = new Float32Array(kept * count * 3);
      const src = pos.data as Float32Array;
      for (let f = 0, k = 0; f < frames; f += step, k++) out.set(src.subarray(f * count * 3, (f + 1) * count * 3), k * count * 3);
      points = { labels: pos.labels, rate: (pos.rate ?? 0) / step, frames: kept, step, data: base64(out) };
    }
    const an = signals.find((s) => s.kind === 'analog');
    let analogs = null;
    if (an) {
      const [channels, samples] = an.shape as [number, number];
      const step = Math.max(1, Math.ceil(samples / req.maxSamples));
      const kept = Math.ceil(samples / step);
      const src = an.data as Float32Array;
      const list: string[] = [];
      for (let c = 0; c < channels; c++) {
        const out = new Float32Array(kept);
        for (let i = 0, k = 0; i < samples; i += step, k++) out[k] = src[c * samples + i]!;
        list.push(base64(out));
      }
      analogs = { labels: an.labels, units: (an.units as string[]) ?? [], rate: (an.rate ?? 0) / step, samples: kept, step, channels: list };
    }
    return { id: row.id, label: row.label, format: row.format, subject: row.pseudonym, points, analogs, events: metadata.events ?? [], metadata };
  },
};
