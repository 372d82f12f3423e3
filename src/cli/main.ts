import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerApply } from './commands/apply.js';
import { registerCall } from './commands/call.js';
import { registerEmulator } from './commands/emulator.js';
import { registerExport } from './commands/export.js';
import { registerPlan } from './commands/plan.js';
import { registerValidate } from './commands/validate.js';
import { reportError } from './errors.js';
import { EXIT, type CliIO, processIO } from './io.js';

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

export function buildProgram(io: CliIO, state: CommandState): Command {
  const program = new Command('bwsync')
    .description('Keep Alibaba Cloud bandwidth packages exactly as a YAML file declares.')
    .version(version(), '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.startsWith('error:') ? `bwsync: ${s}` : s),
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
  return program;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const state: CommandState = { exitCode: EXIT.ok };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync(argv);
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
