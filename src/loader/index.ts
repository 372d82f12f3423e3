import type { ErrorObject } from 'ajv';
import { ConfigError } from '../errors.js';
import type { DesiredResource, DesiredState } from '../model/desired.js';
import { KINDS } from '../model/kinds.js';
import type { Diagnostic, SourceLoc } from '../model/source.js';
import { type Built, buildFile } from './build.js';
import { compareDiagnostics, errorAt, fileLoc } from './diagnostic.js';
import { collectFiles } from './files.js';
import { normaliseAreas } from './normalise.js';
import { parseSource } from './parse.js';
import { Locator } from './positions.js';
import { readSource } from './read.js';
import { runRules } from './rules/index.js';
import { validateSchema } from './schema.js';
import { schemaDiagnostics, splitPointer } from './schema-errors.js';

export interface LoadOptions {
  /** Base for relative paths and for the default `bwsync.yaml`; defaults to process.cwd(). */
  cwd?: string;
  /** Per-file size limit in bytes (default MAX_FILE_BYTES, 16 MiB). */
  maxFileBytes?: number;
}

export interface LoadResult {
  /** Undefined when any diagnostic is an error. */
  state: DesiredState | undefined;
  /** Errors and warnings, sorted by file, line, column. */
  diagnostics: Diagnostic[];
  /** The text of every file read, by displayed path (for code frames). */
  sources: Record<string, string>;
}

interface FileResult {
  built: Built[];
  stack?: { value: string; loc: SourceLoc };
  diagnostics: Diagnostic[];
}

/**
 * Reads YAML files and directories into one DesiredState. Never throws for bad input: every
 * problem comes back as a diagnostic with its place. With no paths, reads ./bwsync.yaml.
 */
export async function loadDesiredState(
  paths: readonly string[],
  options: LoadOptions = {},
): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const { files, diagnostics } = await collectFiles(paths, cwd);
  const sources: Record<string, string> = {};
  const built: Built[] = [];
  let stack: FileResult['stack'];
  for (const file of files) {
    const read = await readSource(
      file,
      options.maxFileBytes === undefined ? {} : { maxBytes: options.maxFileBytes },
    );
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    sources[file.display] = read.text;
    const result = loadFile(file.display, read.text);
    diagnostics.push(...result.diagnostics);
    built.push(...result.built);
    if (result.stack && stack && result.stack.value !== stack.value) {
      const message = `stack \`${result.stack.value}\` differs from \`${stack.value}\` (${stack.loc.file}:${stack.loc.line}); all files of one run must declare the same stack.`;
      diagnostics.push(errorAt('stack-mismatch', message, result.stack.loc, { related: stack.loc }));
    }
    stack ??= result.stack;
  }
  diagnostics.push(...runRules({ built }));
  diagnostics.sort(compareDiagnostics);
  const failed = diagnostics.some((d) => d.severity === 'error');
  if (failed || !stack) return { state: undefined, diagnostics, sources };
  const resources = built.map((b) => b.resource).sort(byAddress);
  return {
    state: { version: 1, stack: stack.value, resources, files: files.map((f) => f.display) },
    diagnostics,
    sources,
  };
}

/** Like loadDesiredState, for commands that cannot go on with errors: throws ConfigError. */
export async function loadOrThrow(
  paths: readonly string[],
  options: LoadOptions = {},
): Promise<{ state: DesiredState; warnings: Diagnostic[]; sources: Record<string, string> }> {
  const result = await loadDesiredState(paths, options);
  if (!result.state) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    throw new ConfigError(`The desired state has ${errors} error${errors === 1 ? '' : 's'}.`, {
      code: 'invalid-config',
      diagnostics: result.diagnostics,
      hint: 'run `bwsync validate` on the same paths for details',
    });
  }
  return { state: result.state, warnings: result.diagnostics, sources: result.sources };
}

function loadFile(file: string, text: string): FileResult {
  try {
    return loadParsed(file, text);
  } catch (error: unknown) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      const message = `${file} nests too deeply to read; bwsync files need about five levels.`;
      return { built: [], diagnostics: [errorAt('file-too-deep', message, fileLoc(file))] };
    }
    // A bug must not surface as a stack trace on user input; report it at the file instead.
    const message = error instanceof Error ? error.message : String(error);
    return {
      built: [],
      diagnostics: [
        errorAt('internal-error', `bwsync failed reading this file: ${message}`, fileLoc(file), {
          hint: 'please report this with the file attached',
        }),
      ],
    };
  }
}

function loadParsed(file: string, text: string): FileResult {
  const { parsed, diagnostics } = parseSource(file, text);
  if (!parsed) return { built: [], diagnostics };
  const locator = new Locator(file, parsed.tree, parsed.lines);
  normaliseAreas(parsed.data);
  const errors = validateSchema(parsed.data);
  const schemaDiags = schemaDiagnostics(errors, locator);
  const data = parsed.data as Record<string, unknown>;
  const stack =
    typeof data?.stack === 'string' ? { value: data.stack, loc: locator.locOf(['stack']) } : undefined;
  const failures = classifyFailures(errors);
  if (failures === 'fatal') return { built: [], diagnostics: schemaDiags, ...(stack ? { stack } : {}) };
  const result = buildFile(data, locator, failures);
  return {
    built: result.built,
    diagnostics: [...schemaDiags, ...result.diagnostics],
    ...(stack ? { stack } : {}),
  };
}

/**
 * Which declarations and fields failed the schema. Errors outside the package lists (version,
 * stack, defaults, the document's shape) make the whole file unusable: 'fatal'.
 */
function classifyFailures(errors: readonly ErrorObject[]): Map<string, Set<string> | 'all'> | 'fatal' {
  const failures = new Map<string, Set<string> | 'all'>();
  for (const e of errors) {
    const [kind, index, field] = splitPointer(e.instancePath);
    if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) return 'fatal';
    if (typeof index !== 'number') return 'fatal';
    const key = `${kind}/${index}`;
    // An unknown key is not built anyway; the declaration's known fields are still fine.
    if (field === undefined && e.keyword === 'additionalProperties') continue;
    const current = failures.get(key);
    if (field === undefined || typeof field !== 'string') failures.set(key, 'all');
    else if (current !== 'all') failures.set(key, (current ?? new Set<string>()).add(field));
  }
  return failures;
}

function byAddress(a: DesiredResource, b: DesiredResource): number {
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}

export { DEFAULT_FILES } from './files.js';
export { MAX_ALIAS_COUNT } from './parse.js';
export { MAX_FILE_BYTES } from './read.js';
