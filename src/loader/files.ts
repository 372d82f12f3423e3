import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../model/source.js';
import { errorAt, fileLoc } from './diagnostic.js';

/** Looked for in the working directory when no path is given. */
export const DEFAULT_FILES = ['bwsync.yaml', 'bwsync.yml'] as const;
const YAML_FILE = /\.ya?ml$/i;

export interface InputFile {
  /** As shown to the user: relative to cwd when inside it. */
  display: string;
  absolute: string;
}

/**
 * Turns the user's paths into the YAML files to read: files as given, directories expanded to
 * their `*.yaml` / `*.yml` files (not recursive, dotfiles skipped, sorted by name).
 */
export async function collectFiles(
  paths: readonly string[],
  cwd: string,
): Promise<{ files: InputFile[]; diagnostics: Diagnostic[] }> {
  if (paths.length === 0) return defaultFile(cwd);
  const files: InputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const found = await expand(absolute, cwd);
    if ('diagnostic' in found) {
      diagnostics.push(found.diagnostic);
      continue;
    }
    for (const file of found.files) {
      if (seen.has(file.absolute)) continue;
      seen.add(file.absolute);
      files.push(file);
    }
  }
  return { files, diagnostics };
}

async function defaultFile(cwd: string): Promise<{ files: InputFile[]; diagnostics: Diagnostic[] }> {
  for (const name of DEFAULT_FILES) {
    const absolute = join(cwd, name);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) return { files: [{ display: name, absolute }], diagnostics: [] };
  }
  const diagnostic = errorAt(
    'no-input',
    'No input: no path was given and there is no bwsync.yaml here.',
    undefined,
    {
      hint: 'pass a file or directory (bwsync validate stack.yaml) or create bwsync.yaml in this directory',
    },
  );
  return { files: [], diagnostics: [diagnostic] };
}

async function expand(
  absolute: string,
  cwd: string,
): Promise<{ files: InputFile[] } | { diagnostic: Diagnostic }> {
  const display = displayPath(absolute, cwd);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(absolute);
  } catch (error: unknown) {
    return { diagnostic: accessError(display, error) };
  }
  if (info.isFile()) return { files: [{ display, absolute }] };
  if (!info.isDirectory()) {
    return {
      diagnostic: errorAt(
        'file-unreadable',
        `${display} is not a regular file or directory.`,
        fileLoc(display),
      ),
    };
  }
  let names: string[];
  try {
    names = await readdir(absolute);
  } catch (error: unknown) {
    return { diagnostic: accessError(display, error) };
  }
  const yamlNames = names.filter((n) => YAML_FILE.test(n) && !n.startsWith('.')).sort();
  if (yamlNames.length === 0) {
    return {
      diagnostic: errorAt(
        'no-yaml-files',
        `Directory ${display} holds no *.yaml or *.yml files.`,
        fileLoc(display),
        {
          hint: 'bwsync reads the YAML files directly inside a directory, not its subdirectories',
        },
      ),
    };
  }
  const files = yamlNames.map((n) => ({
    display: displayPath(join(absolute, n), cwd),
    absolute: join(absolute, n),
  }));
  return { files };
}

export function accessError(display: string, error: unknown): Diagnostic {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return errorAt('file-not-found', `${display} does not exist.`, fileLoc(display));
  }
  const reason =
    code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String(code ?? 'unknown error');
  return errorAt('file-unreadable', `${display} cannot be read (${reason}).`, fileLoc(display));
}

function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}
