import type { PosMap, PosNode, PosScalar, PosSeq } from './tree.js';

/**
 * A fast reader for the plain subset of YAML that bwsync files are written in: block maps and
 * sequences, one-line flow collections, plain and simple quoted scalars, comments. Anything
 * else (anchors, tags, block scalars, multi-line values, odd indentation, errors of any kind)
 * makes it give up and return undefined, and the `yaml` package reads the file instead, with
 * its full grammar and error messages. The `yaml` package costs about 0.5 s of CPU per MB;
 * this costs a small fraction of that, which large stacks need.
 */
export function fastParse(
  text: string,
  maxAliasCount = DEFAULT_MAX_ALIAS_COUNT,
): { data: unknown; tree: PosNode } | undefined {
  try {
    const reader = new Reader(text, maxAliasCount);
    return reader.document();
  } catch (error: unknown) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

const GIVE_UP = Symbol('give up');
function giveUp(): never {
  throw GIVE_UP;
}

interface Line {
  /** Offset of the first non-space character. */
  start: number;
  indent: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
}

/**
 * `block`: a block collection, whose end already runs past its last line break. `until`: for
 * an alias, where the alias itself ends (its node is the anchored value's, elsewhere).
 */
type Parsed = { value: unknown; node: PosNode; block?: boolean; until?: number };

/** The `yaml` package's default, which parse.ts passes too. */
const DEFAULT_MAX_ALIAS_COUNT = 100;
const ANCHOR_NAME = /^[A-Za-z0-9_-]+$/;

/** An anchored value and how often aliases have used it so far. */
interface Anchor {
  parsed: Parsed;
  uses: number;
}

const PLAIN_FIRST_FORBIDDEN = new Set(['&', '*', '!', '|', '>', '%', '@', '`', '?', ':', ',', ']', '}', '#']);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const OTHER_CORE = /^(0o|0x|[-+]?\.(inf|Inf|INF)$|\.(nan|NaN|NAN)$)/;

class Reader {
  private readonly lines: Line[] = [];
  private index = 0;
  /** The latest value of each anchor name: an alias refers to the last one before it. */
  private readonly anchors = new Map<string, Anchor>();
  private aliases = 0;

  constructor(
    private readonly text: string,
    private readonly maxAliasCount: number,
  ) {
    if (text.includes('\r') || text.includes('\t')) giveUp();
    let offset = 0;
    // The `yaml` package counts a comment line that is indented deeper than the next content
    // line into the range of the collection before it, by rules not worth copying: give up.
    let commentIndent = 0;
    while (offset <= text.length) {
      let end = text.indexOf('\n', offset);
      if (end < 0) end = text.length;
      let start = offset;
      while (start < end && text.charCodeAt(start) === 32) start++;
      const indent = start - offset;
      if (start < end && text[start] === '#') commentIndent = Math.max(commentIndent, indent);
      else if (start < end) {
        if (commentIndent > indent) giveUp();
        commentIndent = 0;
        this.lines.push({ start, indent, end });
      }
      offset = end + 1;
    }
    if (commentIndent > 0) giveUp();
  }

  document(): { data: unknown; tree: PosNode } {
    const first = this.lines[0];
    if (first?.indent !== 0) giveUp();
    if (/^(---|\.\.\.|%)/.test(this.text.slice(first.start, first.start + 3))) giveUp();
    const { value, node } = this.map(first.start, 0);
    if (this.index < this.lines.length) giveUp();
    return { data: value, tree: node };
  }

  /** A block map whose first key is at `start` (maybe mid-line, after `- `), keys at `column`. */
  private map(start: number, column: number): Parsed {
    const value: Record<string, unknown> = {};
    const node: PosMap = { kind: 'map', start, end: start, pairs: new Map() };
    let keyStart = start;
    for (;;) {
      const line = this.lines[this.index]!;
      const { key, keyNode, after } = this.key(keyStart, line.end);
      if (node.pairs.has(key) || key === '__proto__' || key === '<<') giveUp();
      this.index++;
      const parsed = this.valueAfterKey(after, line.end, column);
      value[key] = parsed.value;
      node.pairs.set(key, { key: keyNode, value: parsed.node });
      node.end = this.endOf(parsed);
      const next = this.lines[this.index];
      if (!next || next.indent < column) break;
      if (next.indent > column || this.isSeqItem(next.start)) giveUp();
      keyStart = next.start;
    }
    return { value, node, block: true };
  }

  /** Block collections end after the line break of their last line, as in the `yaml` package. */
  private endOf(parsed: Parsed): number {
    if (parsed.block) return parsed.node.end;
    const nl = this.text.indexOf('\n', parsed.until ?? parsed.node.end);
    return nl < 0 ? this.text.length : nl + 1;
  }

  private key(start: number, end: number): { key: string; keyNode: PosScalar; after: number } {
    const ch = this.text[start];
    if (ch === '"' || ch === "'") {
      const q = this.quoted(start, end);
      if (this.text[q.end] !== ':') giveUp();
      return { key: q.value, keyNode: { kind: 'scalar', start, end: q.end }, after: q.end + 1 };
    }
    let colon = this.text.indexOf(':', start);
    while (colon >= 0 && colon < end && !this.breaksPlain(colon + 1, end))
      colon = this.text.indexOf(':', colon + 1);
    if (colon < 0 || colon >= end) giveUp();
    const raw = this.text.slice(start, colon).trimEnd();
    if (raw === '' || PLAIN_FIRST_FORBIDDEN.has(raw[0]!) || raw[0] === '-' || raw.includes(' #')) giveUp();
    if (/[[\]{},"']/.test(raw) || typeof this.resolve(raw) !== 'string') giveUp();
    return { key: raw, keyNode: { kind: 'scalar', start, end: start + raw.length }, after: colon + 1 };
  }

  /** `:` ends a plain key when followed by a space or the end of the line. */
  private breaksPlain(offset: number, end: number): boolean {
    return offset >= end || this.text.charCodeAt(offset) === 32;
  }

  private valueAfterKey(after: number, end: number, column: number): Parsed {
    let start = this.skipSpaces(after, end);
    const ch = this.text[start];
    if (ch === '*') return this.alias(start, end);
    if (ch !== '&') return this.unanchored(start, end, column);
    // `&name value`: the value's place is the value's, not the anchor's, as in the `yaml` package.
    const nameEnd = this.tokenEnd(start, end);
    const name = this.text.slice(start + 1, nameEnd);
    start = this.skipSpaces(nameEnd, end);
    if (!ANCHOR_NAME.test(name) || (start === nameEnd && start < end)) giveUp();
    const aliasesBefore = this.aliases;
    const parsed = this.unanchored(start, end, column);
    // Aliases inside an anchored value multiply expansions; the `yaml` package counts those.
    if (this.aliases !== aliasesBefore || !this.expands(parsed.node)) giveUp();
    this.anchors.set(name, { parsed, uses: 0 });
    return parsed;
  }

  /** `*name` as a whole value: the anchored value itself, as the `yaml` package gives it. */
  private alias(start: number, end: number): Parsed {
    const until = this.tokenEnd(start, end);
    const anchor = this.anchors.get(this.text.slice(start + 1, until));
    // An unknown alias is an error the `yaml` package reports; so is an alias bomb. It counts
    // the anchored value once and each alias once more, and refuses a count over the limit.
    if (anchor === undefined || 1 + ++anchor.uses > this.maxAliasCount) giveUp();
    this.aliases++;
    this.expectLineEnd(until, end);
    return { value: anchor.parsed.value, node: anchor.parsed.node, until };
  }

  /** Offset after a run of characters other than spaces. */
  private tokenEnd(start: number, end: number): number {
    let i = start;
    while (i < end && this.text.charCodeAt(i) !== 32) i++;
    return i;
  }

  /**
   * Whether an alias of this value counts once toward the alias limit: a scalar or a collection
   * with a scalar or non-empty map in it. The `yaml` package counts an empty one as nothing.
   */
  private expands(node: PosNode): boolean {
    if (node.kind === 'scalar') return true;
    if (node.kind === 'map') return node.pairs.size > 0;
    return node.items.some((item) => item.kind === 'scalar' || (item.kind === 'map' && item.pairs.size > 0));
  }

  private unanchored(start: number, end: number, column: number): Parsed {
    if (start < end && this.text[start] !== '#') return this.inline(start, end);
    const next = this.lines[this.index];
    if (!next) giveUp();
    if (next.indent > column) return this.block(next);
    if (next.indent === column && this.isSeqItem(next.start)) return this.seq(next.start, column);
    return giveUp(); // an empty value: rare, and the `yaml` package places its null exactly
  }

  private block(line: Line): Parsed {
    return this.isSeqItem(line.start) ? this.seq(line.start, line.indent) : this.map(line.start, line.indent);
  }

  private isSeqItem(offset: number): boolean {
    if (this.text[offset] !== '-') return false;
    const next = this.text.charCodeAt(offset + 1);
    return next === 32 || next === 10 || Number.isNaN(next);
  }

  private seq(start: number, column: number): Parsed {
    const value: unknown[] = [];
    const node: PosSeq = { kind: 'seq', start, end: start, items: [] };
    for (;;) {
      const line = this.lines[this.index]!;
      if (line.indent !== column || !this.isSeqItem(line.start)) giveUp();
      const itemStart = this.skipSpaces(line.start + 1, line.end);
      const item = this.seqItem(line, itemStart);
      value.push(item.value);
      node.items.push(item.node);
      node.end = this.endOf(item);
      const next = this.lines[this.index];
      if (!next || next.indent < column) break;
      if (next.indent > column || !this.isSeqItem(next.start)) {
        if (next.indent === column) break; // the parent map's next key
        giveUp();
      }
    }
    return { value, node, block: true };
  }

  private seqItem(line: Line, start: number): Parsed {
    if (start >= line.end || this.text[start] === '#') giveUp();
    if (this.isSeqItem(start)) giveUp();
    const ch = this.text[start]!;
    if (ch !== '[' && ch !== '{' && ch !== '"' && ch !== "'" && this.looksLikeKey(start, line.end)) {
      return this.map(start, start - (line.start - line.indent));
    }
    if ((ch === '"' || ch === "'") && this.looksLikeKey(this.quoted(start, line.end).end - 1, line.end))
      giveUp();
    this.index++;
    const parsed = this.inline(start, line.end);
    const next = this.lines[this.index];
    if (next && next.indent > line.indent) giveUp();
    return parsed;
  }

  /** A `key: ` (or `key:` at the end of the line) before any comment. */
  private looksLikeKey(start: number, end: number): boolean {
    for (let i = start; i < end; i++) {
      const c = this.text[i];
      if (c === '#' && this.text[i - 1] === ' ') return false;
      if (c === ':' && this.breaksPlain(i + 1, end)) return true;
    }
    return false;
  }

  /** A value on the rest of a line: flow collection, quoted or plain scalar. */
  private inline(start: number, end: number): Parsed {
    const ch = this.text[start]!;
    let parsed: Parsed;
    if (ch === '[' || ch === '{') parsed = this.flow(start, end);
    else if (ch === '"' || ch === "'") {
      const q = this.quoted(start, end);
      parsed = { value: q.value, node: { kind: 'scalar', start, end: q.end } };
    } else parsed = this.plainBlock(start, end);
    this.expectLineEnd(parsed.node.end, end);
    return parsed;
  }

  private expectLineEnd(offset: number, end: number): void {
    const rest = this.skipSpaces(offset, end);
    if (rest < end && !(this.text[rest] === '#' && rest > offset)) giveUp();
  }

  private plainBlock(start: number, end: number): Parsed {
    if (PLAIN_FIRST_FORBIDDEN.has(this.text[start]!) || this.text[start] === '-') {
      if (!(this.text[start] === '-' && /[0-9.]/.test(this.text[start + 1] ?? ''))) giveUp();
    }
    // A comment starts at ` #`; search this line only (indexOf would run on through the file).
    let stop = start;
    while (stop < end && !(this.text.charCodeAt(stop) === 35 && this.text.charCodeAt(stop - 1) === 32))
      stop++;
    const raw = this.text.slice(start, stop).trimEnd();
    if (raw.includes(': ') || raw.endsWith(':')) giveUp();
    return { value: this.resolve(raw), node: { kind: 'scalar', start, end: start + raw.length } };
  }

  private flow(start: number, end: number): Parsed {
    return this.text[start] === '[' ? this.flowSeq(start, end) : this.flowMap(start, end);
  }

  private flowSeq(start: number, end: number): Parsed {
    const value: unknown[] = [];
    const items: PosNode[] = [];
    let at = this.skipSpaces(start + 1, end);
    while (this.text[at] !== ']') {
      if (at >= end) giveUp();
      const item = this.flowValue(at, end);
      value.push(item.value);
      items.push(item.node);
      at = this.flowNext(item.node.end, end, ']');
    }
    return { value, node: { kind: 'seq', start, end: at + 1, items } };
  }

  private flowMap(start: number, end: number): Parsed {
    const value: Record<string, unknown> = {};
    const pairs = new Map<string, { key: PosScalar; value: PosNode }>();
    let at = this.skipSpaces(start + 1, end);
    while (this.text[at] !== '}') {
      if (at >= end) giveUp();
      const { key, keyNode, after } = this.flowKey(at, end);
      if (pairs.has(key) || key === '__proto__' || key === '<<') giveUp();
      const item = this.flowValue(this.skipSpaces(after, end), end);
      value[key] = item.value;
      pairs.set(key, { key: keyNode, value: item.node });
      at = this.flowNext(item.node.end, end, '}');
    }
    return { value, node: { kind: 'map', start, end: at + 1, pairs } };
  }

  /** After a flow entry: a comma (and maybe the closing bracket), or the closing bracket. */
  private flowNext(offset: number, end: number, close: string): number {
    let at = this.skipSpaces(offset, end);
    if (this.text[at] === ',') at = this.skipSpaces(at + 1, end);
    else if (this.text[at] !== close) giveUp();
    return at;
  }

  private flowKey(start: number, end: number): { key: string; keyNode: PosScalar; after: number } {
    const ch = this.text[start];
    if (ch === '"' || ch === "'") {
      const q = this.quoted(start, end);
      if (this.text[q.end] !== ':') giveUp();
      return { key: q.value, keyNode: { kind: 'scalar', start, end: q.end }, after: q.end + 1 };
    }
    let i = start;
    while (i < end && !(this.text[i] === ':' && /[ ,\]}]/.test(this.text[i + 1] ?? '\n'))) {
      if (/[,[\]{}#]/.test(this.text[i]!)) giveUp();
      i++;
    }
    if (i >= end) giveUp();
    const raw = this.text.slice(start, i).trimEnd();
    if (
      raw === '' ||
      PLAIN_FIRST_FORBIDDEN.has(raw[0]!) ||
      raw[0] === '-' ||
      typeof this.resolve(raw) !== 'string'
    )
      giveUp();
    if (this.text[i + 1] !== ' ') giveUp();
    return { key: raw, keyNode: { kind: 'scalar', start, end: start + raw.length }, after: i + 1 };
  }

  private flowValue(start: number, end: number): Parsed {
    const ch = this.text[start];
    if (ch === '[' || ch === '{') return this.flow(start, end);
    if (ch === '"' || ch === "'") {
      const q = this.quoted(start, end);
      return { value: q.value, node: { kind: 'scalar', start, end: q.end } };
    }
    if (
      ch === undefined ||
      PLAIN_FIRST_FORBIDDEN.has(ch) ||
      (ch === '-' && !/[0-9.]/.test(this.text[start + 1] ?? ''))
    )
      giveUp();
    let i = start;
    while (i < end && !/[,[\]{}]/.test(this.text[i]!)) {
      if (this.text[i] === ':' || this.text[i] === '#') giveUp();
      i++;
    }
    const raw = this.text.slice(start, i).trimEnd();
    return { value: this.resolve(raw), node: { kind: 'scalar', start, end: start + raw.length } };
  }

  /** A quoted scalar on one line: single quotes with '' escapes, double quotes without `\`. */
  private quoted(start: number, end: number): { value: string; end: number } {
    const quote = this.text[start]!;
    let value = '';
    let i = start + 1;
    for (;;) {
      const close = this.text.indexOf(quote, i);
      if (close < 0 || close >= end) giveUp();
      value += this.text.slice(i, close);
      if (quote === "'" && this.text[close + 1] === "'") {
        value += "'";
        i = close + 2;
        continue;
      }
      if (quote === '"' && value.includes('\\')) giveUp();
      return { value, end: close + 1 };
    }
  }

  /** YAML 1.2 core schema resolution of a plain scalar, as the `yaml` package does it. */
  private resolve(raw: string): unknown {
    if (raw === '') giveUp();
    if (raw === '~' || raw === 'null' || raw === 'Null' || raw === 'NULL') return null;
    if (raw === 'true' || raw === 'True' || raw === 'TRUE') return true;
    if (raw === 'false' || raw === 'False' || raw === 'FALSE') return false;
    if (INT.test(raw)) {
      const n = Number(raw);
      if (!Number.isSafeInteger(n)) giveUp();
      return n;
    }
    if (FLOAT.test(raw)) return Number(raw);
    if (OTHER_CORE.test(raw)) giveUp();
    return raw;
  }

  private skipSpaces(offset: number, end: number): number {
    let i = offset;
    while (i < end && this.text.charCodeAt(i) === 32) i++;
    return i;
  }
}
