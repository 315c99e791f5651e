import { ApiError, callOperation } from '../backend/api/dispatch';
import { createContext } from '../backend/api/createContext';
import type { ApiContext } from '../backend/api/context';
import { resolveDbPath } from '../backend/config/paths';
import { KinetwinError } from '../core/errors';
import { parseArgs, UsageError } from './args';
import { GLOBAL_FLAGS, type CliIo, type Command } from './command';
import { commands } from './commands/index';
import { createProgressBar } from './progress';

// `kinetwin <command> [args]` — a thin adapter over the one API, called in-process.
export function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  const two = argv.length >= 2 ? `${argv[0]} ${argv[1]}` : '';
  const byTwo = commands.find((c) => c.name === two);
  if (byTwo) return { command: byTwo, rest: argv.slice(2) };
  const byOne = commands.find((c) => c.name === argv[0]);
  return byOne ? { command: byOne, rest: argv.slice(1) } : null;
}

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = [
    'kinetwin — offline biomechanical digital twins and synthetic data',
    '',
    'usage: kinetwin <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'global options:',
    ...Object.entries(GLOBAL_FLAGS).map(([n, s]) => `  --${(n + (s.value ? ' ' + s.value : '')).padEnd(12)}  ${s.description}`),
    '',
    'Run `kinetwin <command> --help` for a command\'s options.',
  ];
  return lines.join('\n');
}

export function commandHelp(c: Command): string {
  const flags = { ...(c.flags ?? {}), ...GLOBAL_FLAGS };
  return [
    `usage: kinetwin ${c.name} ${c.usage}`.trimEnd(),
    '',
    c.summary,
    '',
    'options:',
    ...Object.entries(flags).map(([n, s]) => `  --${(n + (s.value ? ' ' + s.value : '')).padEnd(20)}  ${s.description}${s.default !== undefined ? ` (default ${String(s.default)})` : ''}`),
  ].join('\n');
}

function usageLine(c: Command | null): string {
  return c ? `usage: kinetwin ${c.name} ${c.usage}`.trimEnd() : 'usage: kinetwin <command> [options]   (kinetwin --help lists the commands)';
}

export interface RunOptions {
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
}

export async function runCli(argv: string[], options: RunOptions = {}): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const writeOut = (t: string) => stdout.write(t + '\n');
  const writeErr = (t: string) => stderr.write(t + '\n');

  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    writeOut(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    const { VERSION } = await import('../backend/version');
    writeOut(VERSION);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    writeErr(`kinetwin: unknown command "${argv[0]}"`);
    writeErr(usageLine(null));
    return 2;
  }
  const { command, rest } = found;
  let args;
  try {
    args = parseArgs(rest, { ...(command.flags ?? {}), ...GLOBAL_FLAGS });
    if (args.flags.help) {
      writeOut(commandHelp(command));
      return 0;
    }
    const p = command.positionals ?? { min: 0, max: 0 };
    if (args.positionals.length < p.min) throw new UsageError(`missing argument${p.min - args.positionals.length > 1 ? 's' : ''}`);
    if (p.max !== undefined && args.positionals.length > p.max) throw new UsageError(`unexpected argument "${args.positionals[p.max]}"`);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    writeErr(`kinetwin ${command.name}: ${err.message}`);
    writeErr(usageLine(command));
    return 2;
  }

  const json = Boolean(args.flags.json);
  const quiet = Boolean(args.flags.quiet);
  const dbPath = resolveDbPath(args.flags.db as string | undefined, options.env ?? process.env);
  const controller = new AbortController();
  const bar = createProgressBar(stderr, !quiet);
  let ctx: (ApiContext & { close(): void }) | null = null;
  const context = () =>
    (ctx ??= createContext({ mode: 'cli', dbPath, signal: controller.signal, onProgress: (e) => bar(e.done, e.total, e.phase) }));
  const io: CliIo = {
    json,
    quiet,
    dbPath,
    out: writeOut,
    err: (t) => {
      if (!quiet || t.startsWith('error:') || t.startsWith('warning:')) writeErr(t);
    },
    printJson: (v) => writeOut(JSON.stringify(v, null, 2)),
    call: (name, request) => callOperation(name, request, context()) as never,
    context,
    progress: bar,
  };
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof KinetwinError) {
      writeErr(`error: ${err.file ? err.file + ': ' : ''}${err.message}`);
      return 1;
    }
    if (err instanceof ApiError) {
      writeErr(`error: ${err.message}`);
      return 1;
    }
    writeErr(`error: internal error in ${command.name}: ${(err as Error).message ?? String(err)}`);
    if (process.env.KINETWIN_DEBUG) writeErr((err as Error).stack ?? '');
    return 70;
  } finally {
    process.removeListener('SIGINT', onSigint);
    (ctx as { close(): void } | null)?.close();
  }
}
