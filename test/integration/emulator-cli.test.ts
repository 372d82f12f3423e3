import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../src/emulator/index.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import type { TestEmulator } from '../helpers/emulator.js';
import { popClient } from '../helpers/emulator-sdk.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** Spawns `bwsync emulator …` and resolves with its URL from the first stdout line (bounded to 20 s). */
function spawnEmulator(args: string[]): Promise<Running> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' };
  const child = spawn(process.execPath, [BIN, 'emulator', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no listening line in 20 s; stderr: ${err}`)), 20_000);
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined) {
        clearTimeout(timer);
        const m = /^bwsync emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
        if (m) resolve({ child, url: m[1]!, exited });
        else reject(new Error(`unexpected first line: ${line}`));
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before listening; stderr: ${err}`)));
  });
}

function asTestEmulator(url: string): TestEmulator {
  return { url, credentials: DEMO_CREDENTIALS } as TestEmulator;
}

describe('bwsync emulator', () => {
  it('prints exactly the listening line first, serves the demo cloud, and stops on SIGTERM', async () => {
    const run = await spawnEmulator(['--async-ms', '10']);
    const vpc = popClient(asTestEmulator(run.url), 'vpc');
    const list = await vpc.request('DescribeCommonBandwidthPackages', { RegionId: 'cn-hangzhou' });
    expect(JSON.stringify(list)).toContain('cbwp-bp1demohandmade0001');
    const eips = await vpc.request('DescribeEipAddresses', { RegionId: 'cn-hangzhou', PageSize: 100 });
    expect(eips.TotalCount).toBe(7);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('keeps its state file across a SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bwsync-emu-cli-'));
    const state = join(dir, 'cloud.json');
    const first = await spawnEmulator(['--state', state, '--empty']);
    const made = await popClient(asTestEmulator(first.url), 'vpc').request('CreateCommonBandwidthPackage', {
      RegionId: 'cn-shanghai',
      Bandwidth: 8,
      Name: 'survivor',
    });
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await spawnEmulator(['--state', state]);
    const list = await popClient(asTestEmulator(second.url), 'vpc').request(
      'DescribeCommonBandwidthPackages',
      { RegionId: 'cn-shanghai' },
    );
    expect(JSON.stringify(list)).toContain(made.BandwidthPackageId as string);
    second.child.kill('SIGTERM');
    await second.exited;
  });

  it('refuses a corrupt state file with a clear error and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bwsync-emu-cli-'));
    const state = join(dir, 'cloud.json');
    writeFileSync(state, 'not json');
    const r = await runCli(['emulator', '--state', state], { timeoutMs: 20_000 });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${state} is not usable: invalid JSON`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(state, 'utf8')).toBe('not json');
  });

  it('names the bad entry of a seed file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bwsync-emu-cli-'));
    const seed = join(dir, 'seed.yaml');
    writeFileSync(seed, 'eips:\n  - { region: cn-hangzhou }\n  - { region: mars-1 }\n');
    const r = await runCli(['emulator', '--seed', seed], { timeoutMs: 20_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('bwsync: error[emulator-seed]: seed eips[1]: unknown region "mars-1"\n');
  });

  it('refuses a bad --faults spec', async () => {
    const r = await runCli(['emulator', '--faults', 'rate=3'], { timeoutMs: 20_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--faults "rate=3" is not valid');
  });
});
