import type { Command } from '../command';

export const settingsCommand: Command = {
  name: 'settings',
  summary: 'Show settings, or set one: kinetwin settings KEY VALUE (VALUE as JSON when it parses)',
  usage: '[KEY VALUE] [--json]',
  positionals: { min: 0, max: 2 },
  async run(args, io) {
    const [key, raw] = args.positionals;
    if (key !== undefined) {
      if (raw === undefined) {
        io.err('error: settings needs both KEY and VALUE');
        return 2;
      }
      let value: unknown = raw;
      try {
        value = JSON.parse(raw);
      } catch {
        /* a plain string */
      }
      await io.call('setSetting', { key, value });
    }
    const { settings } = await io.call('getSettings', {});
    if (io.json) io.printJson({ settings });
    else for (const [k, v] of Object.entries(settings)) io.out(`${k.padEnd(32)} ${JSON.stringify(v)}`);
    return 0;
  },
};
