// Every CLI command. Append one import and one entry per command (keep related commands together).
import type { Command } from '../command';
import { auditCommand } from './audit';
import { infoCommand } from './info';
import { subjectsCommand, trialsCommand } from './library';
import { serveCommand } from './serve';
import { settingsCommand } from './settings';

export const commands: Command[] = [
  serveCommand,
  infoCommand,
  trialsCommand,
  subjectsCommand,
  auditCommand,
  settingsCommand,
];
