import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errors, loadYaml, where } from '../../test/helpers/load-yaml.js';
import { CEN_BANDWIDTH_FIELDS, GA_BANDWIDTH_FIELDS, SHARED_BANDWIDTH_FIELDS } from './fields.js';
import { loadDesiredState } from './index.js';
import { bwsyncSchema, type JsonSchemaNode } from './schema.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');

function definition(name: string): JsonSchemaNode {
  const def = bwsyncSchema().definitions?.[name];
  if (!def) throw new Error(`schema has no definition ${name}`);
  return def;
}

describe('schema and model stay one', () => {
  it('has exactly the loader field lists (which the compiler checks against the model)', () => {
    const keys = (name: string) => Object.keys(definition(name).properties ?? {}).sort();
    expect(keys('sharedBandwidth')).toEqual([...SHARED_BANDWIDTH_FIELDS].sort());
    expect(keys('cenBandwidth')).toEqual([...CEN_BANDWIDTH_FIELDS].sort());
    expect(keys('gaBandwidth')).toEqual([...GA_BANDWIDTH_FIELDS].sort());
  });

  it('closes every object and describes every property (editor hovers)', () => {
    const undocumented: string[] = [];
    const open: string[] = [];
    const walk = (node: JsonSchemaNode, path: string) => {
      if (node.properties) {
        if (node.additionalProperties !== false) open.push(path);
        for (const [key, child] of Object.entries(node.properties)) {
          if (typeof child.description !== 'string' && typeof child.$ref !== 'string')
            undocumented.push(`${path}.${key}`);
          walk(child, `${path}.${key}`);
        }
      }
    };
    const schema = bwsyncSchema();
    walk(schema, '#');
    for (const [name, def] of Object.entries(schema.definitions ?? {})) walk(def, `#/definitions/${name}`);
    expect(undocumented).toEqual([]);
    expect(open).toEqual([]);
  });

  it('is versioned', () => {
    expect(bwsyncSchema().$id).toMatch(/\/v1\//);
    expect(bwsyncSchema().required).toEqual(['version', 'stack']);
  });
});

describe('examples', () => {
  const files = [
    ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')),
    ...readdirSync(EXAMPLES)
      .filter((f) => statSync(join(EXAMPLES, f)).isDirectory() && f !== 'github')
      .flatMap((d) => readdirSync(join(EXAMPLES, d)).map((f) => `${d}/${f}`)),
  ];

  it('include a quickstart, one file per product and a multi-file stack', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'quickstart.yaml',
        'shared-bandwidth.yaml',
        'cen-bandwidth.yaml',
        'ga-bandwidth.yaml',
      ]),
    );
    expect(files.filter((f) => f.startsWith('multi-file/')).length).toBeGreaterThan(1);
  });

  for (const file of files) {
    it(`${file} points its modeline at the schema`, () => {
      const first = readFileSync(join(EXAMPLES, file), 'utf8').split('\n')[0] ?? '';
      const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(match).not.toBeNull();
      const target = resolve(dirname(join(EXAMPLES, file)), match?.[1] ?? '');
      expect(target).toBe(join(ROOT, 'schemas', 'bwsync.schema.json'));
      expect(existsSync(target)).toBe(true);
    });
  }

  for (const target of [
    'quickstart.yaml',
    'shared-bandwidth.yaml',
    'cen-bandwidth.yaml',
    'ga-bandwidth.yaml',
    'multi-file',
  ]) {
    it(`${target} validates without a diagnostic`, async () => {
      const result = await loadDesiredState([target], { cwd: EXAMPLES });
      expect(result.diagnostics).toEqual([]);
      expect(result.state?.resources.length).toBeGreaterThan(0);
    });
  }

  it('quickstart uses only the demo cloud ids', async () => {
    const result = await loadDesiredState(['quickstart.yaml'], { cwd: EXAMPLES });
    const ids = JSON.stringify(result.state).match(/"(eip|cen|ga)-[a-z0-9]+"/g) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/demo/);
  });
});

const BASE = 'version: 1\nstack: s\ndefaults: { region: cn-hangzhou }\n';

/** Schema boundaries: the first value of each pair passes, the second fails with the code. */
const BOUNDS: { ok: string; bad: string; code: string }[] = [
  {
    ok: 'sharedBandwidth: [{ name: aa, bandwidth: 20000 }]',
    bad: 'sharedBandwidth: [{ name: aa, bandwidth: 20001 }]',
    code: 'out-of-range',
  },
  {
    ok: 'cenBandwidth: [{ name: aa, bandwidth: 2 }]',
    bad: 'cenBandwidth: [{ name: aa, bandwidth: 1 }]',
    code: 'out-of-range',
  },
  {
    ok: 'cenBandwidth: [{ name: aa, bandwidth: 10000 }]',
    bad: 'cenBandwidth: [{ name: aa, bandwidth: 10001 }]',
    code: 'out-of-range',
  },
  {
    ok: 'gaBandwidth: [{ name: aa, bandwidth: 2000 }]',
    bad: 'gaBandwidth: [{ name: aa, bandwidth: 2001 }]',
    code: 'out-of-range',
  },
  {
    ok: 'gaBandwidth: [{ name: aa, autoRenewDuration: 12 }]',
    bad: 'gaBandwidth: [{ name: aa, autoRenewDuration: 13 }]',
    code: 'out-of-range',
  },
  {
    ok: 'sharedBandwidth: [{ name: aa, bandwidth: 10 }]',
    bad: 'sharedBandwidth: [{ name: aa, bandwidth: 10.5 }]',
    code: 'wrong-type',
  },
  {
    ok: 'sharedBandwidth: [{ name: aa, ips: [{ id: eip-1, bandwidth: null }] }]',
    bad: 'sharedBandwidth: [{ name: aa, ips: [{ id: eip-1, bandwidth: "5" }] }]',
    code: 'wrong-type',
  },
  {
    ok: 'sharedBandwidth: [{ name: aa, ips: [{ id: eip-1 }] }]',
    bad: 'sharedBandwidth: [{ name: aa, ips: [{ bandwidth: 5 }] }]',
    code: 'missing-key',
  },
  {
    ok: 'cenBandwidth: [{ name: aa, areas: [middle-east, AUSTRALIA] }]',
    bad: 'cenBandwidth: [{ name: aa, areas: [China, Asia] }]',
    code: 'bad-value',
  },
  {
    ok: 'cenBandwidth: [{ name: aa, areas: [China, Europe] }]',
    bad: 'cenBandwidth: [{ name: aa, areas: [China, Europe, Australia] }]',
    code: 'bad-count',
  },
  {
    ok: 'cenBandwidth: [{ name: aa, description: d }]',
    bad: 'cenBandwidth: [{ name: aa, description: "" }]',
    code: 'bad-length',
  },
  {
    ok: 'cenBandwidth: [{ name: aa, cens: [cen-one] }]',
    bad: 'cenBandwidth: [{ name: aa, cens: [cen-one, cen-two] }]',
    code: 'bad-count',
  },
  { ok: 'gaBandwidth: [{ name: a.b-c_d }]', bad: 'gaBandwidth: [{ name: 1abc }]', code: 'bad-format' },
  {
    ok: 'sharedBandwidth: [{ name: 网络出口 }]',
    bad: 'sharedBandwidth: [{ name: -web }]',
    code: 'bad-format',
  },
  {
    ok: `sharedBandwidth: [{ name: a${'b'.repeat(127)} }]`,
    bad: `sharedBandwidth: [{ name: a${'b'.repeat(128)} }]`,
    code: 'bad-length',
  },
  {
    ok: `cenBandwidth: [{ name: aa, description: ${'d'.repeat(256)} }]`,
    bad: `cenBandwidth: [{ name: aa, description: ${'d'.repeat(257)} }]`,
    code: 'bad-length',
  },
  {
    ok: 'sharedBandwidth: [{ name: aa, ensure: absent }]',
    bad: 'sharedBandwidth: [{ name: aa, ensure: deleted }]',
    code: 'bad-value',
  },
  {
    ok: 'sharedBandwidth: [{ name: aa, protect: true }]',
    bad: 'sharedBandwidth: [{ name: aa, protect: yes }]',
    code: 'wrong-type',
  },
  {
    ok: 'sharedBandwidth: [{ name: aa, resourceGroupId: rg-abc }]',
    bad: 'sharedBandwidth: [{ name: aa, resourceGroupId: abc }]',
    code: 'bad-format',
  },
  {
    ok: 'gaBandwidth: [{ name: aa, accelerators: [ga-abc] }]',
    bad: 'gaBandwidth: [{ name: aa, accelerators: [abc] }]',
    code: 'bad-format',
  },
  {
    ok: 'cenBandwidth: [{ name: aa, cens: [cen-abc] }]',
    bad: 'cenBandwidth: [{ name: aa, cens: [cbn-abc] }]',
    code: 'bad-format',
  },
  {
    ok: 'sharedBandwidth: [{ name: aa, region: ap-southeast-1 }]',
    bad: 'sharedBandwidth: [{ name: aa, region: Hangzhou }]',
    code: 'bad-format',
  },
];

describe('schema boundaries', () => {
  for (const b of BOUNDS) {
    it(`${b.code}: ${b.bad.slice(0, 60)}`, async () => {
      const ok = await loadYaml(`${BASE}${b.ok}\n`);
      expect(ok.diagnostics).toEqual([]);
      const bad = await loadYaml(`${BASE}${b.bad}\n`);
      expect(errors(bad).map((d) => d.code)).toEqual([b.code]);
      expect(where(errors(bad))[0]).toMatch(/@4:\d+$/);
    });
  }

  it('points at tag keys that are too long or empty', async () => {
    const result = await loadYaml(
      `${BASE}sharedBandwidth:\n  - name: aa\n    tags:\n      ${'k'.repeat(129)}: v\n      "": e\n`,
    );
    expect(where(result.diagnostics)).toEqual(['bad-length@7:7', 'bad-length@8:7']);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'Key `kkkkkkkkkkkkkkkkkkkkkkkk…` in `tags` must be at most 128 characters long (it has 129).',
      'Key `` in `tags` must not be empty.',
    ]);
  });

  it('rejects version 2 and a bad stack id at the top level', async () => {
    const result = await loadYaml('version: 2\nstack: "my stack"\n');
    expect(where(result.diagnostics)).toEqual(['bad-value@1:10', 'bad-format@2:8']);
  });
});
