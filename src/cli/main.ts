import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerApply } from './commands/apply.js';
import { registerCall } from './commands/call.js';
import { registerEmulator } from './commands/emulator.js';
import { registerExport } from './commands/export.js';
import { registerPlan } from './commands/plan.js';
import { registerValidate } from './commands/validate.js';
import { reportError } from './errors.js';
import { type CliIO, EXIT, processIO } from './io.js';

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Commands set this to their exit code; commander's own errors become EXIT.error. */
export interface CommandState {
  exitCode: number;
}

/**
 * Commander's parse errors as one line with a hint: its own suggestion when it has one
 * ("did you mean plan?"), else where to look.
 */
export function oneLineError(text: string, helpCommand: string): string {
  const body = text.trim().replace(/^error:\s*/, '');
  const suggestion = /\(Did you mean (.+?)\?\)\s*$/.exec(body)?.[1];
  const main = body
    .replace(/\s*\(Did you mean .+?\?\)\s*$/, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\.$/, '');
  const hint = suggestion ? `did you mean ${suggestion}?` : `see ${helpCommand} --help`;
  return `bwsync: error: ${main} (${hint})\n`;
}

/** Gives every command, nested ones included, the one-line error format with its own help hint. */
function useOneLineErrors(command: Command, path: string): void {
  command.configureOutput({ outputError: (s, write) => write(oneLineError(s, path)) });
  for (const sub of command.commands) useOneLineErrors(sub, `${path} ${sub.name()}`);
}

export function buildProgram(io: CliIO, state: CommandState): Command {
  const program = new Command('bwsync')
    .description('Keep Alibaba Cloud bandwidth packages exactly as a YAML file declares.')
    .version(version(), '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  program.addHelpText(
    'after',
    '\nEvery cloud command takes --local (embedded emulator) or --endpoint URL.\nDocs: README.md',
  );
  registerValidate(program, io, state);
  registerPlan(program, io, state);
  registerApply(program, io, state);
  registerExport(program, io, state);
  registerCall(program, io, state);
  registerEmulator(program, io, state);
  useOneLineErrors(program, 'bwsync');
  return program;
}

/**
 * `bwsync --debug plan` means the same as `bwsync plan --debug`: --debug is a per-command option
 * (a program-level one would take it away from the commands), so one given before the command
 * name moves to just after it.
 */
export function hoistDebug(argv: string[]): string[] {
  const head = argv.slice(0, 2);
  const rest = argv.slice(2);
  const commandAt = rest.findIndex((a) => !a.startsWith('-'));
  if (commandAt <= 0 || !rest.slice(0, commandAt).includes('--debug')) return argv;
  const before = rest.slice(0, commandAt).filter((a) => a !== '--debug');
  return [...head, ...before, rest[commandAt] as string, '--debug', ...rest.slice(commandAt + 1)];
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const state: CommandState = { exitCode: EXIT.ok };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync(hoistDebug(argv));
    return state.exitCode;
  } catch (error: unknown) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with exit code 0.
      if (error.exitCode === 0) return EXIT.ok;
      return EXIT.error;
    }
    return reportError(error, io, { debug: argv.includes('--debug') });
  }
}
