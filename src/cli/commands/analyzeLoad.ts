import { analyzeLoadFile } from '../../backend/services/textformats';
import type { Command } from '../command';

const n = (v: number | null, digits: number) => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(digits));

export const analyzeLoadCommand: Command = {
  name: 'analyze load',
  summary: 'Training log → session loads (sRPE × min), weekly monotony/strain, ACWR (rolling and EWMA)',
  usage: 'FILE [--json]',
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const file = args.positionals[0]!;
    const report = await analyzeLoadFile(file);
    if (io.json) io.printJson(report);
    else {
      io.out(`${report.sessions.length} sessions; columns: ${report.mapping.map((m) => `${m.header} → ${m.field ?? '?'}`).join(', ')}`);
      for (const a of report.athletes) {
        const last = a.days[a.days.length - 1];
        io.out(`${a.athlete}: ${a.days.length} days${last ? ` to ${last.date}` : ''}${a.skippedSessions > 0 ? `, ${a.skippedSessions} sessions without date or load` : ''}`);
        for (const w of a.weeks) io.out(`  week of ${w.weekStart}: load ${w.load.toFixed(0)} AU, monotony ${n(w.monotony, 2)}, strain ${n(w.strain, 0)}${w.days < 7 ? ` (${w.days} days)` : ''}`);
        if (last) io.out(`  ACWR on ${last.date}: coupled ${n(last.acwrCoupled, 2)}, uncoupled ${n(last.acwrUncoupled, 2)}, EWMA ${n(last.acwrEwma, 2)} (ratios, not verdicts)`);
      }
    }
    for (const w of report.warnings) io.err(`warning: ${file}: ${w}`);
    return 0;
  },
};
