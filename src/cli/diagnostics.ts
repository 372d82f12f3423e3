import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic, SourceLoc } from '../model/source.js';
import type { CliIO } from './io.js';

export interface PrintOptions {
  format: 'text' | 'json';
  /** File texts by displayed path; files not given are read from disk for the code frame. */
  sources?: Record<string, string>;
  /** Text format: print at most this many diagnostics, then "…and N more" (default 20). */
  limit?: number;
  /** Extra top-level fields for the JSON document (a summary). */
  extra?: Record<string, unknown>;
}

const DEFAULT_LIMIT = 20;
/** GitHub shows at most 10 annotations of each severity per step. */
const GITHUB_LIMIT = 10;
const FRAME_BEFORE = 2;
const FRAME_AFTER = 1;
const FILE_LEVEL = /^(file-|no-)/;

/**
 * Prints diagnostics: text (`file:line:col: error[code]: message`, a code frame with a caret
 * underline, the hint) on stderr, or one JSON document on stdout. Under GitHub Actions it also
 * prints `::error file=…,line=…,col=…::` workflow commands on stdout.
 */
export function printDiagnostics(diags: readonly Diagnostic[], io: CliIO, options: PrintOptions): void {
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(diagnosticsJson(diags, options.extra), null, 2)}\n`);
    return;
  }
  const limit = options.limit ?? DEFAULT_LIMIT;
  const sources = new SourceCache(io.cwd, options.sources);
  for (const d of diags.slice(0, limit)) io.stderr.write(formatDiagnostic(d, sources));
  if (diags.length > limit) io.stderr.write(`…and ${diags.length - limit} more (--format json lists all)\n`);
  if (io.env.GITHUB_ACTIONS === 'true') io.stdout.write(githubAnnotations(diags));
}

/** `✖ 2 errors, 1 warning in 1 file` (or undefined when there is nothing to say). */
export function countLine(diags: readonly Diagnostic[]): string | undefined {
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  if (diags.length === 0) return undefined;
  const files = new Set(diags.map((d) => d.loc?.file ?? '')).size;
  const parts = [plural(errors, 'error'), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])];
  return `${errors > 0 ? '✖' : '!'} ${parts.join(', ')} in ${plural(files, 'file')}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function diagnosticsJson(diags: readonly Diagnostic[], extra: Record<string, unknown> = {}): object {
  const errors = diags.filter((d) => d.severity === 'error').length;
  return {
    valid: errors === 0,
    errorCount: errors,
    warningCount: diags.length - errors,
    ...extra,
    diagnostics: diags.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(d.loc ? { file: d.loc.file, line: d.loc.line, col: d.loc.col, path: d.loc.path } : {}),
      ...(d.loc?.end ? { end: d.loc.end } : {}),
      ...(d.hint ? { hint: d.hint } : {}),
      ...(d.related ? { related: { file: d.related.file, line: d.related.line, col: d.related.col } } : {}),
    })),
  };
}

export function formatDiagnostic(d: Diagnostic, sources?: SourceCache): string {
  const where = d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.col}: ` : 'bwsync: ';
  let out = `${where}${d.severity}[${d.code}]: ${d.message}\n`;
  // File-level problems (missing, binary, too large…) have no line worth showing.
  const framed = d.loc && !FILE_LEVEL.test(d.code);
  const lines = framed && d.loc ? sources?.lines(d.loc.file) : undefined;
  const inlineHint = d.hint?.startsWith('did you mean') ? d.hint : undefined;
  if (d.loc && lines) out += codeFrame(lines, d.loc, inlineHint);
  else if (inlineHint) out += `  = ${inlineHint}\n`;
  if (d.hint && !inlineHint) out += `  = hint: ${d.hint}\n`;
  if (d.related) out += `  = see also ${d.related.file}:${d.related.line}:${d.related.col}\n`;
  return out;
}

/** Lines around the place, a `>` gutter on its line and a caret underline below it. */
export function codeFrame(lines: readonly string[], loc: SourceLoc, note?: string): string {
  if (loc.line > lines.length) return note ? `  = ${note}\n` : '';
  const first = Math.max(1, loc.line - FRAME_BEFORE);
  const last = Math.min(lines.length, loc.line + FRAME_AFTER);
  const width = String(last).length;
  let out = '';
  for (let n = first; n <= last; n++) {
    const text = (lines[n - 1] ?? '').replace(/\t/g, ' ');
    out += `${n === loc.line ? ' > ' : '   '}${String(n).padStart(width)} | ${text}`.trimEnd() + '\n';
    if (n === loc.line)
      out += `   ${' '.repeat(width)} | ${' '.repeat(loc.col - 1)}${'^'.repeat(caretWidth(text, loc))}${note ? ` ${note}` : ''}\n`;
  }
  return out;
}

function caretWidth(text: string, loc: SourceLoc): number {
  const start = loc.col - 1;
  const lineEnd = text.trimEnd().length;
  const end = loc.end ? (loc.end.line === loc.line ? loc.end.col - 1 : lineEnd) : tokenEnd(text, start);
  return Math.max(1, Math.min(end, lineEnd) - start);
}

/** Where the YAML token starting at `start` ends on its line (when the loader gave no end). */
export function tokenEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '"' || first === "'") {
    const close = text.indexOf(first, start + 1);
    return close < 0 ? text.length : close + 1;
  }
  if (first === '[' || first === '{') {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      if (text[i] === '[' || text[i] === '{') depth++;
      else if ((text[i] === ']' || text[i] === '}') && --depth === 0) return i + 1;
    }
    return text.length;
  }
  const match = /^[^,\]}]*?(?=\s+#|\s*[,\]}]|\s*$)/.exec(text.slice(start));
  return start + (match?.[0].length ?? 0);
}

/** `::error file=…,line=…,col=…,title=…::message`, at most 10 per severity, then a notice. */
export function githubAnnotations(diags: readonly Diagnostic[]): string {
  let out = '';
  const shown = { error: 0, warning: 0 };
  let hidden = 0;
  for (const d of diags) {
    if (shown[d.severity] >= GITHUB_LIMIT) {
      hidden++;
      continue;
    }
    shown[d.severity]++;
    const props = d.loc ? [`file=${prop(d.loc.file)}`, `line=${d.loc.line}`, `col=${d.loc.col}`] : [];
    props.push(`title=${prop(`bwsync ${d.code}`)}`);
    out += `::${d.severity} ${props.join(',')}::${data(d.hint ? `${d.message} (${d.hint})` : d.message)}\n`;
  }
  if (hidden > 0) out += `::notice title=bwsync::${hidden} more diagnostics not annotated; see the log\n`;
  return out;
}

function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Source lines by file, read lazily; a file that cannot be read just gets no frame. */
export class SourceCache {
  private readonly cache = new Map<string, string[] | undefined>();
  constructor(
    private readonly cwd: string,
    private readonly sources: Record<string, string> = {},
  ) {}

  lines(file: string): string[] | undefined {
    if (this.cache.has(file)) return this.cache.get(file);
    const text = this.sources[file] ?? readSmallFile(resolve(this.cwd, file));
    const lines = text?.split(/\r?\n/);
    // A final newline does not start a line worth showing in a frame.
    if (lines && lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    this.cache.set(file, lines);
    return lines;
  }
}

function readSmallFile(path: string): string | undefined {
  try {
    if (statSync(path).size > 16 * 1024 * 1024) return undefined;
    const text = readFileSync(path, 'utf8');
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}
