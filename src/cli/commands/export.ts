import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { CommandState } from '../main.js';

// Placeholder registration; the command's owner replaces this file.
export function registerExport(program: Command, _io: CliIO, _state: CommandState): void {
  program.command('export').description('(not built yet)');
}
