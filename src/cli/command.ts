import type { ApiContext } from '../backend/api/context';
import type { OperationName } from '../backend/api/contract/index';
import type { RequestOf, ResponseOf } from '../backend/api/types';
import type { FlagSpec, ParsedArgs } from './args';

// A CLI command: one or two words (`inspect`, `analyze jump`), its flags, and a run function that calls the API.
export interface Command {
  name: string;
  summary: string;
  /** e.g. 'FILE [--frames LIST]' — shown after `kinetwin <name> ` */
  usage: string;
  flags?: Record<string, FlagSpec>;
  /** how many positional arguments it takes */
  positionals?: { min: number; max?: number };
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export interface CliIo {
  json: boolean;
  quiet: boolean;
  /** stdout line */
  out(text: string): void;
  /** stderr line (notices, warnings) */
  err(text: string): void;
  /** prints `value` as one JSON document on stdout */
  printJson(value: unknown): void;
  /** calls an API operation in-process (no server) */
  call<N extends OperationName>(name: N, request: RequestOf<N>): Promise<ResponseOf<N>>;
  context(): ApiContext;
  /** a progress bar on stderr for long work */
  progress(done: number, total: number, label: string): void;
  dbPath: string;
}

/** Global flags every command accepts. */
export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  db: { type: 'string', value: 'PATH', description: 'database file (default: KINETWIN_DB or the user data directory)' },
  json: { type: 'boolean', description: 'machine-readable JSON on stdout' },
  quiet: { type: 'boolean', description: 'no progress bars or notices' },
  help: { type: 'boolean', description: 'show help for this command' },
};
