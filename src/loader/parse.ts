import { type Document, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import type { Diagnostic, SourceLoc } from '../model/source.js';
import { errorAt, fileLoc } from './diagnostic.js';
import { fastParse } from './fast-yaml.js';
import { LineIndex } from './lines.js';
import { type PosNode, treeOfDocument } from './tree.js';

/** Aliases expand at most this many times per document: enough for anchors, not for a bomb. */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedFile {
  file: string;
  /** The plain data. */
  data: unknown;
  /** Where every value is. */
  tree: PosNode | undefined;
  lines: LineIndex;
}

/** Parses one file's text; syntax problems become diagnostics with their position. */
export function parseSource(file: string, text: string): { parsed?: ParsedFile; diagnostics: Diagnostic[] } {
  const fast = fastParse(text, MAX_ALIAS_COUNT);
  if (fast)
    return {
      parsed: { file, data: fast.data, tree: fast.tree, lines: new LineIndex(text) },
      diagnostics: [],
    };
  return parseWithYaml(file, text);
}

/** The full YAML grammar, with the `yaml` package's error reporting. */
function parseWithYaml(file: string, text: string): { parsed?: ParsedFile; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    merge: false,
  });
  if (doc.errors.length > 0) {
    return { diagnostics: doc.errors.map((e) => yamlError(file, text, lines, e)) };
  }
  if (doc.contents === null) {
    const message = `${file} is empty: it holds no YAML document.`;
    return {
      diagnostics: [
        errorAt('file-empty', message, fileLoc(file), {
          hint: 'start with `version: 1` and `stack: <name>`',
        }),
      ],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error: unknown) {
    return { diagnostics: [aliasError(file, lines, doc, error)] };
  }
  return { parsed: { file, data, tree: treeOfDocument(doc), lines: new LineIndex(text) }, diagnostics: [] };
}

function yamlError(file: string, text: string, lines: LineCounter, e: YAMLError): Diagnostic {
  const { line, col } = lines.linePos(e.pos[0]);
  const loc: SourceLoc = { file, line, col, path: '', end: lines.linePos(e.pos[1]) };
  if (e.code === 'DUPLICATE_KEY') {
    // The error spans one character; the key runs to its colon.
    const key = (/^[^:\n]*/.exec(text.slice(e.pos[0], e.pos[0] + 200))?.[0] ?? '').trim();
    loc.end = lines.linePos(e.pos[0] + key.length);
    return errorAt(
      'yaml-duplicate-key',
      `Duplicate key \`${key}\`: each key may appear once per mapping.`,
      loc,
    );
  }
  if (e.code === 'MULTIPLE_DOCS') {
    return errorAt('yaml-multiple-documents', 'The file holds more than one YAML document.', loc, {
      hint: 'put each stack in its own file; `---` separators are not supported',
    });
  }
  // The yaml package appends its own "at line…" context; the position is printed separately.
  return errorAt('yaml-syntax', e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, ''), loc);
}

function aliasError(file: string, lines: LineCounter, doc: Document.Parsed, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ReferenceError)) return errorAt('yaml-syntax', message, fileLoc(file));
  const offset = firstAliasOffset(doc);
  const { line, col } = offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
  return errorAt(
    'yaml-alias-limit',
    `Aliases expand to more than ${MAX_ALIAS_COUNT} nodes; refusing what looks like an alias bomb.`,
    { file, line, col, path: '' },
    { hint: 'write the values out instead of nesting aliases' },
  );
}

/** The first `*alias` in the document: a useful place to point at. */
function firstAliasOffset(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  // visit() walks each node once and does not follow aliases, so it is bounded by the text.
  visit(doc, {
    Alias(_, node) {
      const start = node.range?.[0];
      if (start !== undefined && (found === undefined || start < found)) found = start;
    },
  });
  return found;
}
