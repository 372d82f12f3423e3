import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { SourceLoc } from '../model/source.js';

export type Segment = string | number;

/** `['sharedBandwidth', 0, 'ips', 1]` → `sharedBandwidth[0].ips[1]`. */
export function pathText(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}

/** Finds positions in one parsed document. */
export class Locator {
  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** The place of a node's start (and end), or of the document start when there is no node. */
  locOfNode(node: Node | null | undefined, path: string): SourceLoc {
    const range = node?.range;
    if (!range) return { file: this.file, line: 1, col: 1, path };
    const start = this.lines.linePos(range[0]);
    const end = this.lines.linePos(range[1]);
    return { file: this.file, line: start.line, col: start.col, path, end: { line: end.line, col: end.col } };
  }

  /** The node at a path, following aliases; undefined when the path does not exist. */
  nodeAt(segments: readonly Segment[]): Node | undefined {
    let node: Node | null | undefined = this.doc.contents;
    for (const segment of segments) {
      node = this.resolve(node);
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(segment));
        node = pair?.value as Node | null | undefined;
      } else if (isSeq(node)) {
        node = node.items[Number(segment)] as Node | null | undefined;
      } else {
        return undefined;
      }
      if (node === undefined || node === null) return undefined;
    }
    return this.resolve(node) ?? undefined;
  }

  /** Place of a value at a path; falls back to the nearest existing ancestor. */
  locOf(segments: readonly Segment[]): SourceLoc {
    for (let n = segments.length; n >= 0; n--) {
      const node = this.nodeAt(segments.slice(0, n));
      if (node) return this.locOfNode(node, pathText(segments));
    }
    return this.locOfNode(undefined, pathText(segments));
  }

  /** Place of the key `key` in the map at `segments` (for unknown keys). */
  keyLocOf(segments: readonly Segment[], key: string): SourceLoc {
    const map = this.nodeAt(segments);
    if (isMap(map)) {
      const pair = map.items.find((p) => keyText(p.key) === key);
      if (pair && isPair(pair) && isScalar(pair.key))
        return this.locOfNode(pair.key, pathText([...segments, key]));
    }
    return this.locOf(segments);
  }

  private resolve(node: Node | null | undefined): Node | null | undefined {
    // Aliases point at their anchor; errors belong where the value was written.
    return isAlias(node) ? (node.resolve(this.doc) as Node | undefined) : node;
  }
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
