import { AliyunApiError } from '../aliyun/errors.js';
import { BwsyncError, ConfigError } from '../errors.js';
import { type CliIO, EXIT } from './io.js';

function writeApiError(error: AliyunApiError, io: CliIO): void {
  const status = error.status > 0 ? `HTTP ${error.status}` : 'no response';
  const attempts = error.attempts > 1 ? `, ${error.attempts} attempts` : '';
  io.stderr.write(
    `bwsync: error: ${error.product.toUpperCase()} ${error.action} failed (${status}${attempts})\n`,
  );
  io.stderr.write(
    `  Code: ${error.code}\n  Message: ${error.apiMessage}\n  RequestId: ${error.requestId || '(none)'}\n`,
  );
  const earlier = error.requestIds.filter((id) => id !== error.requestId);
  if (earlier.length > 0) io.stderr.write(`  Earlier RequestIds: ${earlier.join(', ')}\n`);
}

function writeDebugDetail(error: Error, io: CliIO): void {
  if (error.stack) io.stderr.write(`${error.stack}\n`);
  if (error.cause instanceof Error)
    io.stderr.write(`caused by: ${error.cause.stack ?? error.cause.message}\n`);
  else if (error.cause !== undefined) io.stderr.write(`caused by: ${String(error.cause)}\n`);
}

/**
 * The one place where errors become output and exit codes. A user-caused failure prints one
 * clear message with what to do; a stack trace only with --debug.
 */
export function reportError(error: unknown, io: CliIO, options: { debug: boolean }): number {
  if (error instanceof ConfigError && error.diagnostics.length > 0) {
    for (const d of error.diagnostics) {
      const where = d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.col}: ` : '';
      io.stderr.write(`${where}${d.severity}[${d.code}]: ${d.message}\n`);
    }
    if (options.debug) writeDebugDetail(error, io);
    return EXIT.error;
  }
  if (error instanceof AliyunApiError) writeApiError(error, io);
  else if (error instanceof BwsyncError) io.stderr.write(`bwsync: error[${error.code}]: ${error.message}\n`);
  if (error instanceof BwsyncError) {
    if (error.hint) io.stderr.write(`  hint: ${error.hint}\n`);
    if (options.debug) writeDebugDetail(error, io);
    return EXIT.error;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`bwsync: internal error: ${message}\n`);
  if (options.debug && error instanceof Error) writeDebugDetail(error, io);
  else io.stderr.write('  (run with --debug for a stack trace)\n');
  return EXIT.error;
}
