import { userDataDir } from '../../config/paths';
import { readSettings, writeSetting } from '../../services/settings';
import { checkOllama } from '../../services/ollamaStatus';
import { VERSION } from '../../version';
import type { Handlers } from './types';

export const systemHandlers: Handlers<'health' | 'systemInfo' | 'auditVerify' | 'auditLog' | 'getSettings' | 'setSetting'> = {
  health: async () => ({ ok: true, version: VERSION, time: new Date().toISOString() }),

  systemInfo: async (_req, ctx) => {
    const store = ctx.store();
    const count = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const settings = readSettings(store.db);
    const ollama = await checkOllama(settings, ctx.signal);
    return {
      version: VERSION,
      mode: ctx.mode,
      dbPath: ctx.dbPath,
      dataDir: userDataDir(),
      schemaVersion: store.schemaVersion,
      network: { lockdown: ctx.lockdown, policy: 'loopback only: every non-loopback request is refused' },
      memory: { hugePages: /(^|:)glibc\.malloc\.hugetlb=1/.test(process.env.GLIBC_TUNABLES ?? '') },
      ollama,
      counts: { subjects: count('subjects'), trials: count('trials'), artifacts: count('artifacts'), auditRows: count('audit_log') },
    };
  },

  auditVerify: async (_req, ctx) => ctx.store().verifyAudit(),

  auditLog: async (req, ctx) => {
    const rows = ctx.store().db.prepare('SELECT id, ts, actor, action, details, hash FROM audit_log ORDER BY id DESC LIMIT ?').all(req.limit) as {
      id: number; ts: string; actor: string; action: string; details: string; hash: string;
    }[];
    return { rows: rows.map((r) => ({ ...r, details: JSON.parse(r.details) as unknown })) };
  },

  getSettings: async (_req, ctx) => ({ settings: readSettings(ctx.store().db) }),

  setSetting: async (req, ctx) => {
    const store = ctx.store();
    store.write('settings.set', { key: req.key, value: req.value }, (db) => writeSetting(db, req.key, req.value));
    return { ok: true };
  },
};
