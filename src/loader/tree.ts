import { type Alias, type Document, isAlias, isMap, isNode, isScalar, isSeq, type Node, visit } from 'yaml';

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
  const targets = aliasTargets(doc);
  const convert = (node: unknown): PosNode | undefined => {
    const target = isAlias(node) ? targets.get(node) : node;
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

/**
 * Each alias's anchored node, from one walk over the document: the last node before the alias
 * that carries its anchor, as `Alias.resolve` finds it. Calling `resolve` per alias instead
 * walks the whole document each time, which made files with many aliases take seconds.
 */
function aliasTargets(doc: Document.Parsed): Map<Alias, Node> {
  const anchored = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        const target = anchored.get(node.source);
        if (target !== undefined) targets.set(node, target);
      } else if (isNode(node) && node.anchor) anchored.set(node.anchor, node);
    },
  });
  return targets;
}
