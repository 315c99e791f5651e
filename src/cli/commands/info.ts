import type { Command } from '../command';

export const infoCommand: Command = {
  name: 'info',
  summary: 'Database path, schema version, network lockdown, Ollama status and counts',
  usage: '[--json]',
  positionals: { min: 0, max: 0 },
  async run(_args, io) {
    const info = await io.call('systemInfo', {});
    if (io.json) {
      io.printJson(info);
      return 0;
    }
    io.out(`Kinetwin ${info.version}`);
    io.out(`database      ${info.dbPath} (schema v${info.schemaVersion})`);
    io.out(`network       ${info.network.lockdown ? 'locked down' : 'open'}: ${info.network.policy}`);
    io.out(`memory        ${info.memory.hugePages ? 'huge pages for large arrays (glibc.malloc.hugetlb=1)' : 'default malloc'}`);
    io.out(`ollama        ${info.ollama.host} — ${info.ollama.reachable ? `reachable, ${info.ollama.models.length} models` : `not reachable (${info.ollama.error})`}`);
    io.out(`contents      ${info.counts.subjects} subjects, ${info.counts.trials} trials, ${info.counts.artifacts} artifacts, ${info.counts.auditRows} audit rows`);
    return 0;
  },
};
