import { BwsyncError, ConfigError } from '../errors.js';
import { countLine, printDiagnostics } from './diagnostics.js';
import { type CliIO, EXIT } from './io.js';

/**
 * The one place where errors become output and exit codes. A user-caused failure prints one
 * clear message with what to do; a stack trace only with --debug.
 */
export function reportError(error: unknown, io: CliIO, options: { debug: boolean }): number {
  if (error instanceof ConfigError && error.diagnostics.length > 0) {
    printDiagnostics(error.diagnostics, io, { format: 'text' });
    const counts = countLine(error.diagnostics);
    if (counts) io.stderr.write(`${counts}\n`);
    return EXIT.error;
  }
  if (error instanceof BwsyncError) {
    io.stderr.write(`bwsync: error[${error.code}]: ${error.message}\n`);
    if (error.hint) io.stderr.write(`  hint: ${error.hint}\n`);
    if (options.debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.error;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`bwsync: internal error: ${message}\n`);
  io.stderr.write(
    options.debug && error instanceof Error && error.stack
      ? `${error.stack}\n`
      : '  (run with --debug for a stack trace)\n',
  );
  return EXIT.error;
}
