import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('bwsync CLI shell', () => {
  it('prints help listing the commands', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['validate', 'plan', 'apply', 'export', 'call', 'emulator']) {
      expect(run.stdout).toContain(command);
    }
  });

  it('prints the package version', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('rejects an unknown command with a one-line error and exit 1', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown command 'frobnicate'/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers an unknown command or flag with exactly one line and a hint', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /^bwsync: error: unknown command 'frobnicate' \(see bwsync --help\)\n$/],
      [['plna'], /^bwsync: error: unknown command 'plna' \(did you mean plan\?\)\n$/],
      [['call', '--frob'], /^bwsync: error: unknown option '--frob' \(see bwsync call --help\)\n$/],
      [
        ['call', '--endpont', 'x'],
        /^bwsync: error: unknown option '--endpont' \(did you mean --endpoint\?\)\n$/,
      ],
      [['call'], /^bwsync: error: missing required argument 'product' \(see bwsync call --help\)\n$/],
    ];
    for (const [args, expected] of cases) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).toMatch(expected);
      expect(run.stdout).toBe('');
    }
  });

  it('shows a stack trace for a failure only with --debug', async () => {
    const args = ['call', 'vpc', 'DescribeX', '--endpoint', 'http://192.0.2.1'];
    const plain = await runCli(args);
    const debug = await runCli([...args, '--debug']);
    expect(plain.code).toBe(1);
    expect(debug.code).toBe(1);
    expect(plain.stderr).toMatch(/only for loopback hosts/);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    expect(debug.stderr).toMatch(/ConfigError: --endpoint uses plain http[^\n]*\n\s+at /);
  });
});
