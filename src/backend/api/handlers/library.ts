import type { Handlers } from './types';

interface TrialRow {
  id: number; label: string; format: string; pseudonym: string | null; source_sha256: string; created_at: string; metadata: string;
}

export const libraryHandlers: Handlers<'listSubjects' | 'listTrials'> = {
  listSubjects: async (_req, ctx) => {
    const rows = ctx.store().db
      .prepare('SELECT s.id, s.pseudonym, s.sex, (SELECT count(*) FROM trials t WHERE t.subject_id = s.id) AS trials FROM subjects s ORDER BY s.id')
      .all() as { id: number; pseudonym: string; sex: 'f' | 'm' | 'u'; trials: number }[];
    return { subjects: rows };
  },

  listTrials: async (req, ctx) => {
    const sql = `SELECT t.id, t.label, t.format, s.pseudonym, t.source_sha256, t.created_at, t.metadata
      FROM trials t LEFT JOIN subjects s ON s.id = t.subject_id ${req.subject ? 'WHERE s.pseudonym = ?' : ''} ORDER BY t.id DESC`;
    const stmt = ctx.store().db.prepare(sql);
    const rows = (req.subject ? stmt.all(req.subject) : stmt.all()) as TrialRow[];
    return {
      trials: rows.map((r) => {
        const m = JSON.parse(r.metadata) as { summary?: { pointCount?: number; frames?: number; rate?: number | null; analogCount?: number } };
        return {
          id: r.id,
          label: r.label,
          format: r.format,
          subject: r.pseudonym,
          sourceSha256: r.source_sha256,
          createdAt: r.created_at,
          pointCount: m.summary?.pointCount ?? 0,
          frames: m.summary?.frames ?? 0,
          rate: m.summary?.rate ?? null,
          analogCount: m.summary?.analogCount ?? 0,
        };
      }),
    };
  },
};
