import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fastParse } from './fast-yaml.js';
import { type PosNode, treeOfDocument } from './tree.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the `yaml` package makes of a text, when it parses cleanly. */
function reference(text: string): { data: unknown; tree: PosNode | undefined } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, merge: false });
  if (doc.errors.length > 0 || doc.contents === null) return undefined;
  return { data: doc.toJS({ maxAliasCount: 100 }), tree: treeOfDocument(doc) };
}

/** Offsets as comparable text: `map@0-20{a@0-1:scalar@3-4}`. */
function shape(node: PosNode | undefined): string {
  if (!node) return '-';
  if (node.kind === 'scalar') return `s@${node.start}-${node.end}`;
  if (node.kind === 'seq') return `seq@${node.start}-${node.end}[${node.items.map(shape).join(',')}]`;
  const pairs = [...node.pairs].map(([k, p]) => `${k}@${p.key.start}-${p.key.end}:${shape(p.value)}`);
  return `map@${node.start}-${node.end}{${pairs.join(',')}}`;
}

/** The fast reader must agree exactly with the `yaml` package, or decline. */
function expectAgreement(text: string): boolean {
  const fast = fastParse(text);
  if (!fast) return false;
  const ref = reference(text);
  expect(ref, 'the fast reader accepted text the yaml package rejects').toBeDefined();
  expect(fast.data).toEqual(ref?.data);
  expect(shape(fast.tree)).toBe(shape(ref?.tree));
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('fast YAML subset reader', () => {
  it('agrees with the yaml package on every example and corpus file it reads', () => {
    const files = [...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'test/fixtures/invalid'))];
    const read = files.filter((f) => expectAgreement(readFileSync(f, 'utf8')));
    // Plain block-style files take the fast path (multi-file/global.yaml has multi-line flow).
    for (const name of [
      'quickstart',
      'shared-bandwidth',
      'cen-bandwidth',
      'ga-bandwidth',
      'multi-file/network',
    ]) {
      expect(read).toContain(join(ROOT, 'examples', `${name}.yaml`));
    }
    expect(read.length).toBeGreaterThan(20);
  });

  const ACCEPTED = [
    "a: 1\nb: [x, \"y\", 'z''s']\nc: { d: -5, e: 1.5e3, f: ~, g: TRUE }\n",
    'a:\n- x\n- y\nb: 2\n',
    'a:\n  - name: x # comment\n    tags: { "k:1": v }\n  - [1, 2,]\n# trailing\n',
    'a: b#c\nd: e  # note\nf: 0800\ng: +5\nh: 网络\n',
    'a:\n  b:\n    c: []\n    d: {}\n',
    "k: 'it''s: fine'\n",
    'a: &x 1\nb: *x\n',
    'a: &x [1, 2]\nb:\n  c: *x # again\nx: &x\n  - 3\nd: *x\n',
    'a:\n  - k: &m\n      p: 1\n      q: [2]\n  - k: *m\n',
    'a: &x # note\n  - 1\nb: *x # again\nc: &y-2 v\nd: *y-2\n',
  ];
  for (const text of ACCEPTED) {
    it(`reads ${JSON.stringify(text.slice(0, 40))} exactly as the yaml package`, () => {
      expect(expectAgreement(text)).toBe(true);
    });
  }

  const DECLINED = [
    '',
    '# only comments\n',
    'a: *x\nb: &x 1\n',
    'a: &x\n  b: *x\n',
    'a: &x 1\nb: &y\n  c: *x\nd: *y\n',
    'a: &x []\nb: *x\n',
    'a: &x{1}\n',
    'a: &x 1\nb: [*x]\n',
    '- &x 1\n- *x\n',
    'a: !!str 1\n',
    'a: |\n  text\n',
    'a: b\n  c\n',
    'a: 1\na: 2\n',
    '- a\n',
    '---\na: 1\n',
    'a: [1,\n  2]\n',
    'a: "x\\ty"\n',
    'a:\tb\n',
    'a: 1\r\n',
    '1: a\n',
    'a: b: c\n',
    'a:\n',
    'a: 0x1F\n',
    'a: .inf\n',
    'a: { b }\n',
    '<<: { a: 1 }\n',
    'a: @x\n',
    'a:\n  - b\n  c: d\n',
    'a: [1] x\n',
    '"a" b: 1\n',
  ];
  for (const text of DECLINED) {
    it(`leaves ${JSON.stringify(text)} to the yaml package`, () => {
      expect(fastParse(text)).toBeUndefined();
    });
  }

  it('leaves alias bombs to the yaml package, which reports them', () => {
    const uses = (n: number) =>
      `a: &x [1, 2]\n${Array.from({ length: n }, (_, i) => `b${i}: *x`).join('\n')}\n`;
    expect(expectAgreement(uses(99))).toBe(true);
    expect(fastParse(uses(100))).toBeUndefined();
    expect(() => reference(uses(100))).toThrow(/alias/i);
  });

  it('agrees with the yaml package on generated documents with anchors and aliases', () => {
    const name = fc.constantFrom('a', 'b', 'c');
    const inline = fc.constantFrom('x', '1', '[1, 2]', '{ k: v }', '[]', '~', "'s'", '');
    const value = fc.oneof(
      inline,
      name.map((n) => `*${n}`),
      fc.tuple(name, inline).map(([n, v]) => `&${n}${v === '' ? '' : ` ${v}`}`),
    );
    // A key, its value, and maybe a nested block (which an empty or anchor-only value takes).
    const entry = fc
      .tuple(value, fc.constantFrom('', '\n  - y\n  - *a', '\n  p: *b\n  q: 2', '\n  - z'))
      .filter(([v, block]) => (v === '' || /^&[a-c]$/.test(v)) === (block !== ''));
    const anchors = 'k: &a x\nl: &b [1, 2]\nm: &c { k: v }\n';
    const doc = fc
      .array(entry, { minLength: 1, maxLength: 10 })
      .map(
        (es) => anchors + es.map(([v, block], i) => `k${i}:${v === '' ? '' : ` ${v}`}${block}`).join('\n'),
      );
    let accepted = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (expectAgreement(`${text}\n`)) accepted++;
      }),
      { numRuns: 1500, seed: 7 },
    );
    // Enough documents take the fast path for the comparison to mean something.
    expect(accepted).toBeGreaterThan(150);
  });

  it('agrees with the yaml package whenever it accepts generated documents', () => {
    const scalar = fc.oneof(
      fc.constantFrom(
        'x',
        'eip-1',
        '10',
        '-3',
        '1.5',
        'true',
        'null',
        '~',
        '"q"',
        "'s'",
        'a b',
        'a#b',
        'http://x',
      ),
      fc.stringMatching(/^[a-z0-9 :#,.'"-]{0,8}$/),
    );
    const key = fc.constantFrom('a', 'b', 'name', 'ips', 'x:y', '"q k"');
    const line = fc.tuple(
      fc.nat(3),
      key,
      fc.oneof(
        scalar,
        scalar.map((s) => `[${s}, ${s}]`),
        scalar.map((s) => `{ k: ${s} }`),
        fc.constant(''),
      ),
    );
    const doc = fc
      .array(fc.tuple(line, fc.boolean()), { minLength: 1, maxLength: 8 })
      .map((ls) =>
        ls
          .map(
            ([[depth, k, v], dash]) =>
              `${'  '.repeat(depth)}${dash ? '- ' : ''}${k}:${v === '' ? '' : ` ${v}`}`,
          )
          .join('\n'),
      );
    fc.assert(
      fc.property(doc, (text) => {
        expectAgreement(`${text}\n`);
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  for (const example of ['quickstart', 'shared-bandwidth', 'cen-bandwidth', 'ga-bandwidth']) {
    it(`agrees with the yaml package on random edits of ${example}.yaml`, () => {
      const base = readFileSync(join(ROOT, `examples/${example}.yaml`), 'utf8');
      const pieces = [
        ' ',
        '\n',
        '  ',
        '- ',
        ': ',
        ':',
        '#',
        ' #',
        '"',
        "'",
        '[',
        ']',
        '{',
        '}',
        ',',
        'x',
        '1',
        '~',
        '&a ',
        '*a',
      ];
      const edit = fc.array(fc.tuple(fc.nat(base.length), fc.nat(4), fc.constantFrom(...pieces)), {
        minLength: 1,
        maxLength: 3,
      });
      let accepted = 0;
      fc.assert(
        fc.property(edit, (edits) => {
          let text = base;
          for (const [at, cut, piece] of edits) text = text.slice(0, at) + piece + text.slice(at + cut);
          if (expectAgreement(text)) accepted++;
        }),
        { numRuns: 500, seed: 11 },
      );
      // Most small edits keep the file in the subset; the comparison must have had work to do.
      expect(accepted).toBeGreaterThan(50);
    });
  }
});
