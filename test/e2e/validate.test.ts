import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const CORPUS = 'test/fixtures/invalid';
const STACK_TRACE = /\n\s+at |Error: .*\n\s+at /;

describe('bwsync validate on the invalid corpus', () => {
  const files = readdirSync(join(ROOT, CORPUS)).filter((f) => f.endsWith('.yaml'));

  for (const file of files) {
    const code = file.slice(0, -5);
    it(`${code}: names the code and place, exits ${code === 'absent-ignored' ? 0 : 1}, no stack trace`, async () => {
      const run = await runCli(['validate', `${CORPUS}/${file}`]);
      const severity = code === 'absent-ignored' ? 'warning' : 'error';
      expect(run.stderr).toMatch(new RegExp(`^${CORPUS}/${file}:\\d+:\\d+: ${severity}\\[${code}\\]: `, 'm'));
      expect(run.code).toBe(severity === 'error' ? 1 : 0);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_TRACE);
      if (severity === 'warning') expect(run.stdout).toMatch(/^valid: 1 file, 1 resource/);
      else expect(run.stderr).toMatch(/✖ \d+ errors? in 1 file\n$/);
    });
  }
});

describe('bwsync validate', () => {
  it('prints a summary and exits 0 for a valid stack directory', async () => {
    const run = await runCli(['validate', 'examples/multi-file']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      'valid: 2 files, 5 resources (3 sharedBandwidth, 1 cenBandwidth, 1 gaBandwidth), stack multi-file\n',
    );
    expect(run.code).toBe(0);
  });

  it('shows the code frame and the suggestion for a typo', async () => {
    const run = await runCli(['validate', `${CORPUS}/unknown-key.yaml`]);
    expect(run.stderr).toContain(
      [
        `${CORPUS}/unknown-key.yaml:7:5: error[unknown-key]: Unknown key \`bandwith\` in sharedBandwidth.`,
        '   5 |   - name: web',
        '   6 |     region: cn-hangzhou',
        ' > 7 |     bandwith: 200',
        '     |     ^^^^^^^^ did you mean `bandwidth`?',
      ].join('\n'),
    );
  });

  it('reports every error of every file at once, sorted', async () => {
    const run = await runCli([
      'validate',
      `${CORPUS}/wrong-type.yaml`,
      `${CORPUS}/bad-value.yaml`,
      'missing.yaml',
    ]);
    const heads = run.stderr
      .split('\n')
      .filter((l) => /^\S+:\d+:\d+: /.test(l))
      .map((l) => l.split(': ')[0]);
    expect(heads).toEqual([
      'missing.yaml:1:1',
      `${CORPUS}/bad-value.yaml:3:8`,
      `${CORPUS}/bad-value.yaml:5:5`,
      `${CORPUS}/bad-value.yaml:7:25`,
      `${CORPUS}/wrong-type.yaml:7:16`,
    ]);
    expect(run.stderr).toMatch(/error\[stack-mismatch\]: stack `enum` differs from `units`/);
    expect(run.stderr).toMatch(
      /error\[duplicate-identity\]: .* declared twice \(first at .*wrong-type.yaml:5:5\)/,
    );
    expect(run.code).toBe(1);
  });

  it('writes JSON to stdout with --format json', async () => {
    const run = await runCli(['validate', '--format', 'json', `${CORPUS}/out-of-range.yaml`]);
    const doc = JSON.parse(run.stdout) as {
      valid: boolean;
      diagnostics: { code: string; line: number; col: number }[];
    };
    expect(doc.valid).toBe(false);
    expect(doc.diagnostics).toEqual([expect.objectContaining({ code: 'out-of-range', line: 6, col: 16 })]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it('reports resources in JSON for a valid file', async () => {
    const run = await runCli(['validate', '--format', 'json', 'examples/quickstart.yaml']);
    expect(JSON.parse(run.stdout)).toMatchObject({
      valid: true,
      files: ['examples/quickstart.yaml'],
      resources: { total: 4, sharedBandwidth: 2, cenBandwidth: 1, gaBandwidth: 1 },
      diagnostics: [],
    });
    expect(run.code).toBe(0);
  });

  it('adds ::error annotations under GitHub Actions', async () => {
    const run = await runCli(['validate', `${CORPUS}/isp-region.yaml`], { env: { GITHUB_ACTIONS: 'true' } });
    expect(run.stdout).toMatch(
      new RegExp(
        `^::error file=${CORPUS}/isp-region.yaml,line=7,col=10,title=bwsync isp-region::isp BGP_PRO is not offered in cn-beijing\\.`,
        'm',
      ),
    );
  });

  it('rejects an unknown --format value', async () => {
    const run = await runCli(['validate', '--format', 'xml', 'examples/quickstart.yaml']);
    expect(run.stderr).toMatch(/Allowed choices are text, json/);
    expect(run.code).toBe(1);
  });

  it('reads ./bwsync.yaml when no path is given, and explains when there is none', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'bwsync-validate-'));
    const none = await runCli(['validate'], { cwd });
    expect(none.stderr).toMatch(/^bwsync: error\[no-input\]: No input/m);
    expect(none.stderr).toMatch(/pass a file or directory/);
    expect(none.code).toBe(1);
    writeFileSync(join(cwd, 'bwsync.yaml'), 'version: 1\nstack: here\n');
    const found = await runCli(['validate'], { cwd });
    expect(found.stdout).toBe('valid: 1 file, 0 resources, stack here\n');
    expect(found.code).toBe(0);
  });

  it('refuses binary input without a stack trace', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'bwsync-validate-'));
    writeFileSync(join(cwd, 'x.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    const run = await runCli(['validate', 'x.yaml'], { cwd });
    expect(run.stderr).toMatch(/^x\.yaml:1:5: error\[file-binary\]: x\.yaml is not a text file/m);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(1);
  });
});
