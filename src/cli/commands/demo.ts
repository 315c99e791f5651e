import { runDemo } from '../../backend/services/demo';
import type { Command } from '../command';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Run the whole pipeline on the bundled samples into a fresh database and print what it made',
  usage: '[--out DIR] [--json]',
  flags: { out: { type: 'string', value: 'DIR', description: 'directory for the demo database (default: a new temporary directory)' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const report = await runDemo({
      outDir: args.flags.out as string | undefined,
      onProgress: io.progress,
      onStep: (s) => {
        if (io.json) return;
        io.out(`${s.ok ? '✓' : '✗'} ${s.step} (${s.seconds.toFixed(2)} s)`);
        for (const [k, v] of Object.entries(s.summary)) io.out(`    ${k}: ${typeof v === 'number' ? Number(v.toPrecision(4)) : JSON.stringify(v)}`);
      },
    });
    if (io.json) io.printJson(report);
    else {
      io.out(`database: ${report.dbPath}`);
      io.out(`audit log: ${report.audit.rows} rows, chain ${report.audit.ok ? 'intact' : 'BROKEN'}`);
      io.out(`open it: kinetwin serve --db ${report.dbPath}`);
    }
    return report.steps.every((s) => s.ok) && report.audit.ok ? 0 : 1;
  },
};
