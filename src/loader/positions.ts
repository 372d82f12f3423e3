import type { SourceLoc } from '../model/source.js';
import type { LineIndex } from './lines.js';
import type { PosNode } from './tree.js';

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
    private readonly root: PosNode | undefined,
    private readonly lines: LineIndex,
  ) {}

  /** The place of a node's start and end, or of the document start when there is no node. */
  locOfNode(node: PosNode | undefined, path: string): SourceLoc {
    if (!node) return { file: this.file, line: 1, col: 1, path };
    const start = this.lines.at(node.start);
    return { file: this.file, line: start.line, col: start.col, path, end: this.lines.at(node.end) };
  }

  /**
   * The place of a node's start only. Used for the many places recorded in bulk (every field
   * and IP): one object less each, which large stacks feel in GC time. Printers find the end
   * of the token themselves.
   */
  startOf(node: PosNode | undefined, path: string): SourceLoc {
    return node ? this.lines.loc(node.start, this.file, path) : { file: this.file, line: 1, col: 1, path };
  }

  /** The node at a path; undefined when the path does not exist. */
  nodeAt(segments: readonly Segment[]): PosNode | undefined {
    let node = this.root;
    for (const segment of segments) {
      if (node?.kind === 'map') node = node.pairs.get(String(segment))?.value;
      else if (node?.kind === 'seq') node = node.items[Number(segment)];
      else return undefined;
    }
    return node;
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
    const pair = map?.kind === 'map' ? map.pairs.get(key) : undefined;
    return pair ? this.locOfNode(pair.key, pathText([...segments, key])) : this.locOf(segments);
  }
}
