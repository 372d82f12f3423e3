import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errors, loadYaml, tempStack, where } from '../../test/helpers/load-yaml.js';
import { ConfigError } from '../errors.js';
import { loadDesiredState, loadOrThrow } from './index.js';

const STACK = `version: 1
stack: prod
defaults:
  region: cn-hangzhou
  tags: { owner: net, team: base }
sharedBandwidth:
  - name: web
    bandwidth: 200
    tags: { team: web }
    ips:
      - eip-bp1aaa
      - { id: eip-bp1bbb, bandwidth: 50 }
      - { id: eip-bp1ccc, bandwidth: null }
  - name: api
    region: cn-beijing
cenBandwidth:
  - { name: hz-sg, areas: [china, ASIA-PACIFIC], cens: [cen-aaa] }
gaBandwidth:
  - { name: edge, id: gbwp-abc, accelerators: [ga-aaa] }
`;

describe('loadDesiredState', () => {
  it('builds typed resources sorted by address, with defaults applied', async () => {
    const { state, diagnostics } = await loadYaml(STACK);
    expect(diagnostics).toEqual([]);
    expect(state?.stack).toBe('prod');
    expect(state?.files).toEqual(['stack.yaml']);
    expect(state?.resources.map((r) => r.address)).toEqual([
      'cenBandwidth/hz-sg',
      'gaBandwidth/edge',
      'sharedBandwidth/cn-beijing/api',
      'sharedBandwidth/cn-hangzhou/web',
    ]);
  });

  it('keeps omitted fields undefined and merges default tags under resource tags', async () => {
    const { state } = await loadYaml(STACK);
    const web = state?.resources.find((r) => r.name === 'web');
    const api = state?.resources.find((r) => r.name === 'api');
    expect(web).toMatchObject({
      kind: 'sharedBandwidth',
      region: 'cn-hangzhou',
      ensure: 'present',
      protect: false,
    });
    expect(web?.tags).toEqual({ owner: 'net', team: 'web' });
    expect(api?.tags).toEqual({ owner: 'net', team: 'base' });
    expect(api && 'bandwidth' in api).toBe(false);
    expect(api && 'ips' in api).toBe(false);
    expect(api?.description).toBeUndefined();
  });

  it('records the place of each declaration, field and IP', async () => {
    const { state } = await loadYaml(STACK);
    const web = state?.resources.find((r) => r.name === 'web');
    expect(web?.loc).toMatchObject({ file: 'stack.yaml', line: 7, col: 5, path: 'sharedBandwidth[0]' });
    expect(web?.fieldLocs.bandwidth).toMatchObject({
      line: 8,
      col: 16,
      path: 'sharedBandwidth[0].bandwidth',
    });
    if (web?.kind !== 'sharedBandwidth') throw new Error('expected sharedBandwidth');
    expect(web.ips?.map((ip) => [ip.id, ip.bandwidth, ip.loc.line, ip.loc.col])).toEqual([
      ['eip-bp1aaa', undefined, 11, 9],
      ['eip-bp1bbb', 50, 12, 9],
      ['eip-bp1ccc', null, 13, 9],
    ]);
  });

  it('files CEN and GA under the global region and normalises area case', async () => {
    const { state } = await loadYaml(STACK);
    const cen = state?.resources.find((r) => r.kind === 'cenBandwidth');
    const ga = state?.resources.find((r) => r.kind === 'gaBandwidth');
    expect(cen?.region).toBe('global');
    expect(cen?.kind === 'cenBandwidth' && cen.areas).toEqual(['China', 'Asia-Pacific']);
    expect(ga).toMatchObject({ region: 'global', id: 'gbwp-abc', accelerators: ['ga-aaa'] });
  });

  it('lets `ensure: absent` name a package by id alone', async () => {
    const { state, diagnostics } = await loadYaml(
      'version: 1\nstack: s\ngaBandwidth:\n  - { id: gbwp-old, ensure: absent }\n',
    );
    expect(diagnostics).toEqual([]);
    expect(state?.resources[0]).toMatchObject({ address: 'gaBandwidth/gbwp-old', ensure: 'absent' });
  });

  it('requires a name for a present package even when it is adopted by id', async () => {
    const result = await loadYaml('version: 1\nstack: s\ngaBandwidth:\n  - { id: gbwp-old }\n');
    expect(where(errors(result))).toEqual(['missing-key@4:5']);
  });

  it('merges a directory of files and names both places of a duplicate', async () => {
    const cwd = tempStack({
      'a.yaml': 'version: 1\nstack: s\ncenBandwidth:\n  - name: hz-sg\n',
      'b.yml': 'version: 1\nstack: s\n\ncenBandwidth:\n  - name: hz-sg\n',
      'notes.txt': 'ignored',
    });
    const result = await loadDesiredState(['.'], { cwd });
    expect(where(result.diagnostics)).toEqual(['duplicate-identity@5:5']);
    expect(result.diagnostics[0]?.loc?.file).toBe('b.yml');
    expect(result.diagnostics[0]?.related).toMatchObject({ file: 'a.yaml', line: 4, col: 5 });
    expect(result.diagnostics[0]?.message).toContain('a.yaml:4:5');
  });

  it('refuses files that declare different stacks', async () => {
    const cwd = tempStack({ 'a.yaml': 'version: 1\nstack: one\n', 'b.yaml': 'version: 1\nstack: two\n' });
    const result = await loadDesiredState(['a.yaml', 'b.yaml'], { cwd });
    expect(where(result.diagnostics)).toEqual(['stack-mismatch@2:8']);
    expect(result.diagnostics[0]?.related).toMatchObject({ file: 'a.yaml', line: 2 });
  });

  it('reports every broken declaration and still checks the healthy fields of each', async () => {
    const result = await loadYaml(`version: 1
stack: s
defaults: { region: cn-hangzhou }
sharedBandwidth:
  - name: web
    bandwidth: 100
    isp: bgp
    ips: [{ id: eip-bp1aaa, bandwidth: 150 }]
  - name: api
    bandwith: 5
`);
    expect(where(errors(result))).toEqual([
      'bad-value@7:10',
      'ip-cap-exceeds-bandwidth@8:11',
      'unknown-key@10:5',
    ]);
    expect(result.diagnostics[0]?.hint).toBe('did you mean "BGP"?');
    expect(result.diagnostics[2]?.hint).toBe('did you mean `bandwidth`?');
  });

  it('follows aliases to where the value was written', async () => {
    const result = await loadYaml('version: 1\nstack: s\nx-tags: &t { a: b }\n');
    expect(where(result.diagnostics)).toEqual(['unknown-key@3:1']);
  });

  it('rejects a document that is not a mapping', async () => {
    const result = await loadYaml('- version: 1\n');
    expect(where(result.diagnostics)).toEqual(['wrong-type@1:1']);
  });
});

describe('hostile and missing input', () => {
  it('reports a missing path', async () => {
    const result = await loadDesiredState(['nope.yaml'], { cwd: tempStack({}) });
    expect(where(result.diagnostics)).toEqual(['file-not-found@1:1']);
    expect(result.diagnostics[0]?.message).toBe('nope.yaml does not exist.');
  });

  it('reports a directory without YAML files', async () => {
    const cwd = tempStack({ 'README.md': '# hi' });
    mkdirSync(join(cwd, 'empty'));
    const result = await loadDesiredState(['empty'], { cwd });
    expect(where(result.diagnostics)).toEqual(['no-yaml-files@1:1']);
  });

  it('reads ./bwsync.yaml by default and says what to pass when it is missing', async () => {
    const cwd = tempStack({ 'bwsync.yaml': 'version: 1\nstack: s\n' });
    expect((await loadDesiredState([], { cwd })).state?.files).toEqual(['bwsync.yaml']);
    const none = await loadDesiredState([], { cwd: tempStack({}) });
    expect(none.diagnostics.map((d) => d.code)).toEqual(['no-input']);
    expect(none.diagnostics[0]?.hint).toMatch(/pass a file or directory/);
  });

  it('refuses binary files, pointing at the NUL byte', async () => {
    const cwd = tempStack({ 'bin.yaml': Buffer.from('version: 1\nab\0cd\n') });
    const result = await loadDesiredState(['bin.yaml'], { cwd });
    expect(where(result.diagnostics)).toEqual(['file-binary@2:3']);
  });

  it('refuses text that is not UTF-8, pointing at the bad byte', async () => {
    const cwd = tempStack({
      'latin1.yaml': Buffer.from([...Buffer.from('version: 1\nstack: caf'), 0xe9, 0x0a]),
    });
    const result = await loadDesiredState(['latin1.yaml'], { cwd });
    expect(where(result.diagnostics)).toEqual(['file-encoding@2:11']);
  });

  it('refuses UTF-16 files', async () => {
    const cwd = tempStack({ 'u16.yaml': Buffer.from('\ufeffversion: 1\n', 'utf16le') });
    const result = await loadDesiredState(['u16.yaml'], { cwd });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['file-encoding']);
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const cwd = tempStack({ 'bom.yaml': '\ufeffversion: 1\nstack: s\n' });
    expect((await loadDesiredState(['bom.yaml'], { cwd })).diagnostics).toEqual([]);
  });

  it('refuses files over the size limit before parsing them', async () => {
    const cwd = tempStack({ 'big.yaml': `version: 1\nstack: s\n#${'x'.repeat(2000)}\n` });
    const result = await loadDesiredState(['big.yaml'], { cwd, maxFileBytes: 1024 });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
    expect(result.diagnostics[0]?.message).toMatch(/over the 1024-byte limit/);
  });

  it('refuses paths that are neither files nor directories', async () => {
    const cwd = tempStack({});
    execFileSync('mkfifo', [join(cwd, 'pipe.yaml')]);
    const result = await loadDesiredState(['pipe.yaml'], { cwd });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['file-unreadable']);
  });

  it('reports a dangling symlink as missing', async () => {
    const cwd = tempStack({});
    symlinkSync(join(cwd, 'gone.yaml'), join(cwd, 'link.yaml'));
    const result = await loadDesiredState(['link.yaml'], { cwd });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['file-not-found']);
  });

  it('stops alias bombs at a small expansion count', async () => {
    const bomb = ['version: 1', 'stack: s', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 0 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`,
      );
    const result = await loadYaml(`${bomb.join('\n')}\n`);
    expect(where(result.diagnostics)).toEqual(['yaml-alias-limit@4:10']);
  });
});

describe('loadOrThrow', () => {
  it('returns the state and warnings when valid', async () => {
    const cwd = tempStack({
      's.yaml': 'version: 1\nstack: s\ncenBandwidth:\n  - { name: old, ensure: absent, bandwidth: 5 }\n',
    });
    const { state, warnings } = await loadOrThrow(['s.yaml'], { cwd });
    expect(state.resources).toHaveLength(1);
    expect(warnings.map((w) => w.code)).toEqual(['absent-ignored']);
  });

  it('throws ConfigError carrying every diagnostic', async () => {
    const cwd = tempStack({ 's.yaml': 'version: 2\nstack: s\nfoo: 1\n' });
    const error = await loadOrThrow(['s.yaml'], { cwd }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).diagnostics.map((d) => d.code)).toEqual(['bad-value', 'unknown-key']);
    expect((error as ConfigError).message).toBe('The desired state has 2 errors.');
  });
});

describe('pathological nesting', () => {
  it('reports documents nested too deeply to read, in either reader', async () => {
    const flow = `version: 1\nstack: s\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const block = `version: 1\nstack: s\nx:\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i + 1)}a:\n`).join('')}${'  '.repeat(3001)}b: 1\n`;
    for (const text of [flow, block]) {
      const result = await loadYaml(text);
      expect(result.diagnostics.map((d) => d.code)).toEqual(['file-too-deep']);
    }
  });
});
