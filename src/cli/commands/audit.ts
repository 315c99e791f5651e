import type { Command } from '../command';
import { datasetLineage } from '../../backend/services/dataset-lineage';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Show the audit log; --verify checks its hash chain for tampering',
  usage: '[DATASET_DIR|ID] [--verify] [--limit N] [--json]',
  flags: {
    verify: { type: 'boolean', description: 'recompute the hash chain; exit 1 when a row was altered' },
    limit: { type: 'number', value: 'N', default: 20, description: 'entries to show' },
  },
  positionals: { min: 0, max: 1 },
  async run(args, io) {
    if (args.positionals.length === 1) {
      // dataset lineage: spec, sources, counts, files
      const l = datasetLineage(io.context().store(), args.positionals[0]!);
      if (io.json) io.printJson(l);
      else {
        io.out(`dataset ${l.artifact.id}: ${l.artifact.label}  (${l.artifact.createdAt})`);
        io.out(`  location  ${l.artifact.location}${l.onDisk ? '' : '  (moved, deleted or changed)'}`);
        io.out(`  digest    ${l.artifact.digest}`);
        io.out(`  spec      ${l.specHash}  ${JSON.stringify(l.spec)}`);
        io.out(`  model     ${l.modelDigest}`);
        for (const s of l.sources as Array<{ role: string; name: string; sha256: string }>) io.out(`  source    ${s.role} ${s.name} sha256 ${s.sha256}`);
        io.out(`  counts    ${l.counts.subjects} subjects, ${l.counts.samples} samples, ${l.counts.files} files; ${l.provenance.subjectEdges} subject provenance rows`);
        for (const f of l.files ?? []) io.out(`  ${f.sha256}  ${f.path}`);
      }
      return 0;
    }
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
