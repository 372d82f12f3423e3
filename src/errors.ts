/**
 * The few error classes bwsync raises. Each has a stable code; only src/cli maps them to
 * output and exit codes. Messages are full sentences that say what to do next.
 */
export class BwsyncError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  constructor(code: string, message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options?.hint;
  }
}

/** Bad input: YAML, flags, files. Carries every diagnostic when there are several. */
export class ConfigError extends BwsyncError {
  readonly diagnostics: import('./model/source.js').Diagnostic[];
  constructor(
    message: string,
    options?: { code?: string; hint?: string; diagnostics?: import('./model/source.js').Diagnostic[] },
  ) {
    super(options?.code ?? 'config-error', message, { hint: options?.hint });
    this.diagnostics = options?.diagnostics ?? [];
  }
}

/** The plan cannot be carried out as asked (immutable change without opt-in, two matches, …). */
export class PlanError extends BwsyncError {}

/** A safety gate refused the plan (threshold without --force, protect). */
export class UnsafePlanError extends BwsyncError {}

/** A saved plan no longer matches the live state. */
export class StalePlanError extends BwsyncError {}

/** Credentials missing or unusable. */
export class CredentialsError extends BwsyncError {}

/** A bug in bwsync. */
export class InternalError extends BwsyncError {}
