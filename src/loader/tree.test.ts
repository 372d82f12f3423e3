import { describe, expect, it } from 'vitest';
import { isAlias, parseDocument, visit } from 'yaml';
import { type PosNode, treeOfDocument } from './tree.js';

function child(node: PosNode | undefined, key: string): PosNode | undefined {
  return node?.kind === 'map' ? node.pairs.get(key)?.value : undefined;
}

describe('treeOfDocument', () => {
  it('maps each alias to the last anchor of its name before it', () => {
    const text = 'a: &x [1]\nb: *x\nc: &x [2, 3]\nd: *x\ne: { f: &y 7, g: *y }\n';
    const tree = treeOfDocument(parseDocument(text));
    expect(child(tree, 'b')?.start).toBe(text.indexOf('[1]'));
    expect(child(tree, 'b')).toBe(child(tree, 'a'));
    expect(child(tree, 'd')).toBe(child(tree, 'c'));
    expect(child(child(tree, 'e'), 'g')?.start).toBe(text.indexOf('7'));
  });

  it('agrees with the yaml package on every alias of a document', () => {
    const lines = ['root:'];
    for (let i = 0; i < 30; i++) lines.push(`  k${i}: &a${i % 4} { v: ${i} }`, `  r${i}: *a${(i * 7) % 4}`);
    const doc = parseDocument(lines.join('\n'));
    const tree = treeOfDocument(doc);
    const root = child(tree, 'root');
    let checked = 0;
    visit(doc, {
      Pair(_, pair) {
        if (!isAlias(pair.value)) return;
        // An alias before any anchor of its name resolves to nothing: its key's place serves.
        const expected = pair.value.resolve(doc)?.range?.[0] ?? (pair.key as { range: number[] }).range[0];
        expect(child(root, String(pair.key))?.start).toBe(expected);
        checked++;
      },
    });
    expect(checked).toBe(30);
  });

  it('places an alias without an earlier anchor at its key', () => {
    const tree = treeOfDocument(parseDocument('a: *nope\nb: &nope 1\n'));
    expect(child(tree, 'a')).toEqual({ kind: 'scalar', start: 0, end: 1 });
  });
});
