import { type Document, isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';

/**
 * Where each value of a document is, by offsets into the text. Both YAML readers (the fast
 * subset reader and the `yaml` package) produce this, so positions never depend on which ran.
 */
export type PosNode = PosMap | PosSeq | PosScalar;

interface PosBase {
  start: number;
  end: number;
}
export interface PosMap extends PosBase {
  kind: 'map';
  pairs: Map<string, { key: PosScalar; value: PosNode }>;
}
export interface PosSeq extends PosBase {
  kind: 'seq';
  items: PosNode[];
}
export interface PosScalar extends PosBase {
  kind: 'scalar';
}

/** Converts a parsed `yaml` document; an alias maps to its anchor's node, converted once. */
export function treeOfDocument(doc: Document.Parsed): PosNode | undefined {
  const memo = new Map<Node, PosNode>();
  const convert = (node: unknown): PosNode | undefined => {
    const target = isAlias(node) ? node.resolve(doc) : node;
    if (!target || typeof target !== 'object') return undefined;
    const known = memo.get(target as Node);
    if (known) return known;
    const range = (target as Node).range ?? [0, 0, 0];
    if (isMap(target)) {
      const out: PosMap = { kind: 'map', start: range[0], end: range[1], pairs: new Map() };
      memo.set(target, out);
      for (const pair of target.items) {
        if (!isScalar(pair.key)) continue;
        const keyRange = pair.key.range ?? [0, 0, 0];
        const key: PosScalar = { kind: 'scalar', start: keyRange[0], end: keyRange[1] };
        out.pairs.set(String(pair.key.value), { key, value: convert(pair.value) ?? key });
      }
      return out;
    }
    if (isSeq(target)) {
      const out: PosSeq = { kind: 'seq', start: range[0], end: range[1], items: [] };
      memo.set(target, out);
      for (const item of target.items)
        out.items.push(convert(item) ?? { kind: 'scalar', start: range[0], end: range[0] });
      return out;
    }
    const out: PosScalar = { kind: 'scalar', start: range[0], end: range[1] };
    memo.set(target as Node, out);
    return out;
  };
  return convert(doc.contents);
}
