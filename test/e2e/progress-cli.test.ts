import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

/** util-linux `script` gives the CLI a real pseudo-terminal for stdout and stderr. */
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

const ESC = /\u001b\[/;

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bwsync-progress-'));
  cpSync(join(ROOT, 'examples/quickstart.yaml'), join(dir, 'bwsync.yaml'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('apply progress from the CLI', () => {
  it('without a terminal prints plain step lines on stderr, no ANSI, and the report on stdout', async () => {
    const run = await runCli(['apply', '--local', '--auto-approve'], {
      cwd: dir,
      env: { NO_COLOR: undefined },
    });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(ESC);
    expect(run.stdout).not.toMatch(ESC);
    expect(run.stderr).toMatch(
      /^✓ sharedBandwidth\/cn-hangzhou\/web-egress: Create shared bandwidth package .*: done after \S+ \[\d+\/10\]$/m,
    );
    expect(run.stderr).toMatch(/^Finished: 10 done, 0 failed, 0 skipped\.$/m);
    expect(run.stdout).toContain('Apply complete! Resources: 4 added, 0 changed, 0 destroyed.');
  });

  it.skipIf(!hasScript)('on a pseudo-terminal redraws a coloured live view', () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} apply --local --auto-approve`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      TERM: 'xterm-256color',
      COLUMNS: '120',
    };
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    const out = run.stdout;
    // Colour on the terminal, and the cursor moving up over the status block to redraw it.
    expect(out).toContain('\u001b[32m✓\u001b[39m');
    expect(out).toMatch(/\r\u001b\[\d+A\u001b\[J/);
    expect(out).toMatch(/Applying\u001b\[22m \d+\/10/);
    expect(out).toContain('Apply complete! Resources: 4 added, 0 changed, 0 destroyed.');
  });
});

describe('plan output formats from the CLI', () => {
  it('colours the text plan only on request, never markdown or JSON', async () => {
    const plain = await runCli(['plan', '--local'], { cwd: dir, env: { NO_COLOR: undefined } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(ESC);
    expect(plain.stdout).toContain('Plan: 4 to add, 0 to change, 0 to destroy.');
    const forced = await runCli(['plan', '--local', '--color', 'always'], { cwd: dir });
    expect(forced.stdout).toMatch(ESC);
    const md = await runCli(['plan', '--local', '--format', 'markdown', '--color', 'always'], { cwd: dir });
    expect(md.stdout).not.toMatch(ESC);
    expect(md.stdout.split('\n')[0]).toMatch(
      /^<!-- bwsync: \{"v":1,"kind":"plan","stack":"quickstart","plan_hash":"[^"]+"\} -->$/,
    );
    const json = await runCli(['plan', '--local', '--format', 'json', '--color', 'always'], { cwd: dir });
    expect(json.stdout).not.toMatch(ESC);
    expect((JSON.parse(json.stdout) as { format_version: string }).format_version).toBe('1.0');
  });
});

describe('JSON documents from the CLI', () => {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as object;
  const planSchema = ajv.compile(schema('plan-output.schema.json'));
  const reportSchema = ajv.compile(schema('apply-report.schema.json'));

  it('plan --format json and apply --report validate against the published schemas', async () => {
    const plan = await runCli(['plan', '--local', '--format', 'json'], { cwd: dir });
    expect(plan.code).toBe(0);
    planSchema(JSON.parse(plan.stdout));
    expect(planSchema.errors ?? []).toEqual([]);
    const apply = await runCli(['apply', '--local', '--auto-approve', '--report', 'report.json'], {
      cwd: dir,
    });
    expect(apply.code).toBe(0);
    const report: unknown = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    reportSchema(report);
    expect(reportSchema.errors ?? []).toEqual([]);
    expect(report).toMatchObject({ converged: true, totals: { failed: 0 } });
  });
});
