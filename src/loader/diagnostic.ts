import type { Diagnostic, SourceLoc } from '../model/source.js';

/** Builds an error diagnostic; optional parts are left out rather than set to undefined. */
export function errorAt(
  code: string,
  message: string,
  loc: SourceLoc | undefined,
  extra: { hint?: string; related?: SourceLoc } = {},
): Diagnostic {
  return withExtras({ severity: 'error', code, message, ...(loc ? { loc } : {}) }, extra);
}

export function warningAt(
  code: string,
  message: string,
  loc: SourceLoc | undefined,
  extra: { hint?: string; related?: SourceLoc } = {},
): Diagnostic {
  return withExtras({ severity: 'warning', code, message, ...(loc ? { loc } : {}) }, extra);
}

function withExtras(d: Diagnostic, extra: { hint?: string; related?: SourceLoc }): Diagnostic {
  if (extra.hint !== undefined) d.hint = extra.hint;
  if (extra.related !== undefined) d.related = extra.related;
  return d;
}

/** A file-level place: line 1, column 1, so every diagnostic prints as file:line:col. */
export function fileLoc(file: string): SourceLoc {
  return { file, line: 1, col: 1, path: '' };
}

/** Stable order: file, line, column, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.loc?.file ?? '';
  const fb = b.loc?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.loc?.line ?? 0;
  const lb = b.loc?.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.loc?.col ?? 0;
  const cb = b.loc?.col ?? 0;
  if (ca !== cb) return ca - cb;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
