import { z } from 'zod';
import { op } from '../operation';

export const systemOps = {
  health: op({
    summary: 'Liveness check',
    request: z.object({}).strict(),
    response: z.object({ ok: z.literal(true), version: z.string(), time: z.string() }),
  }),
  systemInfo: op({
    summary: 'Database path, schema version, network lockdown and Ollama status',
    request: z.object({}).strict(),
    response: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser', 'cli']),
      dbPath: z.string(),
      dataDir: z.string(),
      schemaVersion: z.number().int(),
      network: z.object({ lockdown: z.boolean(), policy: z.string() }),
      memory: z.object({ hugePages: z.boolean() }), // glibc malloc asks for transparent huge pages (bin/hugepages.js)
      ollama: z.object({ host: z.string(), reachable: z.boolean(), models: z.array(z.string()), error: z.string().nullable() }),
      counts: z.object({ subjects: z.number().int(), trials: z.number().int(), artifacts: z.number().int(), auditRows: z.number().int() }),
    }),
  }),
  auditVerify: op({
    summary: 'Recompute the audit hash chain and report the first tampered row',
    request: z.object({}).strict(),
    response: z.object({ ok: z.boolean(), rows: z.number().int(), firstBadId: z.number().int().nullable(), problem: z.string().nullable() }),
  }),
  auditLog: op({
    summary: 'Latest audit entries, newest first',
    request: z.object({ limit: z.number().int().min(1).max(10_000).default(100) }).strict(),
    response: z.object({
      rows: z.array(z.object({ id: z.number().int(), ts: z.string(), actor: z.string(), action: z.string(), details: z.unknown(), hash: z.string() })),
    }),
  }),
  getSettings: op({
    summary: 'User settings',
    request: z.object({}).strict(),
    response: z.object({ settings: z.record(z.string(), z.unknown()) }),
  }),
  setSetting: op({
    summary: 'Change one user setting (recorded in the audit log)',
    request: z.object({ key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.]{0,63}$/), value: z.unknown() }).strict(),
    response: z.object({ ok: z.literal(true) }),
  }),
};
