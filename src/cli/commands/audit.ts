import type { Command } from '../command';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Show the audit log; --verify checks its hash chain for tampering',
  usage: '[--verify] [--limit N] [--json]',
  flags: {
    verify: { type: 'boolean', description: 'recompute the hash chain; exit 1 when a row was altered' },
    limit: { type: 'number', value: 'N', default: 20, description: 'entries to show' },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    if (args.flags.verify) {
      const v = await io.call('auditVerify', {});
      if (io.json) io.printJson(v);
      else if (v.ok) io.out(`audit log intact: ${v.rows} rows, hash chain verified`);
      else io.out(`audit log TAMPERED: ${v.problem}`);
      if (!v.ok) io.err(`error: ${io.dbPath}: audit log tampered: ${v.problem}`);
      return v.ok ? 0 : 1;
    }
    const { rows } = await io.call('auditLog', { limit: Number(args.flags.limit) });
    if (io.json) io.printJson({ rows });
    else for (const r of rows) io.out(`${String(r.id).padStart(5)}  ${r.ts}  ${r.actor.padEnd(8)} ${r.action}  ${JSON.stringify(r.details)}`);
    return 0;
  },
};
